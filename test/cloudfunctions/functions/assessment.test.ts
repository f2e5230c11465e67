/**
 * The company 考核 table through ticket.assessment (issue 20 §4), on the SQLite and CloudBase stores:
 * the score on a hand-computed example, the drop when the sweep marks a 整改通知 overdue, the 黑名单
 * flag, and who may read the table (never a property company).
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { NineItem } from '../../../shared/domain/violation';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, newKey, NOW, OTHER_ESTATE, PEOPLE, REPORT, type AnyPerson, type Person, type TestApp } from '../../support/app';

const MONTH = { jurisdiction: 'yongning', month: '2026-11' };
type Row = { companyId: string; score: number; grade: string; blacklisted: boolean; per1000: number; breaches: number; notices: { onTime: number; overdue: number; pending: number }; terms: Array<{ term: string; points: number }>; standing: { credit: string; stars: number | null; ratedStars: number | null }; history: unknown[] };

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('company assessment on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make({ reportsPerHour: 1000 })) as TestApp<Store>;
    await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
    await app.store.putPropertyCompany({ id: 'pc-other', name: '望远物业服务有限公司', jurisdiction: 'yongning' });
    await app.store.putEstate({ ...ESTATE, households: 500 });
  });
  afterEach(async () => app.close());

  const table = async (who: AnyPerson, extra: Record<string, unknown> = {}) => app.call(ticket, who, 'assessment', { ...MONTH, ...extra });
  const rowOf = async (companyId: string, who: AnyPerson = 'leadership') => ((await table(who)).data.rows as Row[]).find((r) => r.companyId === companyId) as Row;

  it('hand-computed: a 乱收费 complaint, a confirmed 九不准 breach, a notice within its deadline; the sweep marks it overdue and the score drops', async () => {
    const filed = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自上调停车费，每月多收50元', idempotencyKey: newKey() });
    expect(filed.ok).toBe(true);
    expect((await app.call(ticket, 'street', 'confirmViolation', { ticketId: filed.data.ticket.id, item: 7, note: '停车费上调未经备案' })).ok).toBe(true);
    const issued = await app.call(ticket, 'housing', 'issueRectification', { estateId: ESTATE.id, problem: '停车费违规上调', basis: '001 序号3 九不准 七是', deadline: '2026-11-30T18:00:00+08:00' });
    expect(issued.ok).toBe(true);

    // violations 30 × (1 − 1/3) = 20; the notice is not yet due: 20; no ratings: 30;
    // 1 complaint in 500 households = 2 per 1,000: 20 × (1 − 2/10) = 16. Total 86 → 良好.
    let row = await rowOf('pc-hengan');
    expect([row.breaches, row.per1000, row.notices]).toEqual([1, 2, { onTime: 0, overdue: 0, pending: 1 }]);
    expect(row.terms.map((t) => t.points)).toEqual([20, 20, 30, 16]);
    expect([row.score, row.grade]).toEqual([86, '良好']);
    expect(row.standing.credit).toBe('deducted');
    expect(row.history).toHaveLength(1);

    app.clock.set('2026-11-30T10:00:01.000Z');
    expect((await app.call(sweep, null, 'run', {})).data.rectificationsOverdue).toBe(1);
    row = await rowOf('pc-hengan');
    // The rectification term falls to 0: 20 + 0 + 30 + 16 = 66 → 合格.
    expect(row.notices).toEqual({ onTime: 0, overdue: 1, pending: 0 });
    expect([row.score, row.grade]).toEqual([66, '合格']);
  });

  it('the 星级化评定 the admin entered, lowered by the ladder: 4 stars, one star less (降星) at 2 items; each change stored with who, when and why', async () => {
    expect((await app.call(admin, 'admin', 'putPropertyCompany', { id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning', ratedStars: 4 })).ok).toBe(true);
    expect((await rowOf('pc-hengan')).standing).toMatchObject({ ratedStars: 4, stars: 4, credit: 'good' });
    const filed = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自上调停车费并以停水催缴', idempotencyKey: newKey() });
    const confirm = (item: NineItem) => app.call(ticket, 'street', 'confirmViolation', { ticketId: filed.data.ticket.id, item, note: '经核实属实' });
    expect((await confirm(7)).ok).toBe(true);
    app.clock.set('2026-11-24T03:00:00.000Z');
    expect((await confirm(7)).error?.code).toBe('LEDGER.ALREADY_CONFIRMED');
    expect((await confirm(9)).ok).toBe(true);
    const row = await rowOf('pc-hengan');
    expect(row.standing).toMatchObject({ ratedStars: 4, stars: 3, credit: 'downgraded' });
    // Stored, not replayed: the admin's rating (source 'admin'), then one record per move of the ladder, each naming its breach and confirming officer.
    const stored = await app.store.listStandingRecords({ companyIds: ['pc-hengan'], year: 2026 });
    expect(stored.map((r) => [r.at, r.cause.kind === 'violation' ? r.cause.item : r.cause.kind, r.before.credit, r.after.credit, r.after.stars, r.by.userId])).toEqual([
      [NOW, 'admin', 'good', 'good', 4, PEOPLE.admin.id],
      [NOW, 7, 'good', 'deducted', 4, PEOPLE.street.id],
      ['2026-11-24T03:00:00.000Z', 9, 'deducted', 'downgraded', 3, PEOPLE.street.id],
    ]);
    expect(row.history).toEqual([
      { at: NOW, source: 'admin', item: null, ticketNo: null, rated: { before: null, after: 4 }, credit: 'good', creditLabel: '正常', level: 0, stars: 4, before: { credit: 'good', creditLabel: '正常', level: 0, stars: null }, by: { role: 'admin', unitName: null, name: PEOPLE.admin.name } },
      { at: NOW, source: 'violation', item: 7, ticketNo: filed.data.ticket.no, credit: 'deducted', creditLabel: '扣减信用分', level: 1, stars: 4, before: { credit: 'good', creditLabel: '正常', level: 0, stars: 4 }, by: { role: 'street', unitName: '团结西路街道办事处', name: PEOPLE.street.name } },
      { at: '2026-11-24T03:00:00.000Z', source: 'violation', item: 9, ticketNo: filed.data.ticket.no, credit: 'downgraded', creditLabel: '降星', level: 2, stars: 3, before: { credit: 'deducted', creditLabel: '扣减信用分', level: 1, stars: 4 }, by: { role: 'street', unitName: '团结西路街道办事处', name: PEOPLE.street.name } },
    ]);
    // The table names no user id of the confirming officer.
    expect(JSON.stringify(row.history)).not.toContain(PEOPLE.street.id);
    expect(JSON.stringify(row.history)).not.toContain(PEOPLE.admin.id);
    expect((await app.call(admin, 'admin', 'putPropertyCompany', { id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning', ratedStars: 6 })).error?.code).toBe('INPUT.INVALID');
  });

  it('a company with 4 distinct items confirmed this year is flagged 黑名单 in the table', async () => {
    for (const item of [1, 2, 3, 4] as NineItem[]) {
      await app.store.putViolation({
        id: `v:t${item}:${item}`, companyId: 'pc-hengan', item, year: 2026, jurisdiction: 'yongning', ticketId: `t${item}`, ticketNo: `YN-2026110${item}-0001`,
        estateId: ESTATE.id, streetId: ESTATE.townshipId, category: 'illegal-fee', note: '—', confirmedAt: `2026-0${item}-10T02:00:00.000Z`, confirmedBy: { userId: PEOPLE.street.id, role: 'street' },
      });
    }
    const row = await rowOf('pc-hengan');
    expect([row.blacklisted, row.standing.credit]).toEqual([true, 'blacklisted']);
    // None confirmed in November: the month's violations term is whole.
    expect(row.breaches).toBe(0);
    expect(NOW.slice(0, 7)).toBe('2026-11');
  });

  it('the county’s view has every company; a street officer gets its township’s; a property company, a resident, a grid worker and the 12345 desk none', async () => {
    expect(((await table('leadership')).data.rows as Row[]).map((r) => r.companyId).sort()).toEqual(['pc-hengan', 'pc-other']);
    expect(((await table('housing')).data.rows as Row[]).length).toBe(2);
    const street = await table('street');
    expect(street.data.view).toBe('township');
    expect((street.data.rows as Row[]).map((r) => r.companyId)).toEqual(['pc-hengan']);
    expect((await table('otherStreet', { townshipId: ESTATE.townshipId })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect(((await table('otherStreet')).data.rows as Row[]).map((r) => r.companyId)).toEqual([OTHER_ESTATE.propertyCompanyId]);
    for (const who of ['property', 'resident', 'grid', 'emergency', 'police'] as Person[]) expect((await table(who)).error?.code).toBe('AUTH.FORBIDDEN');
    const hotline = await ticket(app.deps, { identity: { userId: 'u-12345', grants: [{ role: 'hotline', jurisdiction: 'yongning' }] } }, { action: 'assessment', data: MONTH });
    expect((hotline.envelope as { error?: { code: string } }).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await table('leadership', { month: '2026-13' })).error?.code).toBe('INPUT.INVALID');
  });

  it('the county’s quarter (003 "每季度做好考核工作的监督和复核"): the months begun so far by the same weights; a street gets its township’s; a company none', async () => {
    const filed = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自上调停车费，每月多收50元', idempotencyKey: newKey() });
    expect((await app.call(ticket, 'street', 'confirmViolation', { ticketId: filed.data.ticket.id, item: 7, note: '停车费上调未经备案' })).ok).toBe(true);
    const quarter = async (who: AnyPerson, extra: Record<string, unknown> = {}) => app.call(ticket, who, 'assessmentQuarter', { jurisdiction: 'yongning', quarter: '2026-Q4', ...extra });
    const res = await quarter('leadership');
    expect(res.data.months).toEqual(['2026-10', '2026-11']);
    const row = (res.data.rows as Array<Row & { monthly: Array<{ month: string; score: number }> }>).find((r) => r.companyId === 'pc-hengan')!;
    // October clean: 100. November as hand-computed above with no notice: 20 + 20 + 30 + 16 = 86. Quarter: violations
    // 30 × (1 + 2/3)/2 = 25, complaints 20 × (1 + 0.8)/2 = 18: 25 + 20 + 30 + 18 = 93 = (100 + 86) / 2.
    expect(row.monthly.map((m) => [m.month, m.score])).toEqual([['2026-10', 100], ['2026-11', 86]]);
    expect(row.terms.map((t) => t.points)).toEqual([25, 20, 30, 18]);
    expect([row.score, row.grade, row.breaches]).toEqual([93, '优秀', 1]);
    expect(row.standing.credit).toBe('deducted');
    expect(res.data.view).toBe('county');

    const street = await quarter('street');
    expect([street.data.view, (street.data.rows as Row[]).map((r) => r.companyId)]).toEqual(['township', ['pc-hengan']]);
    for (const who of ['property', 'resident', 'grid'] as Person[]) expect((await quarter(who)).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await quarter('leadership', { quarter: '2027-Q1' })).error?.code).toBe('ASSESSMENT.NOT_STARTED');
    expect((await quarter('leadership', { quarter: '2026-Q5' })).error?.code).toBe('INPUT.INVALID');
  });

  it('shows the definitions with the table', async () => {
    const res = await table('leadership');
    expect(res.data.definitions.map((d: { label: string; weight: number }) => [d.label, d.weight])).toEqual([
      ['“九不准”违规', 30],
      ['限期整改', 20],
      ['居民满意度', 30],
      ['投诉量（每千户）', 20],
    ]);
    expect(res.data.note).toMatch(/^总分100分/);
  });
});
