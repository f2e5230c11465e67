/**
 * EMULATION of the WeChat client platform (`wx`, `wx.cloud`) for the production-path harness
 * (DESIGN.md §9): what a phone running the weapp build would answer, behaving as the platform
 * documents, with CloudBase itself played by the loopback server (test/support/cloudbase-loopback.ts)
 * and the cloud functions by their production bundles (dist/…/cloudfunctions/<name>/index.js).
 *
 * - `wx.cloud.init({ env })` must come first: every other wx.cloud call before it fails
 *   ("在调用云开发各 API 前，需先调用初始化方法 init 一次", 小程序端初始化
 *   https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/init/client.init.md).
 * - `wx.cloud.callFunction({ name, data })` runs the bundle's `main(event, context)` in this
 *   process, `event` being `data` after a JSON round trip and `context` what CloudBase gives a
 *   function called from a mini-program: an `environment` JSON string carrying the caller's
 *   WX_OPENID, WX_APPID (and WX_CONTEXT_KEYS naming them), TCB_ENV and TRIGGER_SRC, plus
 *   request_id / function_name / namespace (the fields @cloudbase/node-sdk src/utils/tcbcontext.ts
 *   `parseContext` and `getCloudbaseContext` read). It answers `{ errMsg: 'cloud.callFunction:ok',
 *   result, requestID }`; a function that throws answers `fail` with errCode -404011 (Cloud.callFunction
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/functions/Cloud.callFunction.md,
 *   error codes https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference/errcode.html).
 * - `wx.cloud.uploadFile({ cloudPath, filePath })` reads the device file and stores it in the
 *   loopback's storage the way the SDKs do (storage.getUploadMetadata, then a PUT of the bytes), and
 *   answers the real-shaped fileID `cloud://<env>.<bucket>/<cloudPath>` (client.uploadFile.md).
 * - `wx.cloud.getTempFileURL({ fileList })` answers `{ fileList: [{ fileID, tempFileURL, status, errMsg, maxAge }] }`
 *   (status 0 = ok); `wx.cloud.downloadFile({ fileID })` answers `{ tempFilePath, statusCode }`, the
 *   bytes landing in the device's file system (storage/api.md, Cloud.getTempFileURL.md).
 * - Promise style when no success/fail/complete callback is given, callback style otherwise (each
 *   API's 使用示例 shows both).
 * - `wx.getLocation({ type })` answers in the datum asked for: `wgs84` (the default) is the GPS fix
 *   itself, `gcj02` the same fix through the public GCJ-02 transform (shared/geo-datum.ts), a known
 *   offset of a few hundred metres in China (https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.getLocation.html).
 * - `wx.requestSubscribeMessage({ tmplIds })` answers `{ errMsg, [tmplId]: 'accept' | 'reject' }`
 *   per template as this user is configured to answer (accept by default), at most 3 ids per
 *   request (errCode 20003 otherwise); each accept is one one-time subscription, which
 *   subscribeMessage.send then uses up; a send without one answers errcode 43101 "user refuse to
 *   accept the msg" (wx.requestSubscribeMessage.html, subscribeMessage.send 错误码).
 * - `wx.chooseImage` answers temp paths of photos the test put on the device (`device.photos`);
 *   storage is an in-memory key-value store per device; `wx.requirePrivacyAuthorize` succeeds
 *   (the user agreed to the privacy guide).
 *
 * What it is not: WeChat. Error texts other than the codes named above are approximations, and
 * upload progress (UploadTask) is not reported.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../shared/geo-datum';
import type { CloudbaseLoopback } from '../../support/cloudbase-loopback';

/** Node's own require: the bundles run as CloudBase runs them, outside jest's module registry and jsdom. */
const nativeRequire = createRequire(__filename);
/** The real process (jest gives each test file a copy of process.env; the bundles read the real one). */
const realProcess = nativeRequire('node:process') as NodeJS.Process;

export interface LatLng {
  lat: number;
  lng: number;
}

