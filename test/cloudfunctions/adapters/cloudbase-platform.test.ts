import {
  CloudbaseFileStore,
  cloudbaseIdentity,
  fitSubscribeValue,
  openGIdFromResolvedCloudId,
  parseMediaCheckPush,
  WxCodeGenerator,
  WxContentCheck,
  WxGroupResolver,
  WxMediaCheck,
  WxOpenApiError,
  WxSubscribeNotifier,
} from '../../../cloudfunctions/_adapters/cloudbase/platform';
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { loadCloudbase, type CloudbaseApp } from '../../../cloudfunctions/_adapters/cloudbase/store';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';

let loopback: CloudbaseLoopback;
let app: CloudbaseApp;

beforeEach(async () => {
  loopback = await CloudbaseLoopback.start();
  app = loadCloudbase(loopback.sdkOptions());
});

afterEach(async () => {
  await loopback.close();
});

describe('CloudbaseFileStore against the loopback CloudBase server', () => {
  it('uploads, downloads and links a photo', async () => {
    let n = 0;
    const files = new CloudbaseFileStore(app, { newId: () => `photo-${++n}` });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

    const stored = await files.put({ bytes, contentType: 'image/jpeg', ownerUserId: 'user/1' });
    expect(stored).toEqual({ id: `cloud://${loopback.env}.fake-bucket/uploads/user_1/photo-1.jpg`, contentType: 'image/jpeg', size: 7 });
    expect(loopback.requestsFor('storage.getUploadMetadata')[0]?.body).toMatchObject({ path: 'uploads/user_1/photo-1.jpg', method: 'put' });

    const got = await files.get(stored.id);
    expect(got?.file).toEqual(stored);
    expect(Array.from(got?.bytes ?? [])).toEqual(Array.from(bytes));

    const url = await files.url(stored.id);
    expect(loopback.requestsFor('storage.batchGetDownloadUrl').at(-1)?.body.file_list).toEqual([{ fileid: stored.id, max_age: 3600 }]);
    const fetched = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(Array.from(fetched)).toEqual(Array.from(bytes));
  });

  it('answers null for a file that does not exist and fails loudly for its URL', async () => {
    const files = new CloudbaseFileStore(app);
    const missing = `cloud://${loopback.env}.fake-bucket/uploads/u/none.png`;
    expect(await files.get(missing)).toBeNull();
    await expect(files.url(missing)).rejects.toThrow('STORAGE_FILE_NONEXIST');
  });
});

/*
 * Open APIs through the REAL wx-server-sdk 4.0.2 (its own @cloudbase/node-sdk 3.17.2) against the
 * loopback: `cloud.openapi.*` sends `wx.openApi` with a protobuf CommApiData
 * (node_modules/wx-server-sdk/index.js: src/api/openapi/namespace/openapi.ts `callWXOpenAPI`,
 * src/api/cloud/provider/tcb/api/callWXOpenAPI.ts `callGeneralOpenAPI`; node-sdk dist/wx/index.js
 * `callCompatibleWxOpenApi`); the loopback decodes it (test/support/wx-openapi-pb.ts).
 */
