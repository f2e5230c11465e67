/**
 * 月通报 download, H5 / local runtime: GET /api/bulletin with the sign-in token, saved through a
 * blob URL and a temporary <a download>. The weapp build uses bulletin.weapp.ts.
 */
import { getToken } from '../../api';
import { unwrap } from '../../api/envelope';
import { networkError } from '../../api/errors';

export type BulletinFormat = 'xlsx' | 'csv';

export interface BulletinRequest {
  jurisdiction: string;
  month: string;
  format: BulletinFormat;
}

export function bulletinUrl({ jurisdiction, month, format }: BulletinRequest): string {
  return `/api/bulletin?${new URLSearchParams({ jurisdiction, month, format }).toString()}`;
}

/** The file name of Content-Disposition (the UTF-8 `filename*` first), else `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // fall through to the ASCII name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the bulletin; answers the line to show ("已下载 …"). Refusals throw ApiError. */
export async function downloadBulletin(request: BulletinRequest): Promise<string> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(bulletinUrl(request), { method: 'GET', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not an envelope: unwrap answers the generic error
    }
    unwrap(body);
  }
  const filename = filenameOf(res.headers.get('Content-Disposition'), `月通报-${request.jurisdiction}-${request.month}.${request.format}`);
  save(await res.blob(), filename);
  return `已下载 ${filename}`;
}