/** The WeChat account using the phone. */
export interface WeChatAccount {
  openid: string;
  /** How this user answers a subscribe request, per template id (default 'accept'). */
  subscribeAnswers?: Record<string, 'accept' | 'reject'>;
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: WxFail) => void; complete?: (res: T | WxFail) => void };
interface WxFail {
  errCode: number;
  errMsg: string;
}

type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>;

/** A subscribe message the platform delivered (subscribeMessage.send answered errcode 0). */
export interface DeliveredMessage {
  touser: string;
  templateId: string;
  page: unknown;
  data: unknown;
}

/** One HTTP exchange with the loopback (node:http: jest's jsdom environment has no fetch). */
function httpRequest(method: string, url: string, body?: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** wx storage keeps what JSON can carry (wx.setStorageSync: 原生类型、Date及能够通过JSON.stringify序列化的对象). */
const copyOf = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

let sequence = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence += 1).toString(36)}`;

/** Runs `work` the way every wx API does: callbacks when any is given, else a Promise. */
function answer<T>(api: string, options: Callbacks<T> | undefined, work: () => Promise<T>): Promise<T> | undefined {
  const promise = work().catch((error: unknown) => {
    const fail: WxFail =
      typeof error === 'object' && error !== null && 'errMsg' in error ? (error as WxFail) : { errCode: -1, errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` };
    throw fail;
  });
  const { success, fail, complete } = options ?? {};
  if (!success && !fail && !complete) return promise;
  promise.then(
    (res) => {
      success?.(res);
      complete?.(res);
    },
    (err: WxFail) => {
      fail?.(err);
      complete?.(err);
    },
  );
  return undefined;
}

/**
 * WeChat's server side shared by every phone: one-time subscriptions granted by
 * requestSubscribeMessage and used up by subscribeMessage.send (answered to the functions through
 * the loopback's wx.openApi), and the messages delivered or refused.
 */
export class WeChatServer {
  /** Remaining one-time subscriptions: `${openid} ${templateId}` → count. */
  readonly subscriptions = new Map<string, number>();
  readonly delivered: DeliveredMessage[] = [];
  readonly refused: DeliveredMessage[] = [];

  constructor(loopback: CloudbaseLoopback) {
    loopback.answerWx('subscribeMessage.send', (requestData) => {
      const req = requestData as { touser?: string; template_id?: string; page?: unknown; data?: unknown };
      const message: DeliveredMessage = { touser: String(req.touser), templateId: String(req.template_id), page: req.page, data: req.data };
      const key = `${message.touser} ${message.templateId}`;
      const left = this.subscriptions.get(key) ?? 0;
      if (left <= 0) {
        this.refused.push(message);
        return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
      }
      this.subscriptions.set(key, left - 1);
      this.delivered.push(message);
      return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
    });
  }

  grant(openid: string, templateId: string): void {
    const key = `${openid} ${templateId}`;
    this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + 1);
  }
}

/** One phone running the weapp build, signed in to one WeChat account. */
export class WxPlatformEmulation {
  /** The account signed in to WeChat on the phone now; switch it to act as another person. */
  account: WeChatAccount;
  /** Where the phone is, as its GPS (WGS-84) has it. */
  gps: LatLng;
  /** Photos in the phone's album, by temp path (what chooseImage offers). */
  readonly photos = new Map<string, Buffer>();
  /** The device's file system (temp files, downloads). */
  readonly files = new Map<string, Buffer>();
  /** wx storage of the device. */
  readonly storage = new Map<string, unknown>();
  /** Every wx.cloud.init and wx.cloud.callFunction, in order. */
  readonly initCalls: Array<{ env: unknown }> = [];
  readonly functionCalls: Array<{ name: string; data: unknown; openid: string; result?: unknown; error?: string }> = [];
  /** The `type` of every getLocation call. */
  readonly locationTypes: string[] = [];
  /** Photos chooseImage answers next (paths of `photos`); empty = the user cancels. */
  nextChoice: string[] = [];
  private env: string | null = null;
  private readonly mains = new Map<string, FunctionMain>();

  constructor(
    private readonly options: { loopback: CloudbaseLoopback; server: WeChatServer; functionsDir: string; appid: string; account: WeChatAccount; gps: LatLng },
  ) {
    this.account = options.account;
    this.gps = options.gps;
  }