describe('WxContentCheck through wx-server-sdk (loopback CloudBase server)', () => {
  it('sends msgSecCheck v2 as wx.openApi (protobuf, snake_case pairs) and passes clean text', async () => {
    const check = new WxContentCheck(app);
    expect(await check.checkText('楼道里堆满杂物', 'o-user')).toEqual({ ok: true });
    const [request] = loopback.requestsFor('wx.openApi');
    expect(request?.body).toMatchObject({ action: 'wx.openApi', apiName: 'security.msgSecCheck', envName: loopback.env });
    expect(String(request?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(String(request?.headers['x-sdk-version'])).toBe('wx-server-sdk/4.0.2');
    expect(loopback.requestsFor('wx.api')).toEqual([]);
    expect(loopback.wxCalls).toEqual([{ apiName: 'security.msgSecCheck', requestData: { version: 2, scene: 2, openid: 'o-user', content: '楼道里堆满杂物' }, via: 'wx.openApi' }]);
  });

  it('rejects text judged risky', async () => {
    loopback.answerWx('security.msgSecCheck', () => ({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20001 } }));
    const verdict = await new WxContentCheck(app).checkText('违规内容', 'o-user');
    expect(verdict.ok).toBe(false);
    expect(verdict).toHaveProperty('reason', '内容含有违规信息，请修改后再提交');
  });

  it('checks long text in parts of at most 2,500 characters', async () => {
    loopback.answerWx('security.msgSecCheck', (data) => {
      const content = (data as { content: string }).content;
      return { errcode: 0, result: { suggest: content.includes('坏') ? 'risky' : 'pass' } };
    });
    const text = `${'好'.repeat(2500)}${'好'.repeat(100)}坏`;
    const verdict = await new WxContentCheck(app).checkText(text, 'o-user');
    expect(verdict.ok).toBe(false);
    const sizes = loopback.wxCalls.map((c) => Array.from((c.requestData as { content: string }).content).length);
    expect(sizes).toEqual([2500, 101]);
  });

  it('retries a failed check once (a WeChat errcode, not a verdict) and passes on the second answer', async () => {
    let n = 0;
    loopback.answerWx('security.msgSecCheck', () => (++n === 1 ? { errcode: -1, errmsg: 'system error' } : { errcode: 0, result: { suggest: 'pass', label: 100 } }));
    expect(await new WxContentCheck(app, { log: () => {} }).checkText('文本', 'o-user')).toEqual({ ok: true });
    expect(loopback.wxCalls).toHaveLength(2);
  });

  it('accepts the text marked unchecked (and logs it) when the check fails twice: errcode or CloudBase error', async () => {
    const lines: string[] = [];
    loopback.answerWx('security.msgSecCheck', () => ({ errcode: 61010, errmsg: 'user is not active' }));
    const verdict = await new WxContentCheck(app, { log: (l) => lines.push(l) }).checkText('文本', 'o-user');
    expect(verdict).toEqual({ ok: true, unchecked: expect.stringContaining('61010') });
    expect(loopback.wxCalls).toHaveLength(2);
    expect(lines).toEqual([expect.stringMatching(/^CONTENT_CHECK_UNAVAILABLE .*61010/)]);

    loopback.clearRequests();
    loopback.failNext('wx.openApi', 'SYS_ERR', 'gateway down');
    loopback.failNext('wx.openApi', 'SYS_ERR', 'gateway down');
    const down = await new WxContentCheck(app, { log: () => {} }).checkText('文本', 'o-user');
    expect(down).toEqual({ ok: true, unchecked: expect.stringContaining('gateway down') });
    expect(loopback.requestsFor('wx.openApi').map((r) => r.error)).toEqual(['SYS_ERR', 'SYS_ERR']);
  });

  it('refuses without an openid, without calling WeChat', async () => {
    expect((await new WxContentCheck(app).checkText('文本', null)).ok).toBe(false);
    expect(loopback.requests).toEqual([]);
  });
});

describe('WxMediaCheck through wx-server-sdk (loopback CloudBase server)', () => {
  it('sends mediaCheckAsync v2 with a downloadable temporary URL of the photo and answers the trace id', async () => {
    const files = new CloudbaseFileStore(app, { newId: () => 'p1' });
    const stored = await files.put({ bytes: new Uint8Array([0xff, 0xd8]), contentType: 'image/jpeg', ownerUserId: 'u1' });
    loopback.answerWx('security.mediaCheckAsync', () => ({ errcode: 0, errmsg: 'ok', trace_id: 'trace-42' }));
    expect(await new WxMediaCheck(app).submitImage(stored.id, 'o-user')).toEqual({ traceId: 'trace-42' });
    const call = loopback.wxCalls.at(-1);
    expect(call).toMatchObject({ apiName: 'security.mediaCheckAsync', via: 'wx.openApi', requestData: { media_type: 2, version: 2, scene: 2, openid: 'o-user' } });
    const url = (call?.requestData as { media_url: string }).media_url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cos\/uploads\/u1\/p1\.jpg/);
    expect(Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()))).toEqual([0xff, 0xd8]);
  });

  it('reads the wxa_media_check push', () => {
    const push = {
      ToUserName: 'gh_x',
      FromUserName: 'o-user',
      CreateTime: 1762329554,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx1',
      trace_id: 'trace-42',
      version: 2,
      result: { suggest: 'risky', label: '20002' },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: '20002', prob: 90 }],
    };
    expect(parseMediaCheckPush(push)).toEqual({ traceId: 'trace-42', suggest: 'risky', label: '20002' });
    expect(parseMediaCheckPush({ ...push, Event: 'other' })).toBeNull();
    expect(parseMediaCheckPush({ action: 'submit' })).toBeNull();
  });
});

