/**
 * The "123" classification and 执法进小区 through the functions (issue 20 §2–3), on SQLite:
 * who sets an estate's class, its history (staff names, never openids), the township × class table,
 * the estate's open rectification items and satisfaction where the class is set; check-ins and
 * patrols counted as visits in the yearly estate × unit table, estates under 3 flagged.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { ESTATE, makeApp, newKey, OTHER_ESTATE, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
});
afterEach(() => app.close());

const HERE = REPORT.location;

async function call(who: AnyPerson, action: string, data: Record<string, unknown>) {
  const res = await app.call(ticket, who, action, data);
  if (!res.ok) throw new Error(`${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data;
}

/** A 飞线充电 ticket whistled to 县住建局, which reports in and arrives on site (到场 with location). */
async function arrived(estateId = ESTATE.id) {
  const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, estateId, idempotencyKey: newKey() });
  const id = submitted.data.ticket.id as string;
  const version = async () => (await app.store.getTicket(id))!.version;
  await call('grid', 'whistle', { ticketId: id, version: await version(), units: ['yongning.zjj', 'yongning.yjgl'] });
  await call('housing', 'acknowledge', { ticketId: id, version: await version(), officerName: '王强' });
  await call('housing', 'arrive', { ticketId: id, version: await version(), location: HERE });
  return { id, version };
}

