/**
 * weapp: the estate's mini-program code comes from the backend (wxacode.getUnlimited with
 * scene = the estate's scene code, page pages/report/index); nothing is drawn on the phone.
 */
export const QR_DRAWN_HERE = false;

export function reportUrl(sceneCode: string): string {
  return `pages/report/index?scene=${encodeURIComponent(sceneCode)}`;
}

export async function estateQr(_sceneCode: string): Promise<{ image: string; url: string } | null> {
  return null;
}