  /** Adds a photo to the phone's album; answers its temp path. */
  takePhoto(bytes: Buffer): string {
    const path = `wxfile://tmp_${nextId('')}.jpg`;
    this.photos.set(path, bytes);
    return path;
  }

  /** Where the phone would report itself in GCJ-02 (what the app stores and compares). */
  gcj02(): LatLng {
    return wgs84ToGcj02(this.gps);
  }

  /** Places the phone at a GCJ-02 position (e.g. where a resident reported from). */
  standAtGcj02(point: LatLng): void {
    this.gps = gcj02ToWgs84(point);
  }

  /** Installs the emulated APIs on the `wx` object the weapp build calls (before its scripts load: Taro copies wx.cloud at start). */
  install(wx: Record<string, unknown>): void {
    wx.cloud = this.cloud();
    wx.getLocation = (o: { type?: string } & Callbacks<unknown>) => answer('getLocation', o, async () => this.getLocation(o?.type));
    wx.requirePrivacyAuthorize = (o: Callbacks<unknown>) => answer('requirePrivacyAuthorize', o, async () => ({ errMsg: 'requirePrivacyAuthorize:ok' }));
    wx.requestSubscribeMessage = (o: { tmplIds?: string[] } & Callbacks<unknown>) =>
      answer('requestSubscribeMessage', o, async () => this.requestSubscribeMessage(o?.tmplIds ?? []));
    wx.chooseImage = (o: { count?: number } & Callbacks<unknown>) =>
      answer('chooseImage', o, async () => {
        const chosen = this.nextChoice.slice(0, o?.count ?? 9);
        this.nextChoice = [];
        if (chosen.length === 0) throw { errCode: -1, errMsg: 'chooseImage:fail cancel' } satisfies WxFail;
        for (const path of chosen) this.files.set(path, this.photos.get(path) ?? Buffer.alloc(0));
        return { errMsg: 'chooseImage:ok', tempFilePaths: chosen, tempFiles: chosen.map((path) => ({ path, size: this.files.get(path)?.byteLength ?? 0 })) };
      });
    wx.getStorageSync = (key: string) => (this.storage.has(key) ? copyOf(this.storage.get(key)) : '');
    wx.setStorageSync = (key: string, value: unknown) => void this.storage.set(key, copyOf(value));
    wx.removeStorageSync = (key: string) => void this.storage.delete(key);
    wx.clearStorageSync = () => this.storage.clear();
    wx.getStorage = (o: { key: string } & Callbacks<unknown>) =>
      answer('getStorage', o, async () => {
        if (!this.storage.has(o.key)) throw { errCode: -1, errMsg: 'getStorage:fail data not found' } satisfies WxFail;
        return { errMsg: 'getStorage:ok', data: copyOf(this.storage.get(o.key)) };
      });
    wx.setStorage = (o: { key: string; data: unknown } & Callbacks<unknown>) =>
      answer('setStorage', o, async () => {
        this.storage.set(o.key, copyOf(o.data));
        return { errMsg: 'setStorage:ok' };
      });
    wx.removeStorage = (o: { key: string } & Callbacks<unknown>) =>
      answer('removeStorage', o, async () => {
        this.storage.delete(o.key);
        return { errMsg: 'removeStorage:ok' };
      });
  }

  /** Forgets the loaded function bundles (a cold start next time) and the function environment. */
  dispose(): void {
    for (const name of this.mains.keys()) delete nativeRequire.cache[nativeRequire.resolve(this.bundlePath(name))];
    this.mains.clear();
  }

  /* ------------------------------------------------------------- wx.cloud */

