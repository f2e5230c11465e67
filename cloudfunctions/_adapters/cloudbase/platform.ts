import { randomUUID } from 'node:crypto';
import type { ContentCheck, ContentVerdict, FileStore, GroupResolver, MediaCheck, MediaVerdict, MiniProgramCodes, Notifier, StoredFile, SubscribeMessage } from '../../../shared/ports/platform';
import { openGIdFromResolvedCloudId } from '../../../shared/groups/cloud-id';
import { checkCloudFileId, type FileRefusal } from '../../../shared/files';
import { errorCode, requireTcb, type CloudbaseApp } from './sdk';
import { UploadSlots } from './upload-slots';
import { wxCloudFor, wxErrorOf, type WxServerCloud } from './wx-server';

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
 * (shared/files.ts), to a path the function reserved first (upload-slots.ts: the daily allowance,
 * and the record that finds unclaimed uploads, since the node SDK cannot list storage). claim()
 * accepts a fileID only in this function's environment, under the caller's prefix, for a slot the
 * caller reserved, and only when storage has the file; removeOrphans() deletes slots never claimed.
 */
export class CloudbaseFileStore implements FileStore {
  private readonly slots: UploadSlots;

  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: { prefix?: string; newId?: () => string; urlMaxAgeSeconds?: number; env?: string; now?: () => string; photosPerDay?: number } = {},
  ) {
    this.slots = new UploadSlots(app.database(), { photosPerDay: options.photosPerDay });
  }

  private now(): string {
    return this.options.now?.() ?? new Date().toISOString();
  }

  async reserveUpload(ownerUserId: string): Promise<{ cloudPath: string; fileId: string } | FileRefusal> {
    const slotId = (this.options.newId ?? randomUUID)().replace(/[^A-Za-z0-9_-]/g, '');
    return this.slots.reserve(ownerUserId, this.now(), slotId, async (cloudPath) => {
      const { data } = await this.app.getUploadMetadata({ cloudPath });
      return data.fileId;
    });
  }

  async claim(ids: readonly string[], ownerUserId: string): Promise<FileRefusal | null> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return null;
    const env = this.options.env ?? currentEnvId(this.app);
    for (const id of unique) {
      const refusal = env ? checkCloudFileId(id, { env, userId: ownerUserId }) : { code: 'FILE.UNKNOWN' as const, id };
      if (refusal) return refusal;
    }
    // The caller's slots and existence together: one batchGetDownloadUrl for all (a missing file
    // answers STORAGE_FILE_NONEXIST for its entry) beside the slot lookup.
    const [owned, { fileList }] = await Promise.all([
      this.slots.claim(unique, ownerUserId, this.now()),
      this.app.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge: 60 })) }),
    ]);
    for (const id of unique) {
      const entry = fileList.find((e) => e.fileID === id);
      if (!owned.has(id) || !entry || entry.code !== 'SUCCESS') return { code: 'FILE.UNKNOWN', id };
    }
    return null;
  }

  /** Deletes, oldest first, the files of slots no ticket or event claimed, reserved before `before`. */
  async removeOrphans(before: string): Promise<number> {
    let removed = 0;
    for (;;) {
      const orphans = await this.slots.orphans(before, 200);
      if (orphans.length === 0) return removed;
      // deleteFile takes at most 50 fileIDs a call (Cloud.deleteFile document: 一次最多 50 个).
      for (let i = 0; i < orphans.length; i += 50) await this.app.deleteFile({ fileList: orphans.slice(i, i + 50).map((o) => o.fileId) });
      await this.slots.forget(orphans.map((o) => o._id));
      removed += orphans.length;
      if (orphans.length < 200) return removed;
    }
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
 * The WeChat open APIs go the documented 云调用 way: wx-server-sdk `cloud.openapi.*` and
 * `cloud.getOpenData` (wx-server.ts), which send `wx.openApi` (protobuf CommApiData) through
 * @cloudbase/node-sdk `callCompatibleWxOpenApi`. The names are the cloud-call names each function's
 * config.json lists in `permissions.openapi`.
 */
export const WX_APIS = {
  msgSecCheck: 'security.msgSecCheck',
  mediaCheckAsync: 'security.mediaCheckAsync',
  subscribeSend: 'subscribeMessage.send',
  getUnlimited: 'wxacode.getUnlimited',
  getOpenData: 'getOpenData',
} as const;

/** A WeChat open API answered with a non-zero errcode (or the call itself failed). */
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

/** Runs one wx-server-sdk call; its CloudSDKError (errCode, errMsg) becomes a WxOpenApiError. */
async function callWx<T>(apiName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { errcode, errmsg } = wxErrorOf(error);
    throw new WxOpenApiError(apiName, errcode, errmsg);
  }
}

