/**
 * 六公开/五公开 updates and the full noticeboard through the functions (issue 20 §5), on the SQLite
 * and CloudBase stores (the real @cloudbase/node-sdk against the loopback server).
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, NOW, OTHER_ESTATE, type TestApp } from '../../support/app';

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('六公开 on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make()) as TestApp<Store>;
  });
  afterEach(async () => app.close());

  it('the estate’s own property company publishes; the noticeboard shows each field with its date', async () => {
    const res = await app.call(admin, 'property', 'putDisclosure', { estateId: ESTATE.id, fields: { feeItems: '住宅1.2元/㎡·月', utilitySharing: '公共照明电费按户均摊，每季度公示' } });
    expect(res.ok).toBe(true);
    const board = (await app.call(report, null, 'noticeboard', { estateId: ESTATE.id })).data;
    const byKey = Object.fromEntries(board.disclosure.map((d: { key: string }) => [d.key, d]));
    expect(byKey.feeItems).toEqual({ key: 'feeItems', label: '收费项目与标准', text: '住宅1.2元/㎡·月', updatedAt: NOW });
    expect(byKey.utilitySharing.text).toBe('公共照明电费按户均摊，每季度公示');
    expect(byKey.maintenanceFund).toEqual({ key: 'maintenanceFund', label: '维修资金使用', text: null, updatedAt: null });
    expect(board.disclosure.map((d: { label: string }) => d.label)).toEqual(['服务内容与标准', '收费项目与标准', '公共收益收支', '维修资金使用', '电梯等设施维保', '公共水电分摊']);
    // 12345 always; every unit with its duties.
    expect(board.hotline.phone).toBe('12345');
    for (const u of board.units) expect(u.duties.length).toBeGreaterThan(0);
  });

  it('an admin edit of the estate keeps what the company published', async () => {
    await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
    await app.call(admin, 'property', 'putDisclosure', { estateId: ESTATE.id, fields: { publicIncome: '广告收入1.2万元' } });
    expect((await app.call(admin, 'admin', 'putEstate', { ...ESTATE, name: '锦绣花园（改）' })).ok).toBe(true);
    expect((await app.store.getEstate(ESTATE.id))?.disclosure?.publicIncome?.text).toBe('广告收入1.2万元');
  });

  it.each([
    ['another company’s user', 'otherProperty', ESTATE.id], // MORE_PEOPLE: company pc-other
    ['the company’s user on an estate it does not manage', 'property', OTHER_ESTATE.id],
    ['a resident', 'resident', ESTATE.id],
    ['a department officer', 'housing', ESTATE.id],
    ['a street officer', 'street', ESTATE.id],
  ] as const)('%s is refused and nothing changes', async (_what, who, estateId) => {
    const before = JSON.stringify(await app.store.getEstate(estateId));
    const res = await app.call(admin, who, 'putDisclosure', { estateId, fields: { feeItems: '随意改写' } });
    expect(res.error?.code).toBe('AUTH.FORBIDDEN');
    expect(JSON.stringify(await app.store.getEstate(estateId))).toBe(before);
  });

  it('households: the admin sets them; a property company may not; bad input is 400 with no change', async () => {
    expect((await app.call(admin, 'property', 'putHouseholds', { estateId: ESTATE.id, households: 10 })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(admin, 'admin', 'putHouseholds', { estateId: ESTATE.id, households: 0 })).error?.code).toBe('INPUT.INVALID');
    expect((await app.call(admin, 'admin', 'putDisclosure', { estateId: ESTATE.id, fields: { notAField: 'x' } })).error?.code).toBe('INPUT.INVALID');
    expect((await app.store.getEstate(ESTATE.id))?.households ?? null).toBeNull();
    expect((await app.call(admin, 'admin', 'putHouseholds', { estateId: ESTATE.id, households: 860 })).data.households).toBe(860);
    expect((await app.store.getEstate(ESTATE.id))?.households).toBe(860);
  });

  it('an admin records a unit’s 投诉举报电话 with its contact; the noticeboard shows it', async () => {
    const res = await app.call(admin, 'admin', 'putUnitContact', { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-6100001', contactPerson: '李强', complaintPhone: '0951-6100099' });
    expect(res.ok).toBe(true);
    const board = (await app.call(report, null, 'noticeboard', { estateId: ESTATE.id })).data;
    const zjj = board.units.find((u: { id: string }) => u.id === 'yongning.zjj');
    expect([zjj.phone, zjj.contactPerson, zjj.complaintPhone]).toEqual(['0951-6100001', '李强', '0951-6100099']);
    expect((await app.call(admin, 'admin', 'putUnitContact', { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-6100001', complaintPhone: 'call me' })).error?.code).toBe('INPUT.INVALID');
  });
});
