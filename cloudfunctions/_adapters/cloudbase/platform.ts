import { randomUUID } from 'node:crypto';
import type { ContentCheck, ContentVerdict, FileStore, GroupResolver, Notifier, StoredFile, SubscribeMessage } from '../../../shared/ports/platform';
import { openGIdFromResolvedCloudId } from '../../../shared/groups/cloud-id';
import { checkCloudFileId, type FileRefusal } from '../../../shared/files';
import { errorCode, requireTcb, type CloudbaseApp } from './sdk';

/* ------------------------------------------------------------------ files */

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  // The monthly bulletin (月通报), opened in weapp with downloadFile + openDocument.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
};
const CONTENT_TYPES: Record<string, string> = Object.fromEntries(Object.entries(EXTENSIONS).map(([type, ext]) => [ext, type]));

/**
 * The environment this function runs in: the app's own `env` when it was given one (tests, TCB_ENV),
 * else the function's context (TCB_ENV, then SCF_NAMESPACE), as the SDK itself resolves
 * SYMBOL_CURRENT_ENV (@cloudbase/node-sdk src/utils/tcbapirequester.ts `getEnvIdFromContext`).
 */
export function currentEnvId(app: CloudbaseApp): string {
  const configured = (app as unknown as { config?: { envName?: unknown } }).config?.envName;
  if (typeof configured === 'string' && configured !== '') return configured;
  const context = requireTcb().getCloudbaseContext();
  const fromContext = context.TCB_ENV || context.SCF_NAMESPACE;
  return typeof fromContext === 'string' ? fromContext : '';
}

/**
 * Photos in CloudBase storage. The file id is CloudBase's own `cloud://…` fileID (the mini-program
 * shows it directly); the content type travels in the path's extension, so no metadata table is
 * needed.
 *
 * The mini-program uploads photos itself (`wx.cloud.uploadFile`) under `photos/<user segment>/`
 * (shared/files.ts). claim() accepts a fileID only in this function's environment, under the
 * caller's prefix, and only when storage has the file. removeOrphans() cannot work here: the node
 * SDK has no storage listing, so unclaimed uploads are not found (a COS lifecycle rule on `photos/`
 * would delete claimed photos too); it answers 0.
 */
export class CloudbaseFileStore implements FileStore {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: { prefix?: string; newId?: () => string; urlMaxAgeSeconds?: number; env?: string } = {},
  ) {}

  async claim(ids: readonly string[], ownerUserId: string): Promise<FileRefusal | null> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return null;
    const env = this.options.env ?? currentEnvId(this.app);
    for (const id of unique) {
      const refusal = env ? checkCloudFileId(id, { env, userId: ownerUserId }) : { code: 'FILE.UNKNOWN' as const, id };
      if (refusal) return refusal;
    }
    // Existence: one batchGetDownloadUrl for all (a missing file answers STORAGE_FILE_NONEXIST for its entry).
    const { fileList } = await this.app.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge: 60 })) });
    for (const id of unique) {
      const entry = fileList.find((e) => e.fileID === id);
      if (!entry || entry.code !== 'SUCCESS') return { code: 'FILE.UNKNOWN', id };
    }
    return null;
  }

  async removeOrphans(_before: string): Promise<number> {
    return 0;
  }

  async put(input: { bytes: Uint8Array; contentType: string; ownerUserId: string }): Promise<StoredFile> {
    const ext = EXTENSIONS[input.contentType] ?? 'bin';
    const owner = input.ownerUserId.replace(/[^A-Za-z0-9_-]/g, '_');
    const name = (this.options.newId ?? randomUUID)();
    const cloudPath = `${this.options.prefix ?? 'uploads'}/${owner}/${name}.${ext}`;
    const { fileID } = await this.app.uploadFile({ cloudPath, fileContent: Buffer.from(input.bytes) });
    return { id: fileID, contentType: contentTypeOf(fileID), size: input.bytes.byteLength };
  }

  async get(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null> {
    let content: Buffer | undefined;
    try {
      ({ fileContent: content } = await this.app.downloadFile({ fileID: id }));
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
    const bytes = new Uint8Array(content ?? Buffer.alloc(0));
    return { file: { id, contentType: contentTypeOf(id), size: bytes.byteLength }, bytes };
  }

  async url(id: string): Promise<string> {
    const { fileList } = await this.app.getTempFileURL({ fileList: [{ fileID: id, maxAge: this.options.urlMaxAgeSeconds ?? 3600 }] });
    const entry = fileList[0];
    if (!entry || entry.code !== 'SUCCESS') throw new Error(`CloudBase temp URL failed for ${id}: ${entry?.code ?? 'no answer'}`);
    return entry.tempFileURL;
  }
}

function contentTypeOf(fileId: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileId)?.[1]?.toLowerCase();
  return (ext && CONTENT_TYPES[ext]) || 'application/octet-stream';
}

function isMissingFile(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'STORAGE_FILE_NONEXIST';
}

/* ------------------------------------------------------------- open APIs */

/**
 * The WeChat open APIs go through the node SDK's JSON passthrough `callWxOpenApi` (action `wx.api`).
 * The node SDK has no typed wrappers (those are in wx-server-sdk). API names are the cloud-call
 * names that each function's config.json must list in `permissions.openapi`; bodies are WeChat's
 * HTTPS API bodies (snake_case).
 */
export const WX_APIS = {
  msgSecCheck: 'security.msgSecCheck',
  subscribeSend: 'subscribeMessage.send',
  getOpenData: 'cloudbase.getOpenData',
} as const;

