/**
 * What an H5 page asked the browser to save, in jsdom: the `<a download>` clicks (jsdom does not
 * navigate) and the blobs behind their object URLs (jsdom has none; the browser's are stood in for).
 * Call at the top of a test file: it installs the fakes around every test and empties the captures.
 */
export interface Downloads {
  saved: Array<{ href: string; download: string }>;
  blobs: Blob[];
}

export function captureDownloads(): Downloads {
  const captured: Downloads = { saved: [], blobs: [] };
  const onAnchorClick = (event: Event) => {
    const a = event.target;
    if (a instanceof HTMLAnchorElement && a.download) {
      captured.saved.push({ href: a.href, download: a.download });
      event.preventDefault();
    }
  };
  beforeAll(() => document.addEventListener('click', onAnchorClick, true));
  afterAll(() => document.removeEventListener('click', onAnchorClick, true));
  beforeEach(() => {
    captured.saved.length = 0;
    captured.blobs.length = 0;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        captured.blobs.push(blob);
        return `blob:fake-${captured.blobs.length}`;
      },
      revokeObjectURL: () => undefined,
    });
  });
  return captured;
}

/** A saved blob's text. */
export function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
