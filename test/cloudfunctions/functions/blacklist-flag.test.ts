/**
 * A 黑名单 company is flagged wherever staff meet it (issue 20 §4), on the SQLite and CloudBase stores:
 * 001 序号3 "对累计违反上述4条及以上内容的，纳入物业行业“黑名单”管理". With four distinct 九不准 items
 * confirmed this year, the estate's company is flagged in the "123" class view, the class table, the
 * 执法进小区 table and the staff ticket; the company's own users do not get the flag on a ticket, and
 * the public noticeboard carries none (it is built from residents' complaints, which never reach a
 * public surface; publication is the 住建 unit's act under 003/004).
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { NineItem } from '../../../shared/domain/violation';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, newKey, OTHER_ESTATE, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../support/app';

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('黑名单 flag on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make({ reportsPerHour: 1000 })) as TestApp<Store>;
    await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
    await app.store.putPropertyCompany({ id: 'pc-other', name: '望远物业服务有限公司', jurisdiction: 'yongning' });
  });
  afterEach(async () => app.close());

  async function call(who: AnyPerson, fn: typeof ticket | typeof report, action: string, data: Record<string, unknown>) {
    const res = await app.call(fn, who, action, data);
    if (!res.ok) throw new Error(`${action}: ${res.error?.code} ${res.error?.message}`);
    return res.data;
  }

  async function breaches(items: NineItem[]) {
    for (const item of items) {
      await app.store.putViolation({
        id: `v:t${item}:${item}`, companyId: 'pc-hengan', item, year: 2026, jurisdiction: 'yongning', ticketId: `t${item}`, ticketNo: `YN-2026110${item}-0001`,
        estateId: ESTATE.id, streetId: ESTATE.townshipId, category: 'illegal-fee', note: '—', confirmedAt: `2026-0${item}-10T02:00:00.000Z`, confirmedBy: { userId: PEOPLE.street.id, role: 'street' },
      });
    }
  }

  it('four distinct items: flagged in the class view, the class table, the visit table and the staff ticket; the other company is not', async () => {
    await breaches([1, 2, 3, 4]);
    const view = await call('street', ticket, 'estateClass', { estateId: ESTATE.id });
    expect(view.company).toEqual({ companyId: 'pc-hengan', name: '恒安物业服务有限公司', credit: 'blacklisted', creditLabel: '黑名单', stars: null, blacklisted: true });
    expect((await call('leadership', ticket, 'estateClass', { estateId: OTHER_ESTATE.id })).company).toMatchObject({ companyId: 'pc-other', credit: 'good', blacklisted: false });

    const classes = await call('leadership', ticket, 'classTable', { jurisdiction: 'yongning' });
    const byId = new Map((classes.estates as Array<{ id: string; companyBlacklisted: boolean }>).map((e) => [e.id, e.companyBlacklisted]));
    expect([byId.get(ESTATE.id), byId.get(OTHER_ESTATE.id)]).toEqual([true, false]);

    const visits = await call('leadership', ticket, 'visitTable', { jurisdiction: 'yongning', year: 2026 });
    const rows = new Map((visits.rows as Array<{ estateId: string; companyBlacklisted: boolean }>).map((r) => [r.estateId, r.companyBlacklisted]));
    expect([rows.get(ESTATE.id), rows.get(OTHER_ESTATE.id)]).toEqual([true, false]);

    const filed = await call('resident', report, 'submit', { ...REPORT, idempotencyKey: newKey() });
    const detail = await call('grid', ticket, 'detail', { ticketId: filed.ticket.id });
    expect(detail.propertyCompany).toMatchObject({ companyId: 'pc-hengan', blacklisted: true, creditLabel: '黑名单' });
  });

  it('three items is 星级评定不达标, not 黑名单: the flag follows the ladder', async () => {
    await breaches([1, 2, 3]);
    const view = await call('street', ticket, 'estateClass', { estateId: ESTATE.id });
    expect([view.company.credit, view.company.blacklisted]).toEqual(['substandard', false]);
  });

  it('the company’s own user gets no flag on its ticket; the public noticeboard carries none', async () => {
    await breaches([1, 2, 3, 4]);
    const filed = await call('resident', report, 'submit', { ...REPORT, idempotencyKey: newKey() });
    const own = await call('property', ticket, 'detail', { ticketId: filed.ticket.id });
    expect(own.propertyCompany).toBeNull();
    const board = await app.call(report, null, 'noticeboard', { estateId: ESTATE.id });
    expect(board.ok).toBe(true);
    expect(JSON.stringify(board.data)).not.toMatch(/黑名单|blacklist|credit/);
  });
});
