/**
 * admin.putWorkCalendar through the real handlers (issue 16 §6): an admin enters the regional
 * government's notice for a year; it is kept in the jurisdiction's SLA policy, replaces the shipped
 * estimate of that year, and the deadlines of tickets whistled afterwards count with it. Refused
 * input is a 4xx with a stable code and changes nothing.
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
  app.clock.set('2026-05-26T02:00:00.000Z'); // Tue 2026-05-26 10:00 in Yongning
});
afterEach(() => app.close());

const NOTICE = { jurisdiction: 'yongning', year: 2026, daysOff: ['2026-05-29', '2026-05-27', '2026-05-28'], workdays: [], source: '自治区人民政府办公厅关于2026年部分节假日安排的通知（测试用）' };

/** A normal ticket (parking: 5 working days to resolve), whistled now to 住建局; its resolve due. */
async function resolveDueOfNewTicket(): Promise<string | undefined> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'parking', description: '消防通道旁边长期停着一辆废旧面包车', idempotencyKey: newKey() });
  expect(res.error).toBeUndefined();
  const id = res.data.ticket.id as string;
  for (const [action, data] of [['accept', {}], ['whistle', { units: ['yongning.zjj'], reason: '测试派单' }]] as const) {
    const current = await app.store.getTicket(id);
    const r = await app.call(ticket, 'grid', action, { ticketId: id, version: current!.version, ...data });
    expect(r.error).toBeUndefined();
  }
  return (await app.store.getTicket(id))?.deadlines.find((d) => d.step === 'resolve')?.due;
}

describe('admin.putWorkCalendar', () => {
  it('before any notice, Yongning counts with the shipped estimate: 古尔邦节 5-27, 5-28 off → due Thu 6-4 10:00', async () => {
    expect(await resolveDueOfNewTicket()).toBe('2026-06-04T02:00:00.000Z');
  });

  it('stores the notice’s year in the SLA policy and later whistles count with it: 5-27…5-29 off → due Fri 6-5 10:00', async () => {
    const res = await app.call(admin, 'admin', 'putWorkCalendar', NOTICE);
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({ ...NOTICE, daysOff: ['2026-05-27', '2026-05-28', '2026-05-29'] });
    const stored = (await app.store.getSlaPolicy('yongning')) as { calendars: Record<string, unknown> };
    expect(stored.calendars['2026']).toEqual({ daysOff: ['2026-05-27', '2026-05-28', '2026-05-29'], workdays: [], source: NOTICE.source });
    expect(await resolveDueOfNewTicket()).toBe('2026-06-05T02:00:00.000Z');
  });

  it('a make-up working day of the notice counts: 5-27…5-29 off, Sat 5-30 at work → due Thu 6-4 10:00', async () => {
    // Sat 5-30 (1), Mon 6-1 (2), Tue 6-2 (3), Wed 6-3 (4), Thu 6-4 (5).
    expect((await app.call(admin, 'admin', 'putWorkCalendar', { ...NOTICE, workdays: ['2026-05-30'] })).error).toBeUndefined();
    expect(await resolveDueOfNewTicket()).toBe('2026-06-04T02:00:00.000Z');
  });

  it('workCalendar answers what deadlines count with: the shipped estimate with its source, then the notice', async () => {
    const seeded = await app.call(admin, 'admin', 'workCalendar', { jurisdiction: 'yongning', year: 2026 });
    expect(seeded.data).toMatchObject({ from: 'seed', estimate: true, daysOff: ['2026-03-19', '2026-03-20', '2026-05-27', '2026-05-28'] });
    expect(seeded.data.source).toMatch(/^估算/);
    await app.call(admin, 'admin', 'putWorkCalendar', NOTICE);
    expect((await app.call(admin, 'admin', 'workCalendar', { jurisdiction: 'yongning', year: 2026 })).data).toEqual({
      jurisdiction: 'yongning',
      year: 2026,
      from: 'notice',
      daysOff: ['2026-05-27', '2026-05-28', '2026-05-29'],
      workdays: [],
      source: NOTICE.source,
    });
    expect((await app.call(admin, 'admin', 'workCalendar', { jurisdiction: 'yongning', year: 2030 })).data).toMatchObject({ from: 'none', daysOff: [] });
    expect((await app.call(admin, 'admin', 'workCalendar', { jurisdiction: 'qitai', year: 2026 })).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('a later putSlaPolicy keeps the calendar', async () => {
    await app.call(admin, 'admin', 'putWorkCalendar', NOTICE);
    expect((await app.call(admin, 'admin', 'putSlaPolicy', { jurisdiction: 'yongning', policy: { confirmWindow: { unit: 'days', amount: 5 } } })).error).toBeUndefined();
    expect(await app.store.getSlaPolicy('yongning')).toMatchObject({ confirmWindow: { unit: 'days', amount: 5 }, calendars: { 2026: { source: NOTICE.source } } });
  });

  it.each([
    ['a date of another year', 'CALENDAR.DATE_OUTSIDE_YEAR', { daysOff: ['2027-05-17'] }],
    ['a date twice', 'CALENDAR.DUPLICATE_DATE', { daysOff: ['2026-05-27', '2026-05-27'] }],
    ['a day both off and at work', 'CALENDAR.OFF_AND_WORK', { daysOff: ['2026-05-27'], workdays: ['2026-05-27'] }],
    ['no source', 'INPUT.INVALID', { source: ' ' }],
    ['a date that does not exist', 'INPUT.INVALID', { daysOff: ['2026-02-30'] }],
    ['a year out of range', 'INPUT.INVALID', { year: 1999, daysOff: ['1999-01-04'] }],
  ])('refuses %s with %s and changes nothing', async (_what, code, over) => {
    const before = await app.store.getSlaPolicy('yongning');
    const res = await app.call(admin, 'admin', 'putWorkCalendar', { ...NOTICE, ...over });
    expect(res.error?.code).toBe(code);
    expect(await app.store.getSlaPolicy('yongning')).toEqual(before);
  });

  it('refuses another jurisdiction’s calendar (Yongning’s admin for Qitai) and anyone but an admin', async () => {
    expect((await app.call(admin, 'admin', 'putWorkCalendar', { ...NOTICE, jurisdiction: 'qitai' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(admin, 'street', 'putWorkCalendar', NOTICE)).error?.code).toBe('AUTH.FORBIDDEN');
    expect(await app.store.getSlaPolicy('qitai')).toBeNull();
    expect(await app.store.getSlaPolicy('yongning')).toBeNull();
  });
});
