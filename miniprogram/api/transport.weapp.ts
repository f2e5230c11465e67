/**
 * weapp transport: cloud functions through wx.cloud (identity comes from the WeChat context on the
 * server side), photos through cloud storage.
 */
import Taro from '@tarojs/taro';
import { unwrap } from './envelope';
import { networkError } from './errors';

export type FunctionName = 'report' | 'ticket' | 'admin';

export async function callFunction<T>(fn: FunctionName, action: string, data: unknown = {}): Promise<T> {
  let result: unknown;
  try {
    // WeChat resolves a CloudID (group binding) only in a top-level field of the call data.
    const { cloudId, ...rest } = (data ?? {}) as { cloudId?: unknown };
    const payload = cloudId !== undefined ? { action, data: rest, cloudId } : { action, data };
    const res = await Taro.cloud.callFunction({ name: fn, data: payload as Record<string, unknown> });
    result = res.result;
  } catch {
    throw networkError();
  }
  return unwrap<T>(result);
}

export async function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): Promise<{ id: string; url: string }> {
  const cloudPath = `photos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.jpg`;
  try {
    const task = Taro.cloud.uploadFile({ cloudPath, filePath });
    const res = await task;
    onProgress?.(100);
    return { id: res.fileID, url: res.fileID };
  } catch {
    throw networkError();
  }
}

export function photoUrl(id: string): string {
  return id;
}
