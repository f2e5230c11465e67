import {
  CloudbaseFileStore,
  cloudbaseIdentity,
  fitSubscribeValue,
  openGIdFromResolvedCloudId,
  WxContentCheck,
  WxGroupResolver,
  WxOpenApiError,
  WxSubscribeNotifier,
} from '../../../cloudfunctions/_adapters/cloudbase/platform';
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

describe('WxContentCheck against the loopback CloudBase server', () => {
  it('sends msgSecCheck v2 through the wx.api passthrough and passes clean text', async () => {
    const check = new WxContentCheck(app);
    expect(await check.checkText('楼道里堆满杂物', 'o-user')).toEqual({ ok: true });
    expect(loopback.requestsFor('wx.api')[0]?.body.apiName).toBe('security.msgSecCheck');
    expect(loopback.wxCalls).toEqual([{ apiName: 'security.msgSecCheck', requestData: { version: 2, scene: 2, openid: 'o-user', content: '楼道里堆满杂物' } }]);
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

  it('throws on an API error and refuses without an openid, without calling WeChat', async () => {
    loopback.answerWx('security.msgSecCheck', () => ({ errcode: 61010, errmsg: 'user is not active' }));
    await expect(new WxContentCheck(app).checkText('文本', 'o-user')).rejects.toBeInstanceOf(WxOpenApiError);
    loopback.clearRequests();
    expect((await new WxContentCheck(app).checkText('文本', null)).ok).toBe(false);
    expect(loopback.wxCalls).toEqual([]);
  });
});

describe('WxSubscribeNotifier against the loopback CloudBase server', () => {
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
    expect(loopback.wxCalls[0]?.apiName).toBe('subscribeMessage.send');
    expect(sent).toMatchObject({ touser: 'o-handler', template_id: 'tmpl-1', page: 'pages/ticket/detail?id=t1', miniprogram_state: 'formal', lang: 'zh_CN' });
    const data = sent.data as Record<string, { value: string }>;
    expect(Array.from(data.thing1?.value ?? '')).toHaveLength(20);
    expect(data.thing1?.value).toBe(`${Array.from(long).slice(0, 19).join('')}…`);
    expect(data.thing2?.value).toBe('短');
    expect(data.character_string3?.value).toBe('YN-20260302-0007');
    expect(data.time4?.value).toBe('2026-03-02 08:00');
  });

  it('throws WxOpenApiError when WeChat refuses (e.g. the user did not subscribe)', async () => {
    loopback.answerWx('subscribeMessage.send', () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    await expect(new WxSubscribeNotifier(app).send({ toOpenid: 'o', templateId: 't', page: 'p', data: {} })).rejects.toMatchObject({ errcode: 43101 });
  });

  it('counts characters, not UTF-16 units, and leaves unknown field types alone', () => {
    expect(Array.from(fitSubscribeValue('thing7', '😀'.repeat(25)))).toHaveLength(20);
    expect(fitSubscribeValue('phrase1', '处理中请等待')).toBe('处理中请…');
    expect(fitSubscribeValue('date2', 'x'.repeat(40))).toBe('x'.repeat(40));
  });
});

describe('WxGroupResolver against the loopback CloudBase server', () => {
  it('exchanges a CloudID for the openGId with cloudbase.getOpenData', async () => {
    loopback.answerWx('cloudbase.getOpenData', () => ({
      errcode: 0,
      errmsg: 'ok',
      data_list: [{ cloud_id: 'cid-1', json: JSON.stringify({ cloudID: 'cid-1', data: { openGId: 'G-123' } }) }],
    }));
    expect(await new WxGroupResolver(app).resolveOpenGId('cid-1', 'o-officer')).toBe('G-123');
    expect(loopback.wxCalls).toEqual([{ apiName: 'cloudbase.getOpenData', requestData: { openid: 'o-officer', cloudid_list: ['cid-1'] } }]);
  });

  it('fails when the answer carries no openGId', async () => {
    loopback.answerWx('cloudbase.getOpenData', () => ({ errcode: 0, data_list: [] }));
    await expect(new WxGroupResolver(app).resolveOpenGId('cid-1', 'o')).rejects.toBeInstanceOf(WxOpenApiError);
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
      expect(loopback.requestsFor('wx.api')[0]?.body.envName).toBe('env-from-variable');
    } finally {
      if (previous === undefined) delete process.env.TCB_ENV;
      else process.env.TCB_ENV = previous;
    }
  });
});
