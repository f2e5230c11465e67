/**
 * The `admin` function's trust boundary (issue 14), reproduced with the requests that broke it,
 * against the local runtime with its demo data (real handlers, real SQLite store, HTTP gateway):
 * every admin write is authorized against the record's current jurisdiction and the one it moves
 * to; a city admin (yinchuan) manages its county (yongning), never the reverse; openid and the demo
 * flag are never client-settable; lists show only the caller's jurisdictions.
 */
import { DEMO_COMPANIES, DEMO_ESTATES } from '../../../local/demo';
import { startTestRuntime, type TestRuntime } from '../../local/server/support';

let t: TestRuntime;
const tokens = new Map<string, string>();

beforeAll(async () => {
  t = await startTestRuntime({ demoTickets: false });
  for (const who of ['demo.yongning.resident1', 'demo.yongning.admin', 'demo.yinchuan.admin', 'demo.wuzhong.admin', 'demo.qitai.admin']) tokens.set(who, await t.signIn(who));
});

afterAll(async () => {
  await t.stop();
});

const as = (who: string, action: string, data: unknown) => t.call('admin', action, data, tokens.get(who) ?? null);
const store = () => t.rt.deps.store;
const estate = (id: string) => {
  const e = DEMO_ESTATES.find((x) => x.id === id);
  if (!e) throw new Error(`no demo estate ${id}`);
  return e;
};

