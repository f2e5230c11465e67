/**
 * H5 / local runtime transport: POST /api/<function> {action, data} with the dev sign-in token.
 * The weapp build uses transport.weapp.ts (wx.cloud.callFunction) instead.
 */
import { unwrap } from './envelope';
import { ApiError, networkError } from './errors';
import { getToken } from './session';

export type FunctionName = 'report' | 'ticket' | 'admin';

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken();
  return { ...extra, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

export async function callFunction<T>(fn: FunctionName, action: string, data: unknown = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/${fn}`, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ action, data }) });
  } catch {
    throw networkError();
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw res.status >= 500 || res.status === 0 ? networkError() : new ApiError('INTERNAL', '系统繁忙，请稍后再试');
  }
  return unwrap<T>(body);
}

/** Uploads a photo chosen with Taro.chooseImage (a blob: URL in H5) and returns its file id. */
export async function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): Promise<{ id: string; url: string }> {
  let blob: Blob;
  try {
    blob = await (await fetch(filePath)).blob();
  } catch {
    throw new ApiError('FILE.UNREADABLE', '无法读取照片，请重新选择');
  }
  onProgress?.(10);
  let res: Response;
  try {
    res = await fetch('/api/upload', { method: 'POST', headers: headers({ 'Content-Type': blob.type || 'image/jpeg' }), body: blob });
  } catch {
    throw networkError();
  }
  onProgress?.(100);
  return unwrap<{ id: string; url: string }>(await res.json());
}

/** Where an uploaded photo can be shown. */
export function photoUrl(id: string): string {
  return id.startsWith('cloud://') || id.startsWith('http') ? id : `/files/${id}`;
}