describe('WxSubscribeNotifier through wx-server-sdk (loopback CloudBase server)', () => {
  it('sends subscribeMessage.send with thing fields cut to 20 characters', async () => {
    const long = '小区东门外道路长期被占用堆放建筑垃圾影响通行和安全';
    await new WxSubscribeNotifier(app).send({
      toOpenid: 'o-handler',
      templateId: 'tmpl-1',
      page: 'pages/ticket/detail?id=t1',
      data: { thing1: { value: long }, thing2: { value: '短' }, character_string3: { value: 'YN-20260302-0007' }, time4: { value: '2026-03-02 08:00' } },
    });
    expect(loopback.wxCalls).toHaveLength(1);
    const sent = loopback.wxCalls[0]?.requestData as Record<string, unknown>;
    expect(loopback.wxCalls[0]).toMatchObject({ apiName: 'subscribeMessage.send', via: 'wx.openApi' });
    expect(sent).toMatchObject({ touser: 'o-handler', template_id: 'tmpl-1', page: 'pages/ticket/detail?id=t1', miniprogram_state: 'formal', lang: 'zh_CN' });
    const data = sent.data as Record<string, { value: string }>;
    expect(Array.from(data.thing1?.value ?? '')).toHaveLength(20);
    expect(data.thing1?.value).toBe(`${Array.from(long).slice(0, 19).join('')}…`);
    expect(data.thing2?.value).toBe('短');
    expect(data.character_string3?.value).toBe('YN-20260302-0007');
    expect(data.time4?.value).toBe('2026-03-02 08:00');
  });

  it('throws WxOpenApiError with the errcode when WeChat refuses (43101: the user did not subscribe)', async () => {
    loopback.answerWx('subscribeMessage.send', () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    const sending = new WxSubscribeNotifier(app).send({ toOpenid: 'o', templateId: 't', page: 'p', data: {} });
    await expect(sending).rejects.toBeInstanceOf(WxOpenApiError);
    await expect(sending).rejects.toMatchObject({ errcode: 43101 });
  });

  it('counts characters, not UTF-16 units, and leaves unknown field types alone', () => {
    expect(Array.from(fitSubscribeValue('thing7', '😀'.repeat(25)))).toHaveLength(20);
    expect(fitSubscribeValue('phrase1', '处理中请等待')).toBe('处理中请…');
    expect(fitSubscribeValue('date2', 'x'.repeat(40))).toBe('x'.repeat(40));
  });
});

describe('WxCodeGenerator through wx-server-sdk (loopback CloudBase server)', () => {
  it('asks wxacode.getUnlimited for the scene and answers the image bytes', async () => {
    const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
    loopback.answerWx('wxacode.getUnlimited', () => ({ contentType: 'image/jpeg', buffer: image }));
    const code = await new WxCodeGenerator(app).unlimited({ scene: 'QT-HXJY', page: 'pages/report/index' });
    expect(code.contentType).toBe('image/jpeg');
    expect(Array.from(code.bytes)).toEqual(Array.from(image));
    expect(loopback.wxCalls).toEqual([
      { apiName: 'wxacode.getUnlimited', via: 'wx.openApi', requestData: { scene: 'QT-HXJY', page: 'pages/report/index', width: 430, check_path: false, env_version: 'release' } },
    ]);
  });

  it('is the deps.codes port of the CloudBase wiring (for the estate posters)', async () => {
    const deps = cloudbaseDeps(loopback.sdkOptions());
    const code = await deps.codes!.unlimited({ scene: 'YN-HSJY', page: 'pages/report/index' });
    expect(code.contentType).toBe('image/jpeg');
    expect(loopback.wxCalls.map((c) => [c.apiName, c.via])).toEqual([['wxacode.getUnlimited', 'wx.openApi']]);
  });

  it('throws when WeChat answers an errcode (e.g. 41030 invalid page)', async () => {
    loopback.answerWx('wxacode.getUnlimited', () => ({ errcode: 41030, errmsg: 'invalid page' }));
    await expect(new WxCodeGenerator(app).unlimited({ scene: 'x', page: 'nope' })).rejects.toMatchObject({ errcode: 41030 });
  });
});

describe('WxGroupResolver through wx-server-sdk getOpenData (loopback CloudBase server)', () => {
  it('exchanges a CloudID for the openGId with the SVRKIT call ApiGetOpenDataByCloudId', async () => {
    loopback.openData.set('cid-1', JSON.stringify({ cloudID: 'cid-1', data: { openGId: 'G-123' } }));
    expect(await new WxGroupResolver(app).resolveOpenGId('cid-1', 'o-officer')).toBe('G-123');
    expect(loopback.wxCalls).toEqual([{ apiName: 'getOpenData', requestData: { cloudidList: ['cid-1'] }, via: 'wx.openApi' }]);
    expect(loopback.requestsFor('wx.openApi')[0]?.body.apiName).toBe('ApiGetOpenDataByCloudId');
  });

  it('fails when the answer carries no openGId', async () => {
    await expect(new WxGroupResolver(app).resolveOpenGId('cid-unknown', 'o')).rejects.toBeInstanceOf(WxOpenApiError);
  });

  it('reads a CloudID the platform already resolved in callFunction data', () => {
    expect(openGIdFromResolvedCloudId({ cloudID: 'cid', data: { openGId: 'G-9' } })).toBe('G-9');
    expect(openGIdFromResolvedCloudId({ cloudID: 'cid' })).toBeNull();
    expect(openGIdFromResolvedCloudId('cid')).toBeNull();
  });
});

describe('cloudbaseIdentity and loadCloudbase (real SDK, loopback CloudBase server)', () => {
  it('reads WX_OPENID and WX_APPID from the function context', () => {
    const context = {
      memory_limit_in_mb: 256,
      time_limit_in_ms: 3000,
      request_id: 'r1',
      function_version: '$LATEST',
      function_name: 'report',
      namespace: 'env',
      environment: JSON.stringify({ WX_OPENID: 'o-caller', WX_APPID: 'wx-app', WX_UNIONID: '' }),
    };
    expect(cloudbaseIdentity(context)).toEqual({ openid: 'o-caller', appid: 'wx-app', unionid: null });
  });

  it('has no openid when the context carries none', () => {
    expect(cloudbaseIdentity({ environment: '{}' }).openid).toBeNull();
  });

  it('uses TCB_ENV as the environment when none is given', async () => {
    const previous = process.env.TCB_ENV;
    process.env.TCB_ENV = 'env-from-variable';
    try {
      const viaEnv = loadCloudbase({ serviceUrl: loopback.serviceUrl, secretId: 'id', secretKey: 'key' });
      await new WxContentCheck(viaEnv).checkText('文本', 'o');
      expect(loopback.requestsFor('wx.openApi')[0]?.body.envName).toBe('env-from-variable');
    } finally {
      if (previous === undefined) delete process.env.TCB_ENV;
      else process.env.TCB_ENV = previous;
    }
  });
});
