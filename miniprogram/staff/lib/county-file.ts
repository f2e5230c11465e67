/**
 * Saves a county file the `admin` function answered as base64 (`listFile`: the template, the
 * filled example, the current list), H5 / local runtime: a blob URL and a temporary <a download>.
 * The weapp build uses county-file.weapp.ts.
 */
export interface CountyFile {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves the file; answers the line to show ("已下载 …"). */
export async function saveCountyFile(file: CountyFile): Promise<string> {
  const url = URL.createObjectURL(new Blob([bytesOf(file.contentBase64)], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  a.setAttribute('data-county-download', file.fileName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return `已下载 ${file.fileName}`;
}