/** A WeChat open API answered with a non-zero errcode (or the passthrough failed). */
export class WxOpenApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly errcode: number | string,
    readonly errmsg: string,
  ) {
    super(`${apiName} failed: ${errcode} ${errmsg}`);
    this.name = 'WxOpenApiError';
  }
}

interface WxAnswer {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

async function callWx(app: CloudbaseApp, apiName: string, requestData: Record<string, unknown>): Promise<WxAnswer> {
  const { result } = await app.callWxOpenApi({ apiName, requestData });
  if (typeof result !== 'object' || result === null) throw new WxOpenApiError(apiName, 'EMPTY', `unexpected answer ${String(result)}`);
  const answer = result as WxAnswer;
  if (answer.errcode !== undefined && answer.errcode !== 0) throw new WxOpenApiError(apiName, answer.errcode, answer.errmsg ?? '');
  return answer;
}

/** msgSecCheck v2 limit per request. */
export const MSG_SEC_CHECK_MAX = 2500;

/**
 * Text safety through msgSecCheck v2. Longer texts are checked in 2,500-character parts; any part
 * judged `risky` rejects the whole. `review` passes (people handle every report anyway). API errors
 * throw WxOpenApiError: the caller decides, nothing is silently let through.
 */
export class WxContentCheck implements ContentCheck {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: { scene?: 1 | 2 | 3 | 4 } = {},
  ) {}

  async checkText(text: string, openid: string | null): Promise<ContentVerdict> {
    if (text.trim() === '') return { ok: true };
    // v2 requires the author's openid (active in the last 2 h); production callers always have one.
    if (!openid) return { ok: false, reason: '无法确认提交人身份，内容未能通过安全检查' };
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i += MSG_SEC_CHECK_MAX) {
      const content = chars.slice(i, i + MSG_SEC_CHECK_MAX).join('');
      const answer = await callWx(this.app, WX_APIS.msgSecCheck, { version: 2, scene: this.options.scene ?? 2, openid, content });
      const verdict = answer.result as { suggest?: string; label?: number } | undefined;
      if (verdict?.suggest === 'risky') return { ok: false, reason: '内容含有违规信息，请修改后再提交' };
    }
    return { ok: true };
  }
}

/** WeChat subscribe-message value limits by field type (the key without its number: thing3 → thing). */
const VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  car_number: 8,
};

/** Shortens a value to its field type's limit (counting characters, not UTF-16 units). */
export function fitSubscribeValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const limit = VALUE_LIMITS[type];
  const chars = Array.from(value);
  if (limit === undefined || chars.length <= limit) return value;
  return `${chars.slice(0, limit - 1).join('')}…`;
}

export class WxSubscribeNotifier implements Notifier {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: { miniprogramState?: 'developer' | 'trial' | 'formal' } = {},
  ) {}

  async send(message: SubscribeMessage): Promise<void> {
    const data: Record<string, { value: string }> = {};
    for (const [key, { value }] of Object.entries(message.data)) data[key] = { value: fitSubscribeValue(key, value) };
    await callWx(this.app, WX_APIS.subscribeSend, {
      touser: message.toOpenid,
      template_id: message.templateId,
      page: message.page,
      data,
      miniprogram_state: this.options.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    });
  }
}

/**
 * CloudID → openGId with WeChat's cloudbase.getOpenData (`cloudid_list`, answered with `data_list`
 * whose `json` holds `{ data: { openGId } }`), sent through the node SDK's `wx.api` passthrough.
 *
 * Not verified against the platform: the node SDK has no getOpenData wrapper (wx-server-sdk's
 * `cloud.getOpenData` is), and whether the passthrough accepts this API name is unknown offline.
 * The dependable alternative needs no API call: the mini-program passes `wx.cloud.CloudID(id)` in
 * callFunction data and the platform replaces it with `{ cloudID, data: { openGId } }` before the
 * function runs — read that with openGIdFromResolvedCloudId().
 */
export class WxGroupResolver implements GroupResolver {
  constructor(private readonly app: CloudbaseApp) {}

  async resolveOpenGId(cloudId: string, openid: string): Promise<string> {
    const answer = await callWx(this.app, WX_APIS.getOpenData, { openid, cloudid_list: [cloudId] });
    const list = Array.isArray(answer.data_list) ? (answer.data_list as Array<{ cloud_id?: string; json?: string }>) : [];
    const entry = list.find((e) => e.cloud_id === cloudId) ?? list[0];
    const openGId = entry?.json ? openGIdFromResolvedCloudId(JSON.parse(entry.json)) : null;
    if (!openGId) throw new WxOpenApiError(WX_APIS.getOpenData, 'NO_OPENGID', '群信息无法解析');
    return openGId;
  }
}

/** openGId from a platform-resolved CloudID value (`{ cloudID, data: { openGId | opengid } }`), else null. */
export { openGIdFromResolvedCloudId };

/* --------------------------------------------------------------- caller */

export interface WxCaller {
  openid: string | null;
  appid: string | null;
  unionid: string | null;
}

/**
 * Who called the function, as WeChat established it (WX_OPENID, WX_APPID, WX_UNIONID from the
 * function context and environment). Never read from the event payload.
 */
export function cloudbaseIdentity(context?: unknown): WxCaller {
  const env = requireTcb().getCloudbaseContext(context);
  const read = (key: string): string | null => {
    const value = env[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { openid: read('WX_OPENID'), appid: read('WX_APPID'), unionid: read('WX_UNIONID') };
}
