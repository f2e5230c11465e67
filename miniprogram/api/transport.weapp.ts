/**
 * weapp transport: cloud functions through wx.cloud (identity comes from the WeChat context on the
 * server side), photos through cloud storage.
 *
 * `wx.cloud.init({ env })` must run once before any other wx.cloud call (WeChat: 小程序端初始化,
 * https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/init/client.init.md — "在调用
 * 云开发各 API 前，需先调用初始化方法 init 一次（全局只需一次，多次调用时只有第一次生效）"; env is
 * required). The env id is fixed at build time: TARO_APP_CLOUD_ENV from a .env file or the build's
 * environment (config/index.ts). Without it nothing is called and the page gets a clear error.
 */
import Taro from '@tarojs/taro';
import { unwrap } from './envelope';
import { ApiError, networkError } from './errors';

export type FunctionName = 'report' | 'ticket' | 'admin';

export const CLOUD_ENV_MISSING = 'CONFIG.CLOUD_ENV_MISSING';

let initializedEnv: string | null = null;

/** The build's CloudBase environment id ('' when the build was not given one). */
function configuredEnv(): string {
  return (process.env.TARO_APP_CLOUD_ENV ?? '').trim();
}

/** Initializes wx.cloud once, on the first call that needs it; refuses when no env was configured. */
export function ensureCloud(): void {
  if (initializedEnv) return;
  const env = configuredEnv();
  if (!env) throw new ApiError(CLOUD_ENV_MISSING, '小程序未配置云开发环境（构建时需设置 TARO_APP_CLOUD_ENV），暂时无法连接服务，请联系管理员');
  Taro.cloud.init({ env, traceUser: true });
  initializedEnv = env;
}

export async function callFunction<T>(fn: FunctionName, action: string, data: unknown = {}): Promise<T> {
  ensureCloud();
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

/**
 * Photos go straight to storage, at the path the server reserved for this one (report.photoSlot:
 * within the day's allowance, under the caller's prefix, recorded so that an upload no report ever
 * names is deleted after a day). The fileID comes back from uploadFile; the server checks it on submit.
 */
export async function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): Promise<{ id: string; url: string }> {
  ensureCloud();
  const { cloudPath } = await callFunction<{ cloudPath: string; fileId: string }>('report', 'photoSlot', {});
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    onProgress?.(100);
    return { id: res.fileID, url: res.fileID };
  } catch {
    throw networkError();
  }
}

export function photoUrl(id: string): string {
  return id;
}
