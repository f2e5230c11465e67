/**
 * The weapp transport (miniprogram/api/transport.weapp.ts) against a `wx.cloud` emulation that
 * behaves as WeChat documents it (小程序端初始化,
 * https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/init/client.init.md):
 * `init({ env })` must run once before any other cloud API (env is required; later inits have no
 * effect), and `uploadFile` answers `cloud://<env>.<bucket-id>/<cloudPath>` (TOOLCHAIN.md "The
 * mini-program side"). Before the fix the transport never called init: every call failed.
 */
import { parseCloudFileId, photoCloudPath, uploadPrefix } from '../../../shared/files';

interface CloudCall {
  api: string;
  options: Record<string, unknown>;
}

/** wx.cloud as the platform documents it: nothing works before init({ env }); only the first init counts. */
function cloudEmulation() {
  const calls: CloudCall[] = [];
  let env: string | null = null;
  let slots = 0;
  const guard = (api: string) => {
    if (!env) throw new Error(`${api}:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API`);
  };
  const cloud = {
    init(options: { env?: string; traceUser?: boolean }) {
      calls.push({ api: 'init', options });
      if (!options.env) throw new Error('init:fail env 必填');
      env ??= options.env;
    },
    async callFunction(options: { name: string; data: Record<string, unknown> }) {
      guard('callFunction');
      calls.push({ api: 'callFunction', options });
      if (options.data.action === 'me') return { result: { ok: true, data: { signedIn: true, userId: 'u-abc', roles: [] } } };
      // The server's photo slot (report.photoSlot): a path under the caller's prefix.
      if (options.data.action === 'photoSlot') {
        slots += 1;
        const cloudPath = photoCloudPath('u-abc', `slot${String(slots).padStart(6, '0')}`);
        return { result: { ok: true, data: { cloudPath, fileId: `cloud://${env}.7072-${env}-1300000000/${cloudPath}` } } };
      }
      return { result: { ok: true, data: { echoed: options.data } } };
    },
    async uploadFile(options: { cloudPath: string; filePath: string }) {
      guard('uploadFile');
      calls.push({ api: 'uploadFile', options });
      return { fileID: `cloud://${env}.7072-${env}-1300000000/${options.cloudPath}`, statusCode: 200 };
    },
  };
  return { cloud, calls, env: () => env };
}

let emulation: ReturnType<typeof cloudEmulation>;

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    get cloud() {
      return emulation.cloud;
    },
  },
}));

type Transport = typeof import('../../../miniprogram/api/transport.weapp');

/** A fresh copy of the module (its init-once state) built with this TARO_APP_CLOUD_ENV. */
function loadTransport(cloudEnv: string | undefined): Transport {
  if (cloudEnv === undefined) delete process.env.TARO_APP_CLOUD_ENV;
  else process.env.TARO_APP_CLOUD_ENV = cloudEnv;
  let transport: Transport | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    transport = require('../../../miniprogram/api/transport.weapp') as Transport;
  });
  return transport!;
}

const saved = process.env.TARO_APP_CLOUD_ENV;
beforeEach(() => {
  emulation = cloudEmulation();
});
afterAll(() => {
  if (saved === undefined) delete process.env.TARO_APP_CLOUD_ENV;
  else process.env.TARO_APP_CLOUD_ENV = saved;
});

describe('weapp transport: wx.cloud.init before any cloud call', () => {
  it('initializes wx.cloud with the build\'s env (and traceUser) on the first call, once', async () => {
    const transport = loadTransport('prod-1g2h3j4k');
    expect(emulation.calls).toEqual([]); // lazily: loading the module calls nothing
    await expect(transport.callFunction('report', 'detail', { ticketId: 't1' })).resolves.toEqual({ echoed: { action: 'detail', data: { ticketId: 't1' } } });
    await transport.callFunction('ticket', 'home');
    expect(emulation.calls.filter((c) => c.api === 'init')).toEqual([{ api: 'init', options: { env: 'prod-1g2h3j4k', traceUser: true } }]);
    expect(emulation.calls[0]!.api).toBe('init');
    expect(emulation.calls.filter((c) => c.api === 'callFunction').map((c) => c.options.name)).toEqual(['report', 'ticket']);
  });

  it('puts a CloudID in a top-level field of the call data', async () => {
    const transport = loadTransport('prod-1g2h3j4k');
    await transport.callFunction('ticket', 'bindGroup', { cloudId: { cloudID: 'x' }, estateId: 'e1' });
    expect(emulation.calls.at(-1)!.options.data).toEqual({ action: 'bindGroup', data: { estateId: 'e1' }, cloudId: { cloudID: 'x' } });
  });

  it('uploads each photo to the path the server reserved for it (report.photoSlot), after init, and answers the fileID', async () => {
    const transport = loadTransport('prod-1g2h3j4k');
    const uploaded = await transport.uploadPhoto('wxfile://tmp/a.jpg');
    const slotCalls = () => emulation.calls.filter((c) => c.api === 'callFunction' && (c.options.data as { action: string }).action === 'photoSlot');
    const upload = emulation.calls.find((c) => c.api === 'uploadFile')!;
    expect(slotCalls()).toHaveLength(1);
    expect(upload.options.cloudPath).toBe(photoCloudPath('u-abc', 'slot000001'));
    expect(String(upload.options.cloudPath).startsWith(uploadPrefix('u-abc'))).toBe(true);
    expect(parseCloudFileId(uploaded.id)).toMatchObject({ env: 'prod-1g2h3j4k', path: upload.options.cloudPath });
    expect(emulation.calls.filter((c) => c.api === 'init')).toHaveLength(1);
    // One slot per photo: a second photo gets its own path.
    await transport.uploadPhoto('wxfile://tmp/b.jpg');
    expect(slotCalls()).toHaveLength(2);
    expect(emulation.calls.filter((c) => c.api === 'uploadFile').at(-1)!.options.cloudPath).toBe(photoCloudPath('u-abc', 'slot000002'));
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('refuses every call with a clear Chinese error when the env is %s, and calls nothing', async (_what, env) => {
    const transport = loadTransport(env);
    for (const call of [() => transport.callFunction('report', 'me'), () => transport.uploadPhoto('wxfile://tmp/a.jpg')]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ApiError', code: 'CONFIG.CLOUD_ENV_MISSING' });
      expect((err as Error).message).toContain('未配置云开发环境');
    }
    expect(emulation.calls).toEqual([]);
  });

  it('the emulation refuses a call before init, as the platform does', async () => {
    await expect(emulation.cloud.callFunction({ name: 'report', data: {} })).rejects.toThrow('wx.cloud.init');
  });
});
