/**
 * WeChat open APIs the documented 云调用 way: wx-server-sdk 4.0.2 (`cloud.openapi.*`,
 * `cloud.getOpenData`). What it sends (node_modules/wx-server-sdk/index.js):
 * - `cloud.openapi.<ns>.<api>(data)` (src/api/openapi/namespace/openapi.ts): camelCase keys turned
 *   into snake_case, one protobuf KeyValuePair per top-level field (value = its JSON), wrapped in a
 *   `CommApiData { apiType: OPEN_API }`, and sent as `wx.openApi` (multipart/form-data) through
 *   @cloudbase/node-sdk `callCompatibleWxOpenApi`; the answer is a protobuf `CommOpenApiResp` whose
 *   JSON body is parsed, a non-zero `errcode` thrown as CloudSDKError {errCode, errMsg}, and the
 *   rest answered in camelCase (a non-JSON body, e.g. an image, as `{ contentType, buffer }`);
 * - `cloud.getOpenData({ list })` (src/api/open/api/getOpenData.ts): the SVRKIT call
 *   `ApiGetOpenDataByCloudId`, answered `{ list: [parsed json per CloudID] }`.
 * wx-server-sdk pins its own @cloudbase/node-sdk (3.17.2). It is required lazily (its require
 * loads that SDK too) and left out of the esbuild bundles: each function's package.json lists it
 * and CloudBase installs it at deploy, as it does @cloudbase/node-sdk.
 */
import type { CloudbaseApp } from './sdk';

/** A wx-server-sdk answer: the WeChat fields in camelCase plus errCode 0 and errMsg. */
export type WxResult = Record<string, unknown> & { errCode?: number; errMsg?: string };

export interface WxServerCloud {
  openapi: {
    security: {
      msgSecCheck(data: Record<string, unknown>): Promise<WxResult>;
      mediaCheckAsync(data: Record<string, unknown>): Promise<WxResult>;
    };
    subscribeMessage: { send(data: Record<string, unknown>): Promise<WxResult> };
    wxacode: { getUnlimited(data: Record<string, unknown>): Promise<WxResult & { contentType?: string; buffer?: Buffer }> };
  };
  getOpenData(options: { list: string[] }): Promise<{ list: unknown[] }>;
}

/** The module surface of wx-server-sdk used here (`createNewInstance` is untyped in its index.d.ts). */
interface WxServerModule {
  DYNAMIC_CURRENT_ENV: symbol;
  createNewInstance(config: Record<string, unknown>): WxServerCloud;
}

let wxModule: WxServerModule | null = null;

export function requireWxServerSdk(): WxServerModule {
  if (!wxModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    wxModule = require('wx-server-sdk') as WxServerModule;
  }
  return wxModule;
}

const instances = new WeakMap<object, WxServerCloud>();

/**
 * A wx-server-sdk instance that reaches the same CloudBase environment (and, in tests, the same
 * serviceUrl and keys) as this node-sdk app. Production: the function's own environment
 * (`DYNAMIC_CURRENT_ENV`, wx-server-sdk's own symbol: node-sdk 3.18's SYMBOL_CURRENT_ENV is a
 * different Symbol than that of the node-sdk wx-server-sdk loads).
 */
export function wxCloudFor(app: CloudbaseApp): WxServerCloud {
  const cached = instances.get(app);
  if (cached) return cached;
  const wx = requireWxServerSdk();
  const config = ((app as unknown as { config?: Record<string, unknown> }).config ?? {}) as Record<string, unknown>;
  const env = typeof config.envName === 'string' && config.envName !== '' ? config.envName : wx.DYNAMIC_CURRENT_ENV;
  const init: Record<string, unknown> = { env };
  for (const key of ['serviceUrl', 'secretId', 'secretKey', 'timeout'] as const) {
    if (config[key] !== undefined) init[key] = config[key];
  }
  const cloud = wx.createNewInstance(init);
  instances.set(app, cloud);
  return cloud;
}

/** A wx-server-sdk failure (CloudSDKError or what it rethrows): its errCode and errMsg. */
export function wxErrorOf(error: unknown): { errcode: number | string; errmsg: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    const errcode = typeof e.errCode === 'number' || typeof e.errCode === 'string' ? e.errCode : 'UNKNOWN';
    const errmsg = typeof e.errMsg === 'string' ? e.errMsg : typeof e.message === 'string' ? e.message : String(error);
    return { errcode, errmsg };
  }
  return { errcode: 'UNKNOWN', errmsg: String(error) };
}