describe('the "123" class of an estate', () => {
  it('the street sets it with a reason; the history names who (staff name, never an openid), when and why, and the previous class', async () => {
    const first = await call('street', 'setEstateClass', { estateId: ESTATE.id, class: 'standard', reason: '服务基本规范' });
    expect(first).toMatchObject({ class: 'standard', classLabel: '规范运营' });
    app.clock.advance(3600_000);
    const second = await call('leadership', 'setEstateClass', { estateId: ESTATE.id, class: 'remediation', reason: '投诉较多，纳入重点整治清单' });
    expect(second.class).toBe('remediation');
    expect(second.history).toEqual([
      { class: 'remediation', classLabel: '整治提升', previous: 'standard', reason: '投诉较多，纳入重点整治清单', setAt: '2026-11-23T03:00:00.000Z', setBy: { name: PEOPLE.leadership.name, unitId: null, role: 'leadership' } },
      { class: 'standard', classLabel: '规范运营', previous: null, reason: '服务基本规范', setAt: '2026-11-23T02:00:00.000Z', setBy: { name: PEOPLE.street.name, unitId: ESTATE.townshipId, role: 'street' } },
    ]);
    expect(JSON.stringify(second)).not.toMatch(/openid/i);
  });

  it.each<[AnyPerson, string]>([
    ['resident', 'AUTH.FORBIDDEN'],
    ['grid', 'AUTH.FORBIDDEN'],
    ['housing', 'AUTH.FORBIDDEN'],
    ['property', 'AUTH.FORBIDDEN'],
    ['otherStreet', 'AUTH.OUT_OF_SCOPE'],
    ['qitaiLeadership', 'AUTH.OUT_OF_SCOPE'],
  ])('%s may not set it (%s), and no history is written', async (who, code) => {
    const res = await app.call(ticket, who, 'setEstateClass', { estateId: ESTATE.id, class: 'model', reason: '服务优秀' });
    expect(res.error?.code).toBe(code);
    expect(await app.store.listEstateClassChanges({})).toEqual([]);
  });

  it('a bad class or a missing reason is INPUT.INVALID and writes nothing', async () => {
    expect((await app.call(ticket, 'street', 'setEstateClass', { estateId: ESTATE.id, class: 'gold', reason: '服务优秀' })).error?.code).toBe('INPUT.INVALID');
    expect((await app.call(ticket, 'street', 'setEstateClass', { estateId: ESTATE.id, class: 'model' })).error?.code).toBe('INPUT.INVALID');
    expect(await app.store.listEstateClassChanges({})).toEqual([]);
  });

  it('where the class is set, the estate’s open rectification items and its satisfaction are shown', async () => {
    const { id, version } = await arrived();
    await call('housing', 'resolve', { ticketId: id, version: await version(), note: '已拆除飞线', photos: [await app.photo('housing')] });
    await app.call(report, 'resident', 'confirm', { ticketId: id, version: await version() });
    await app.call(report, 'resident', 'rate', { ticketId: id, version: await version(), score: 4, fixed: true });
    const notice = (await call('housing', 'issueRectification', { estateId: ESTATE.id, problem: '车库消防通道堆物', basis: '二(二)1(2)', deadline: '2026-11-30T18:00:00+08:00' })).notice;
    const view = await call('street', 'estateClass', { estateId: ESTATE.id });
    expect(view.openRectifications).toEqual([{ id: notice.id, no: notice.no, problem: '车库消防通道堆物', deadline: '2026-11-30T10:00:00.000Z', status: 'open' }]);
    expect(view.satisfaction).toEqual({ rated: 1, satisfied: 1, rate: 1 });
    expect(view.class).toBeNull();
  });

  it('the dashboard table counts per township × class (with open and overdue notices); a street sees its own townships only', async () => {
    await call('street', 'setEstateClass', { estateId: ESTATE.id, class: 'remediation', reason: '投诉较多' });
    await call('housing', 'issueRectification', { estateId: ESTATE.id, problem: '车库消防通道堆物', basis: '二(二)1(2)', deadline: '2026-11-30T18:00:00+08:00' });
    const table = await call('leadership', 'classTable', { jurisdiction: 'yongning' });
    expect(table.rows).toEqual([
      { townshipId: ESTATE.townshipId, townshipName: '团结西路街道办事处', counts: { model: 0, standard: 0, remediation: 1, unclassified: 0 }, total: 1, openRectifications: 1, overdueRectifications: 0 },
      { townshipId: OTHER_ESTATE.townshipId, townshipName: '望远镇', counts: { model: 0, standard: 0, remediation: 0, unclassified: 1 }, total: 1, openRectifications: 0, overdueRectifications: 0 },
    ]);
    expect((await call('street', 'classTable', { jurisdiction: 'yongning' })).rows.map((r: { townshipId: string }) => r.townshipId)).toEqual([ESTATE.townshipId]);
    expect((await app.call(ticket, 'property', 'classTable', { jurisdiction: 'yongning' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'resident', 'classTable', { jurisdiction: 'yongning' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'qitaiLeadership', 'classTable', { jurisdiction: 'yongning' })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
  });
});

describe('执法进小区 visits (000 序号4: "进驻住宅小区进行专项治理年度不低于3次")', () => {
  const patrol = (who: AnyPerson, estateId = ESTATE.id, location = HERE) => app.photo(who).then((p) => app.call(ticket, who, 'recordPatrol', { estateId, location, photos: [p], note: '专项巡查' }));

  it('a department’s on-site check-in on a ticket and a patrol without a ticket each count; an estate with 2 visits is flagged, with 3 it is not', async () => {
    await arrived();
    expect((await patrol('market')).data.visit).toMatchObject({ estateId: ESTATE.id, unitId: 'yongning.sjj', year: 2026 });
    let table = await call('leadership', 'visitTable', { jurisdiction: 'yongning', year: 2026 });
    expect(table.units).toEqual([
      { id: 'yongning.sjj', name: '县市监局' },
      { id: 'yongning.zjj', name: '县住建局' },
    ]);
    const row = (estateId: string) => table.rows.find((r: { estateId: string }) => r.estateId === estateId);
    expect(row(ESTATE.id)).toMatchObject({ estateName: '锦绣花园', byUnit: { 'yongning.sjj': 1, 'yongning.zjj': 1 }, total: 2, short: true });
    expect(row(OTHER_ESTATE.id)).toMatchObject({ total: 0, short: true });
    expect(table.flagged).toBe(2);
    await patrol('police');
    table = await call('leadership', 'visitTable', { jurisdiction: 'yongning', year: 2026 });
    expect(row(ESTATE.id)).toMatchObject({ byUnit: { 'yongning.gaj': 1 }, total: 3, short: false });
    // Another year has none of them.
    expect((await call('leadership', 'visitTable', { jurisdiction: 'yongning', year: 2025 })).rows.every((r: { total: number }) => r.total === 0)).toBe(true);
  });

  it('a patrol must be on the spot (within 200 m) with a photo of one’s own, by a department or police officer of the county', async () => {
    expect((await patrol('market', ESTATE.id, { lat: HERE.lat + 0.01, lng: HERE.lng })).error?.code).toBe('VISIT.TOO_FAR');
    expect((await app.call(ticket, 'market', 'recordPatrol', { estateId: ESTATE.id, location: HERE, photos: [] })).error?.code).toBe('INPUT.INVALID');
    expect((await app.call(ticket, 'market', 'recordPatrol', { estateId: ESTATE.id, location: HERE, photos: [await app.photo('grid')] })).error?.code).toBe('FILE.NOT_OWNED');
    for (const who of ['resident', 'grid', 'street', 'property', 'leadership'] as const) expect((await patrol(who)).error?.code).toBe('AUTH.FORBIDDEN');
    expect(await app.store.listPatrolVisits({})).toEqual([]);
  });

  it('the table is for leadership, departments and streets (their townships); not for companies or residents', async () => {
    await patrol('market');
    expect((await call('street', 'visitTable', { jurisdiction: 'yongning', year: 2026 })).rows.map((r: { estateId: string }) => r.estateId)).toEqual([ESTATE.id]);
    expect((await call('housing', 'visitTable', { jurisdiction: 'yongning', year: 2026 })).rows).toHaveLength(2);
    expect((await app.call(ticket, 'property', 'visitTable', { jurisdiction: 'yongning', year: 2026 })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'resident', 'visitTable', { jurisdiction: 'yongning', year: 2026 })).error?.code).toBe('AUTH.FORBIDDEN');
  });
});