describe('putUser', () => {
  it('refuses the exact request by which a resident rewrote an admin (grants: [] skipped the check)', async () => {
    const before = await store().getUser('demo.yongning.admin');
    const res = await as('demo.yongning.resident1', 'putUser', { id: 'demo.yongning.admin', openid: 'oATTACKER', name: 'x', phone: null, grants: [], demo: true });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
    expect(await store().getUser('demo.yongning.admin')).toEqual(before);
  });

  it('refuses Yongning’s admin demoting Yinchuan’s admin (the county does not manage the city)', async () => {
    const res = await as('demo.yongning.admin', 'putUser', { id: 'demo.yinchuan.admin', name: '降级', phone: null, grants: [{ role: 'resident', jurisdiction: 'yongning' }] });
    expect(res.status).toBe(403);
    expect((await store().getUser('demo.yinchuan.admin'))?.grants).toEqual([{ role: 'admin', jurisdiction: 'yinchuan' }]);
  });

  it('refuses any admin rewriting a resident’s record (taking over their tickets and phone)', async () => {
    await store().putUser({ id: 'u-resident-x', openid: 'o-resident-x', name: '居民', phone: '13900000000', grants: [], demo: false });
    const res = await as('demo.yongning.admin', 'putUser', { id: 'u-resident-x', name: '居民', phone: '13811111111', grants: [{ role: 'grid', jurisdiction: 'yongning' }] });
    expect(res.status).toBe(403);
    expect((await store().getUser('u-resident-x'))?.phone).toBe('13900000000');
  });

  it('ignores an openid and a demo flag in the body: staff bind their own account', async () => {
    const res = await as('demo.yongning.admin', 'putUser', { id: 'yn-new-grid', openid: 'oATTACKER', demo: true, name: '新网格员', phone: null, grants: [{ role: 'grid', jurisdiction: 'yongning', estates: ['yn-hsjy'] }] });
    expect(res.status).toBe(200);
    expect(res.body.data.openid).toBeNull();
    expect(await store().getUser('yn-new-grid')).toMatchObject({ openid: null, demo: false });
    expect(await store().getUserByOpenid('oATTACKER')).toBeNull();
  });

  it('keeps the openid a staff member bound when an admin changes their grants', async () => {
    await store().putUser({ id: 'yn-bound', openid: 'o-bound', name: '已绑定', phone: null, grants: [{ role: 'grid', jurisdiction: 'yongning' }], demo: false });
    const res = await as('demo.yongning.admin', 'putUser', { id: 'yn-bound', name: '已绑定', phone: null, grants: [] });
    expect(res.status).toBe(200);
    expect(res.body.data.openid).toBe('已绑定');
    expect(await store().getUser('yn-bound')).toMatchObject({ openid: 'o-bound', grants: [] });
  });

  it('refuses a grant of a unit, street, estate or company outside the admin’s jurisdictions', async () => {
    const grants = [
      { role: 'department', jurisdiction: 'yongning', units: ['qitai.zjj'] },
      { role: 'street', jurisdiction: 'yongning', streets: ['wuzhong.t.shengli'] },
      { role: 'grid', jurisdiction: 'yongning', estates: ['qt-tsjy'] },
      { role: 'property', jurisdiction: 'yongning', company: 'pc-qt-antai' },
    ];
    for (const g of grants) {
      const res = await as('demo.yongning.admin', 'putUser', { id: 'yn-smuggle', name: '越权', phone: null, grants: [g] });
      expect([res.status, res.body.error.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    }
    expect(await store().getUser('yn-smuggle')).toBeNull();
  });

  it('lets the city admin manage the county’s staff', async () => {
    const res = await as('demo.yinchuan.admin', 'putUser', { id: 'yn-by-city', name: '市里建的', phone: null, grants: [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }] });
    expect(res.status).toBe(200);
  });
});

describe('estates, companies, contacts, policies', () => {
  it('refuses Wuzhong’s admin moving Qitai’s estate into Wuzhong', async () => {
    const qt = estate('qt-tsjy');
    const res = await as('demo.wuzhong.admin', 'putEstate', { ...qt, jurisdiction: 'wuzhong', townshipId: 'wuzhong.t.shengli', areaId: null, propertyCompanyId: 'pc-wz-kangju' });
    expect(res.status).toBe(403);
    expect((await store().getEstate('qt-tsjy'))?.jurisdiction).toBe('qitai');
  });

  it('refuses an estate whose township lies outside its area (兴庆区 with a 金凤区 street; a township of another list)', async () => {
    const yc = estate('yc-fnhy');
    expect(yc.areaId).toBe('yinchuan.xingqing');
    const wrongStreet = await as('demo.yinchuan.admin', 'putEstate', { ...yc, townshipId: 'yinchuan.t.manchengbeijie' });
    expect([wrongStreet.status, wrongStreet.body.error.code]).toEqual([400, 'INPUT.INVALID']);
    const otherList = await as('demo.yinchuan.admin', 'putEstate', { ...yc, townshipId: 'wuzhong.t.shengli' });
    expect(otherList.status).toBe(400);
    expect((await store().getEstate('yc-fnhy'))?.townshipId).toBe(yc.townshipId);
    expect((await as('demo.yinchuan.admin', 'putEstate', { ...yc, name: '富宁花园' })).status).toBe(200);
  });

  it('refuses Wuzhong’s admin moving Qitai’s property company into Wuzhong', async () => {
    const res = await as('demo.wuzhong.admin', 'putPropertyCompany', { id: 'pc-qt-antai', name: '奇台县安泰物业服务有限公司', jurisdiction: 'wuzhong' });
    expect(res.status).toBe(403);
    expect((await store().listPropertyCompanies()).find((c) => c.id === 'pc-qt-antai')?.jurisdiction).toBe('qitai');
  });

  it('refuses an estate of one’s own jurisdiction served by another jurisdiction’s company', async () => {
    const res = await as('demo.wuzhong.admin', 'putEstate', { ...estate('wz-lmjy'), propertyCompanyId: 'pc-qt-antai' });
    expect(res.status).toBe(403);
  });

  it('refuses Wuzhong’s admin rewriting 县住建局’s phone on Yongning’s public noticeboard', async () => {
    const before = (await store().listUnitContacts(['yongning.zjj']))[0];
    const res = await as('demo.wuzhong.admin', 'putUnitContact', { unitId: 'yongning.zjj', name: '县住建局', phone: '0000-0000' });
    expect(res.status).toBe(403);
    expect((await store().listUnitContacts(['yongning.zjj']))[0]).toEqual(before);
  });

  it('lets Yongning’s admin set its own unit’s contact, and refuses an unknown unit with 400', async () => {
    expect((await as('demo.yongning.admin', 'putUnitContact', { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-8000000' })).status).toBe(200);
    expect((await as('demo.yongning.admin', 'putUnitContact', { unitId: 'nowhere.zjj', name: '无名', phone: '0951-8000000' })).body.error.code).toBe('INPUT.INVALID');
  });

  it('refuses a grid of Qitai’s estates made by Yongning’s admin', async () => {
    const res = await as('demo.yongning.admin', 'putGrid', { id: 'yn-grab', name: '越权网格', jurisdiction: 'yongning', townshipId: estate('yn-hsjy').townshipId, estateIds: ['qt-tsjy'] });
    expect(res.status).toBe(400);
    expect(await store().getGrid('yn-grab')).toBeNull();
  });

  it('refuses another jurisdiction’s SLA policy', async () => {
    const res = await as('demo.qitai.admin', 'putSlaPolicy', { jurisdiction: 'wuzhong', policy: {} });
    expect(res.status).toBe(403);
  });

  it('keeps a resident out of every admin action', async () => {
    for (const [action, data] of [
      ['listUsers', {}],
      ['listEstates', {}],
      ['directory', { jurisdiction: 'yongning' }],
      ['putPropertyCompany', DEMO_COMPANIES[1]],
    ] as const) {
      expect((await as('demo.yongning.resident1', action, data)).status).toBe(403);
    }
  });
});

describe('lists', () => {
  it('listUsers {} gives Wuzhong’s admin Wuzhong’s staff only: no other jurisdiction, no resident', async () => {
    const res = await as('demo.wuzhong.admin', 'listUsers', {});
    expect(res.status).toBe(200);
    const items = res.body.data.items as Array<{ id: string; grants: Array<{ jurisdiction: string }> }>;
    expect(items.length).toBeGreaterThan(3);
    for (const u of items) {
      expect(u.grants.length).toBeGreaterThan(0);
      for (const g of u.grants) expect(g.jurisdiction).toBe('wuzhong');
    }
    expect(items.some((u) => u.id.startsWith('demo.yongning.'))).toBe(false);
    expect(JSON.stringify(res.body)).not.toMatch(/"openid":"(?!已绑定)[^"]/);
  });

  it('listUsers {} gives the city admin the city and its county', async () => {
    const items = (await as('demo.yinchuan.admin', 'listUsers', {})).body.data.items as Array<{ grants: Array<{ jurisdiction: string }> }>;
    const seen = new Set(items.flatMap((u) => u.grants.map((g) => g.jurisdiction)));
    expect([...seen].sort()).toEqual(['yinchuan', 'yongning']);
  });

  it('listEstates {} gives each admin its jurisdictions’ estates only', async () => {
    const qt = (await as('demo.qitai.admin', 'listEstates', {})).body.data.items as Array<{ jurisdiction: string }>;
    expect(qt.length).toBeGreaterThan(0);
    expect(new Set(qt.map((e) => e.jurisdiction))).toEqual(new Set(['qitai']));
    expect((await as('demo.qitai.admin', 'listEstates', { jurisdiction: 'wuzhong' })).status).toBe(403);
  });
});