interface WxOptions {
  /** The wx-server-sdk instance; default: one for the app's environment (wxCloudFor). */
  wx?: WxServerCloud;
}

function wxOf(app: CloudbaseApp, options: WxOptions): WxServerCloud {
  return options.wx ?? wxCloudFor(app);
}

/** msgSecCheck v2 limit per request. */
export const MSG_SEC_CHECK_MAX = 2500;

/**
 * Text safety through msgSecCheck v2. Longer texts are checked in 2,500-character parts; any part
 * judged `risky` rejects the whole. `review` passes (people handle every report anyway).
 *
 * When the check itself fails (network, CloudBase, or a WeChat errcode such as -1 busy or 61010
 * "user not active in the last 2 h" — not a verdict) the part is tried once more; if that fails
 * too the text is ACCEPTED, marked `unchecked` with the error, and logged (CONTENT_CHECK_UNAVAILABLE):
 * a submit must not fail because WeChat's checker is unreachable. Every ticket is read by its
 * handler anyway, and the caller may keep the mark for review.
 */
export class WxContentCheck implements ContentCheck {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: WxOptions & { scene?: 1 | 2 | 3 | 4; log?: (line: string) => void } = {},
  ) {}

  async checkText(text: string, openid: string | null): Promise<ContentVerdict> {
    if (text.trim() === '') return { ok: true };
    // v2 requires the author's openid (active in the last 2 h); production callers always have one.
    if (!openid) return { ok: false, reason: '无法确认提交人身份，内容未能通过安全检查' };
    const wx = wxOf(this.app, this.options);
    const chars = Array.from(text);
    let unchecked: string | null = null;
    for (let i = 0; i < chars.length; i += MSG_SEC_CHECK_MAX) {
      const content = chars.slice(i, i + MSG_SEC_CHECK_MAX).join('');
      const request = () => callWx(WX_APIS.msgSecCheck, () => wx.openapi.security.msgSecCheck({ version: 2, scene: this.options.scene ?? 2, openid, content }));
      let answer;
      try {
        answer = await request().catch(() => request());
      } catch (error) {
        unchecked = error instanceof Error ? error.message.slice(0, 200) : String(error);
        (this.options.log ?? console.warn)(`CONTENT_CHECK_UNAVAILABLE ${unchecked}`);
        continue;
      }
      const verdict = answer.result as { suggest?: string; label?: number } | undefined;
      if (verdict?.suggest === 'risky') return { ok: false, reason: '内容含有违规信息，请修改后再提交' };
    }
    return unchecked ? { ok: true, unchecked } : { ok: true };
  }
}

/**
 * Images through mediaCheckAsync v2 (media_type 2 = image). WeChat needs a URL it can download
 * (not a `cloud://` fileID): a temporary URL of the file, valid for a day. The verdict arrives
 * later as a `wxa_media_check` push with the same trace id (parseMediaCheckPush).
 */
