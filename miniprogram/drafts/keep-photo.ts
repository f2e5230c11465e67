/**
 * H5: a chosen photo is a blob: URL, gone after a reload. A queued action keeps it as a data: URL in
 * storage instead (uploadPhoto reads both through fetch), when it is small enough for localStorage.
 */
/** localStorage holds about 5 MB per origin; a larger photo stays a blob: URL (kept while the page lives). */
const KEEP_MAX_BYTES = 1_500_000;

export async function keepPhoto(path: string): Promise<string> {
  if (!path.startsWith('blob:')) return path;
  try {
    const blob = await (await fetch(path)).blob();
    if (blob.size > KEEP_MAX_BYTES || typeof FileReader === 'undefined') return path;
    return await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : path);
      reader.onerror = () => resolve(path);
      reader.readAsDataURL(blob);
    });
  } catch {
    return path;
  }
}

/** Nothing to remove in H5: the data: URL lives in the outbox item. */
export function forgetPhoto(_path: string): void {}