  private cloud(): Record<string, unknown> {
    return {
      init: (config: { env?: unknown } = {}) => {
        this.initCalls.push({ env: config.env });
        // "多次调用时只有第一次生效"
        if (this.env === null && typeof config.env === 'string' && config.env !== '') this.env = config.env;
      },
      callFunction: (o: { name: string; data?: unknown } & Callbacks<unknown>) => answer('cloud.callFunction', o, () => this.callFunction(o.name, o.data)),
      uploadFile: (o: { cloudPath: string; filePath: string } & Callbacks<unknown>) => answer('cloud.uploadFile', o, () => this.uploadFile(o.cloudPath, o.filePath)),
      getTempFileURL: (o: { fileList: Array<string | { fileID: string; maxAge?: number }> } & Callbacks<unknown>) =>
        answer('cloud.getTempFileURL', o, () => this.getTempFileURL(o.fileList)),
      downloadFile: (o: { fileID: string } & Callbacks<unknown>) => answer('cloud.downloadFile', o, () => this.downloadFile(o.fileID)),
    };
  }

  private initialized(api: string): string {
    if (this.env === null) throw { errCode: -1, errMsg: `${api}:fail wx.cloud.init has not been called (call wx.cloud.init({ env }) before any wx.cloud API)` } satisfies WxFail;
    return this.env;
  }

  private bundlePath(name: string): string {
    return join(this.options.functionsDir, name, 'index.js');
  }

  private main(name: string): FunctionMain {
    let main = this.mains.get(name);
    if (!main) {
      const loaded = nativeRequire(this.bundlePath(name)) as { main?: FunctionMain };
      if (typeof loaded.main !== 'function') throw new Error(`${name}: the bundle exports no main`);
      main = loaded.main;
      this.mains.set(name, main);
    }
    return main;
  }

  /** The context CloudBase passes a function called from the mini-program (or by its timer). */
  contextFor(name: string, caller: { openid: string } | null): Record<string, unknown> {
    const env = this.env ?? this.options.loopback.env;
    const environment: Record<string, string> = {
      SCF_NAMESPACE: env,
      TCB_ENV: env,
      TCB_SEQID: nextId('seq-'),
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TRIGGER_SRC',
      TRIGGER_SRC: caller ? 'wxcloud' : 'timer',
    };
    if (caller) {
      Object.assign(environment, { WX_OPENID: caller.openid, WX_APPID: this.options.appid, WX_UNIONID: '', WX_CLIENTIP: '127.0.0.1', WX_CLIENTIPV6: '::ffff:127.0.0.1' });
      environment.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6';
    }
    return {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 20000,
      request_id: nextId('req-'),
      function_name: name,
      function_version: '$LATEST',
      namespace: env,
      environment: JSON.stringify(environment),
    };
  }

  private async callFunction(name: string, data: unknown): Promise<{ errMsg: string; result: unknown; requestID: string }> {
    this.initialized('cloud.callFunction');
    const openid = this.account.openid;
    // The platform carries `data` as JSON: what the function gets is its JSON round trip.
    const event = JSON.parse(JSON.stringify(data ?? {})) as unknown;
    const context = this.contextFor(name, { openid });
    const record: (typeof this.functionCalls)[number] = { name, data: event, openid };
    this.functionCalls.push(record);
    let result: unknown;
    try {
      result = await this.main(name)(event, context);
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      throw { errCode: -404011, errMsg: `cloud.callFunction:fail -404011 cloud function execution error: ${record.error}` } satisfies WxFail;
    }
    record.result = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
    return { errMsg: 'cloud.callFunction:ok', result: record.result, requestID: String(context.request_id) };
  }

  /** A timer trigger firing: `main(event, context)` with the timer event and no WeChat caller. */
  async fireTimer(name: string, triggerName: string): Promise<unknown> {
    const event = { Type: 'Timer', TriggerName: triggerName, Time: new Date().toISOString(), Message: '' };
    return this.main(name)(event, this.contextFor(name, null));
  }

  /** One POST to the CloudBase API the SDKs use (the loopback's /admin). */
  private async cloudbase(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await httpRequest('POST', this.options.loopback.serviceUrl, Buffer.from(JSON.stringify({ envName: this.env, ...body })), { 'content-type': 'application/json' });
    const json = JSON.parse(res.body.toString('utf8')) as { code?: string; message?: string; data?: Record<string, unknown> };
    if (json.code) throw new Error(`${json.code} ${json.message ?? ''}`);
    return json.data ?? {};
  }

