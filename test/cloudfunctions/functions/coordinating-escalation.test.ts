/**
 * Issue 16 §3/§6 through the real handlers: coordinating leads (永宁县人民政府 on a service-quality
 * ticket) "are informed and are the escalation target"; they never get the 报到 clock and never
 * count in 响应率. The sweep's escalation of the late handling unit 督办s the county government.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import type { MetricsRow } from '../../../shared/metrics';
import { route } from '../../../shared/routing/route';
import { ESTATE, makeApp, newKey, REPORT, type TestApp } from '../../support/app';

const GOV = 'yongning.gov';
const ZJJ = 'yongning.zjj';
const GOV_USER = 'u-gov';
const MINUTE = 60_000;

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
  await app.store.putUser({ id: GOV_USER, openid: null, name: '县人民政府·值班', phone: null, demo: false, grants: [{ role: 'department', jurisdiction: 'yongning', units: [GOV] }] });
});
afterEach(() => app.close());

async function whistled(): Promise<{ id: string; no: string }> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'service-quality', description: '小区保洁长期不到位，垃圾堆了一个星期没人管', idempotencyKey: newKey() });
  expect(res.error).toBeUndefined();
  const t = res.data.ticket as { id: string; no: string };
  for (const [action, data] of [['accept', {}], ['whistle', { units: [GOV, ZJJ] }]] as const) {
    const current = await app.store.getTicket(t.id);
    const r = await app.call(ticket, 'grid', action, { ticketId: t.id, version: current!.version, ...data });
    expect(r.error).toBeUndefined();
  }
  return t;
}

describe('the county government as coordinating lead', () => {
  it('is a coordinating lead of Yongning’s service-quality route, 住建局 the handling one', () => {
    const decision = route({ jurisdiction: 'yongning', category: 'service-quality', estate: ESTATE });
    expect(decision.lead.map((u) => [u.id, u.kind])).toEqual([
      [GOV, 'coordinating'],
      [ZJJ, 'handling'],
    ]);
  });

  it('the sweep 督办s 住建局 for its missed 报到 and escalates to the street with the county government as target', async () => {
    const t = await whistled();
    app.clock.advance(2 * 60 * MINUTE + MINUTE); // past the 2-hour 报到 deadline (normal priority)
    const first = await app.call(sweep, null, 'run', {});
    expect(first.data).toMatchObject({ marked: 1, escalated: 1 });
    expect((await app.call(sweep, null, 'run', {})).data).toMatchObject({ marked: 0, escalated: 0 });

    const events = await app.store.listEvents(t.id);
    // The 报到 mark names 住建局 only: the government owes no 报到.
    expect(events.filter((e) => e.action === 'mark-overdue').map((e) => e.payload?.units)).toEqual([[ZJJ]]);
    const escalate = events.find((e) => e.action === 'escalate');
    expect(escalate?.payload).toMatchObject({ level: 1, units: [GOV] });

    const inbox = (user: string) => app.store.listInbox(user, { limit: 20 }).then((ms) => ms.map((m) => [m.kind, m.title]));
    expect(await inbox(GOV_USER)).toContainEqual(['supervised', '督办：承办单位已超时']);
    expect(await inbox(GOV_USER)).not.toContainEqual(['supervised', '督办：已超过报到时限']);
    expect(await inbox('u-street')).toContainEqual(['escalated', '超时工单已升级至街道']);
    expect(await inbox('u-zjj')).toContainEqual(['supervised', '督办：已超过报到时限']);
  });

  it('never counts in 响应率: 住建局 is 未报到, the government has no row figure', async () => {
    const t = await whistled();
    app.clock.advance(2 * 60 * MINUTE + MINUTE);
    await app.call(sweep, null, 'run', {});
    const res = await app.call(ticket, 'leadership', 'metrics', { groupBy: 'department', rankBy: 'responseRate' });
    expect(res.error).toBeUndefined();
    const rows = res.data.rows as MetricsRow[];
    expect(rows.find((r) => r.key === ZJJ)).toMatchObject({ rates: { responseRate: 0 }, missedAck: [t.no] });
    expect(rows.find((r) => r.key === GOV)?.rates.responseRate ?? null).toBeNull();
    expect(rows.find((r) => r.key === GOV)?.counts.ackDenominator ?? 0).toBe(0);
  });

  it('a street escalation from the client cannot name units to 督办', async () => {
    const t = await whistled();
    const current = await app.store.getTicket(t.id);
    const res = await app.call(ticket, 'street', 'escalate', { ticketId: t.id, version: current!.version, reason: '群众反映强烈', units: ['yongning.sjj'] });
    expect(res.error).toBeUndefined();
    const escalate = (await app.store.listEvents(t.id)).find((e) => e.action === 'escalate');
    expect(escalate?.payload?.units).toBeUndefined();
    expect((await app.store.listInbox('u-sjj', { limit: 20 })).map((m) => m.kind)).not.toContain('supervised');
  });
});