export class WxMediaCheck implements MediaCheck {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: WxOptions & { scene?: 1 | 2 | 3 | 4 } = {},
  ) {}

  async submitImage(fileId: string, openid: string): Promise<{ traceId: string }> {
    const { fileList } = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 86400 }] });
    const entry = fileList[0];
    if (!entry || entry.code !== 'SUCCESS') throw new WxOpenApiError(WX_APIS.mediaCheckAsync, 'NO_URL', `no temporary URL for ${fileId}`);
    const wx = wxOf(this.app, this.options);
    const answer = await callWx(WX_APIS.mediaCheckAsync, () =>
      wx.openapi.security.mediaCheckAsync({ mediaUrl: entry.tempFileURL, mediaType: 2, version: 2, scene: this.options.scene ?? 2, openid }),
    );
    const traceId = answer.traceId;
    if (typeof traceId !== 'string' || traceId === '') throw new WxOpenApiError(WX_APIS.mediaCheckAsync, 'NO_TRACE_ID', 'answer without traceId');
    return { traceId };
  }
}

/**
 * The `wxa_media_check` push (message push to a cloud function): `{ MsgType: 'event', Event:
 * 'wxa_media_check', appid, trace_id, version: 2, result: { suggest, label }, detail }`, as the
 * mediaCheckAsync document's 异步检测结果推送 shows. Anything else answers null.
 */
export function parseMediaCheckPush(event: unknown): MediaVerdict | null {
  if (typeof event !== 'object' || event === null) return null;
  const e = event as { Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown; label?: unknown } };
  if (e.Event !== 'wxa_media_check' || typeof e.trace_id !== 'string') return null;
  const suggest = e.result?.suggest;
  if (suggest !== 'pass' && suggest !== 'risky' && suggest !== 'review') return null;
  return { traceId: e.trace_id, suggest, label: e.result?.label === undefined ? null : String(e.result.label) };
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
    private readonly options: WxOptions & { miniprogramState?: 'developer' | 'trial' | 'formal' } = {},
  ) {}

  /** Throws WxOpenApiError with WeChat's errcode (43101: the user did not subscribe). */
  async send(message: SubscribeMessage): Promise<void> {
    const data: Record<string, { value: string }> = {};
    for (const [key, { value }] of Object.entries(message.data)) data[key] = { value: fitSubscribeValue(key, value) };
    const wx = wxOf(this.app, this.options);
    await callWx(WX_APIS.subscribeSend, () =>
      wx.openapi.subscribeMessage.send({
        touser: message.toOpenid,
        templateId: message.templateId,
        page: message.page,
        data,
        miniprogramState: this.options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      }),
    );
  }
}

/** The estate's mini-program code (wxacode.getUnlimited): `scene` ≤ 32 chars, opened on `page`. */
export class WxCodeGenerator implements MiniProgramCodes {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: WxOptions & { envVersion?: 'release' | 'trial' | 'develop' } = {},
  ) {}

  async unlimited(input: { scene: string; page: string; width?: number }): Promise<{ contentType: string; bytes: Uint8Array }> {
    const wx = wxOf(this.app, this.options);
    const answer = await callWx(WX_APIS.getUnlimited, () =>
      wx.openapi.wxacode.getUnlimited({ scene: input.scene, page: input.page, width: input.width ?? 430, checkPath: false, envVersion: this.options.envVersion ?? 'release' }),
    );
    if (!Buffer.isBuffer(answer.buffer)) throw new WxOpenApiError(WX_APIS.getUnlimited, 'NO_IMAGE', 'answer without an image');
    return { contentType: String(answer.contentType ?? 'image/jpeg'), bytes: new Uint8Array(answer.buffer) };
  }
}

/**
 * CloudID → openGId with wx-server-sdk `cloud.getOpenData({ list: [cloudId] })` (the SVRKIT call
 * ApiGetOpenDataByCloudId), answered `{ list: [{ cloudID, data: { openGId } }] }`. The CloudID
 * only resolves for the user whose call carries it, so the openid is not sent.
 */
export class WxGroupResolver implements GroupResolver {
  constructor(
    private readonly app: CloudbaseApp,
    private readonly options: WxOptions = {},
  ) {}

  async resolveOpenGId(cloudId: string, _openid: string): Promise<string> {
    const wx = wxOf(this.app, this.options);
    const answer = await callWx(WX_APIS.getOpenData, () => wx.getOpenData({ list: [cloudId] }));
    const openGId = (answer.list ?? []).map((entry) => openGIdFromResolvedCloudId(entry)).find((id) => id !== null) ?? null;
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