  private async uploadFile(cloudPath: string, filePath: string): Promise<{ errMsg: string; fileID: string; statusCode: number }> {
    this.initialized('cloud.uploadFile');
    const bytes = this.files.get(filePath);
    if (!bytes) throw { errCode: -1, errMsg: `cloud.uploadFile:fail file not found: ${filePath}` } satisfies WxFail;
    const meta = (await this.cloudbase({ action: 'storage.getUploadMetadata', path: cloudPath })) as { url: string; fileId: string };
    const put = await httpRequest('PUT', meta.url, bytes);
    if (put.status !== 200) throw { errCode: -1, errMsg: `cloud.uploadFile:fail ${put.status}` } satisfies WxFail;
    return { errMsg: 'cloud.uploadFile:ok', fileID: meta.fileId, statusCode: 200 };
  }

  private async getTempFileURL(list: Array<string | { fileID: string; maxAge?: number }>): Promise<{ errMsg: string; fileList: unknown[] }> {
    this.initialized('cloud.getTempFileURL');
    const wanted = list.map((item) => (typeof item === 'string' ? { fileID: item, maxAge: 86400 } : { fileID: item.fileID, maxAge: item.maxAge ?? 86400 }));
    const data = (await this.cloudbase({ action: 'storage.batchGetDownloadUrl', file_list: wanted.map((w) => ({ fileid: w.fileID, max_age: w.maxAge })) })) as {
      download_list: Array<{ code: string; fileID: string; tempFileURL: string }>;
    };
    const fileList = data.download_list.map((entry, i) => ({
      fileID: entry.fileID,
      tempFileURL: entry.tempFileURL,
      maxAge: wanted[i]?.maxAge,
      status: entry.code === 'SUCCESS' ? 0 : -1,
      errMsg: entry.code === 'SUCCESS' ? 'ok' : entry.code,
    }));
    return { errMsg: 'cloud.getTempFileURL:ok', fileList };
  }

  private async downloadFile(fileID: string): Promise<{ errMsg: string; tempFilePath: string; statusCode: number }> {
    const { fileList } = await this.getTempFileURL([fileID]);
    const entry = fileList[0] as { status: number; tempFileURL: string; errMsg: string };
    if (entry.status !== 0) throw { errCode: -1, errMsg: `cloud.downloadFile:fail ${entry.errMsg}` } satisfies WxFail;
    const res = await httpRequest('GET', entry.tempFileURL);
    if (res.status !== 200) throw { errCode: -1, errMsg: `cloud.downloadFile:fail ${res.status}` } satisfies WxFail;
    const tempFilePath = `wxfile://tmp_${nextId('dl')}`;
    this.files.set(tempFilePath, res.body);
    return { errMsg: 'cloud.downloadFile:ok', tempFilePath, statusCode: 200 };
  }

  /* ------------------------------------------------------------- wx.* */

  private getLocation(type: string | undefined): Record<string, unknown> {
    const datum = type ?? 'wgs84';
    this.locationTypes.push(datum);
    const point = datum === 'gcj02' ? wgs84ToGcj02(this.gps) : this.gps;
    return { errMsg: 'getLocation:ok', latitude: point.lat, longitude: point.lng, speed: 0, accuracy: 10, altitude: 1110, verticalAccuracy: 5, horizontalAccuracy: 10 };
  }

  private requestSubscribeMessage(ids: string[]): Record<string, string> {
    if (ids.length === 0) throw { errCode: 10001, errMsg: 'requestSubscribeMessage:fail TmplIds can\'t be empty' } satisfies WxFail;
    if (ids.length > 3) throw { errCode: 20003, errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds' } satisfies WxFail;
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of ids) {
      const choice = this.account.subscribeAnswers?.[id] ?? 'accept';
      res[id] = choice;
      if (choice === 'accept') this.options.server.grant(this.account.openid, id);
    }
    return res;
  }

  /* ------------------------------------------------------ function env */

  /** Sets the functions' environment variables (as configured on the functions), returning an undo. */
  static setFunctionEnvironment(vars: Record<string, string>): () => void {
    const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, realProcess.env[key]]));
    Object.assign(realProcess.env, vars);
    return () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete realProcess.env[key];
        else realProcess.env[key] = value;
      }
    };
  }
}
