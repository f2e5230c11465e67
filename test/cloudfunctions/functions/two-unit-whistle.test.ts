/**
 * Issue 18 §1 through the real handlers: a ticket whistled to 县住建局 and 县应急管理局 where only
 * 住建局 acts. The metrics must not credit 应急管理局 with the resolution, must count it 未报到 once
 * its deadline passed and list the ticket; the sweep must mark and 督办 it on its own.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import type { MetricsRow } from '../../../shared/metrics';
import { makeApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

const ZJJ = 'yongning.zjj';
const YJGL = 'yongning.yjgl';
const MINUTE = 60 * 1000;

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(id);
  const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
  const res = await app.call(fn, who, action, { ticketId: id, version: current!.version, ...data });
  if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data.ticket;
}

/** fly-wire (urgent: 报到 within 30 minutes), whistled to both units at once. */
async function whistledToBoth(): Promise<{ id: string; no: string }> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'fly-wire', idempotencyKey: newKey() });
  expect(res.ok).toBe(true);
  const t = res.data.ticket as { id: string; no: string };
  await step('grid', 'accept', t.id);
  await step('grid', 'whistle', t.id, { units: [ZJJ, YJGL] });
  return t;
}

async function departments(rankBy: string): Promise<{ rows: MetricsRow[]; ranks: Record<string, number | null> }> {
  const res = await app.call(ticket, 'leadership', 'metrics', { groupBy: 'department', rankBy });
  expect(res.error).toBeUndefined();
  return res.data;
}

const row = (rows: MetricsRow[], key: string) => rows.find((r) => r.key === key);

describe('the two-unit whistle where one unit never reports in', () => {
  it('credits only 住建局 with the resolution; 应急管理局 is 未报到 once its deadline passed, listed, never first', async () => {
    const t = await whistledToBoth();
    app.clock.advance(5 * MINUTE);
    await step('housing', 'acknowledge', t.id, { officerName: '王强' });
    await step('housing', 'arrive', t.id, { location: REPORT.location });
    await step('housing', 'resolve', t.id, { note: '已拆除飞线，加装充电桩', photos: [await app.photo('housing')] });
    await step('resident', 'confirm', t.id);
    await step('resident', 'rate', t.id, { score: 5, fixed: true });

    // Before 应急管理局's 报到 deadline: no figure for it at all (was 100 % (1/1) and could rank first).
    for (const rankBy of ['resolutionRate', 'satisfactionRate', 'onTimeRate']) {
      const before = await departments(rankBy);
      expect(row(before.rows, YJGL)?.rates).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
      expect(row(before.rows, ZJJ)?.rates).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
      expect(before.rows.map((r) => r.key)).toEqual([ZJJ, YJGL]);
      expect(before.ranks).toEqual({ [ZJJ]: 1, [YJGL]: null });
    }

    app.clock.advance(30 * MINUTE); // past the 30-minute 报到 deadline
    const after = await departments('responseRate');
    const yjgl = row(after.rows, YJGL)!;
    expect(yjgl.rates).toEqual({ responseRate: 0, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
    expect(yjgl.counts).toMatchObject({ ackDenominator: 1, ackOnTime: 0, rated: 0, fixAnswered: 0, resolveDenominator: 0 });
    expect(yjgl.missedAck).toEqual([t.no]);
    expect(row(after.rows, ZJJ)?.missedAck).toEqual([]);
    expect(after.ranks).toEqual({ [ZJJ]: 1, [YJGL]: 2 });

    // The month's bulletin lists it on 应急管理局's row too.
    const month = `${new Date(Date.parse(app.clock.now()) + 8 * 3600 * 1000).toISOString().slice(0, 7)}`;
    const bulletin = await app.call(ticket, 'leadership', 'bulletin', { jurisdiction: 'yongning', month });
    expect(bulletin.error).toBeUndefined();
    const dept = bulletin.data.tables.departments.find((d: { key: string }) => d.key === YJGL);
    expect(dept.metrics.missedAck).toEqual([t.no]);
    expect(dept.metrics.rates.satisfactionRate).toBeNull();
  });

  it('the sweep marks and 督办s the unit that missed its 报到 on its own, although the other unit reported in', async () => {
    const t = await whistledToBoth();
    app.clock.advance(10 * MINUTE);
    await step('housing', 'acknowledge', t.id, { officerName: '王强' });
    // 住建局's 报到 no longer meets the ticket's 报到 deadline: 应急管理局 still owes it.
    expect((await app.store.getTicket(t.id))!.deadlines.find((d) => d.step === 'ack')?.metAt).toBeUndefined();

    app.clock.advance(21 * MINUTE); // 31 minutes after the whistle
    const first = await app.call(sweep, null, 'run', {});
    const second = await app.call(sweep, null, 'run', {});
    expect(first.data).toMatchObject({ marked: 1, escalated: 1 });
    expect(second.data).toMatchObject({ marked: 0, escalated: 0 });

    const events = await app.store.listEvents(t.id);
    const marks = events.filter((e) => e.action === 'mark-overdue');
    expect(marks.map((e) => e.payload)).toEqual([{ step: 'ack', units: [YJGL] }]);
    // The 督办 reaches 应急管理局 only.
    expect((await app.store.listInbox('u-yjgl', { limit: 20 })).map((m) => [m.kind, m.title])).toContainEqual(['supervised', '督办：已超过报到时限']);
    expect((await app.store.listInbox('u-zjj', { limit: 20 })).map((m) => m.kind)).not.toContain('supervised');
    expect((await app.store.getTicket(t.id))!.deadlines.find((d) => d.step === 'ack')?.overdueAt).toBeDefined();

    // A late 报到 of 应急管理局 then meets the ticket's 报到 deadline (late).
    await step('emergency', 'acknowledge', t.id, { officerName: '赵敏' });
    expect((await app.store.getTicket(t.id))!.deadlines.find((d) => d.step === 'ack')?.metAt).toBeDefined();
  });

  it('marks each of two units that both missed their 报到, one event each', async () => {
    const t = await whistledToBoth();
    app.clock.advance(31 * MINUTE);
    expect((await app.call(sweep, null, 'run', {})).data).toMatchObject({ marked: 2 });
    const marks = (await app.store.listEvents(t.id)).filter((e) => e.action === 'mark-overdue');
    expect(marks.map((e) => e.payload?.units)).toEqual([[ZJJ], [YJGL]]);
    for (const user of ['u-zjj', 'u-yjgl']) expect((await app.store.listInbox(user, { limit: 20 })).map((m) => m.kind)).toContain('supervised');
  });
});
