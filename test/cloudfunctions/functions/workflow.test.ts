import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import { makeApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());


async function submitted(category = 'fly-wire') {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
  expect(res.ok).toBe(true);
  return res.data.ticket as { id: string; version: number };
}

/** Runs a staff action against the ticket's current version and expects success. */
async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(id);
  const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
  const res = await app.call(fn, who, action, { ticketId: id, version: current!.version, ...data });
  if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data.ticket;
}

describe('吹哨报到: the full chain through the functions', () => {
  it('resident → grid whistles → units report in, arrive, resolve → grid verifies → resident confirms and rates', async () => {
    const t = await submitted();
    await step('grid', 'accept', t.id);
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj', 'yongning.yjgl'] });
    await step('housing', 'acknowledge', t.id, { officerName: '王强' });
    await step('emergency', 'acknowledge', t.id, { officerName: '赵敏' });
    await step('housing', 'arrive', t.id, { location: REPORT.location });
    await step('housing', 'resolve', t.id, { note: '已拆除飞线，加装充电桩', photos: [await app.photo('housing')] });
    await step('grid', 'verify', t.id);
    await step('resident', 'confirm', t.id);
    const rated = await step('resident', 'rate', t.id, { score: 5, fixed: true, comment: '处理很快' });
    expect(rated.state).toBe('closed');
    expect(rated.rating).toMatchObject({ score: 5, fixed: true });
    const events = await app.store.listEvents(t.id);
    expect(events.map((e) => e.action)).toEqual(['submit', 'accept', 'whistle', 'acknowledge', 'acknowledge', 'arrive', 'resolve', 'verify', 'confirm', 'rate']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const final = await app.store.getTicket(t.id);
    expect(final!.deadlines.filter((d) => d.step !== 'triage').every((d) => d.metAt !== undefined)).toBe(true);
    // Each hand-over reached the people who act next.
    const unitInbox = await app.store.listInbox('u-zjj', { limit: 20 });
    expect(unitInbox.map((m) => m.kind)).toContain('whistled');
    const gridInbox = await app.store.listInbox('u-grid', { limit: 20 });
    expect(gridInbox.map((m) => m.kind)).toEqual(expect.arrayContaining(['submitted', 'resolved']));
  });

  it('a unit returns the ticket (退单) → the street re-routes it with a reason', async () => {
    const t = await submitted('noise');
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj'], reason: '先请住建局核实' });
    await step('housing', 'return', t.id, { reasonCode: 'not-our-duty', reason: '噪声污染应由生态环境部门处理' });
    const streetQueue = await app.call(ticket, 'street', 'queue', { view: 'street-returned' });
    expect(streetQueue.data.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    const rerouted = await step('street', 'reroute', t.id, { units: ['yongning.zhzf'], reason: '改派综合执法局' });
    expect(rerouted.state).toBe('whistled');
    expect(rerouted.assignedUnits).toEqual(['yongning.zhzf']);
  });

  it('an extension approved by the street moves the resolve deadline', async () => {
    const t = await submitted('garbage');
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj'], reason: '由住建局牵头处理' });
    await step('housing', 'acknowledge', t.id, { officerName: '王强' });
    const before = (await app.store.getTicket(t.id))!.deadlines.find((d) => d.step === 'resolve' && !d.metAt)!.due;
    await step('housing', 'requestExtension', t.id, { until: '2026-12-07T10:00:00+08:00', reason: '需协调转运车辆' });
    await step('street', 'approveExtension', t.id);
    const after = (await app.store.getTicket(t.id))!.deadlines.find((d) => d.step === 'resolve' && !d.metAt)!.due;
    expect(before).toBe('2026-11-30T02:00:00.000Z'); // 5 working days after Mon 10:00
    expect(after).toBe('2026-12-07T02:00:00.000Z');
  });

  it('refuses an extension beyond 15 working days with the SLA code', async () => {
    const t = await submitted('garbage');
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj'], reason: '由住建局牵头处理' });
    await step('housing', 'acknowledge', t.id, { officerName: '王强' });
    const cur = await app.store.getTicket(t.id);
    const res = await app.call(ticket, 'housing', 'requestExtension', { ticketId: t.id, version: cur!.version, until: '2027-03-01T10:00:00+08:00', reason: '太久了' });
    expect(res.error?.code).toBe('SLA.EXTENSION_TOO_LONG');
  });
});

describe('the overdue sweep', () => {
  it('marks the missed 报到 overdue and escalates once, however often it runs; the street sees it', async () => {
    const t = await submitted();
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj', 'yongning.yjgl'] });
    app.clock.advance(31 * 60 * 1000); // urgent 报到: 30 minutes
    const first = await app.call(sweep, null, 'run', {});
    const second = await app.call(sweep, null, 'run', {});
    // Each whistled unit that missed its 报到 is marked (and 督办'd) on its own (issue 18).
    expect(first.data).toMatchObject({ marked: 2, escalated: 1 });
    expect(second.data).toMatchObject({ marked: 0, escalated: 0 });
    const events = (await app.store.listEvents(t.id)).map((e) => e.action);
    expect(events.filter((a) => a === 'escalate')).toHaveLength(1);
    expect(events.filter((a) => a === 'mark-overdue')).toHaveLength(2);
    const overdue = await app.call(ticket, 'street', 'queue', { view: 'street-overdue' });
    expect(overdue.data.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    expect((await app.store.listInbox('u-street', { limit: 10 })).map((m) => m.kind)).toContain('escalated');
  });

  it('escalates to the leadership office when the step stays overdue past the further span', async () => {
    const t = await submitted();
    await step('grid', 'whistle', t.id, { units: ['yongning.zjj'], reason: '住建局牵头' });
    app.clock.advance(31 * 60 * 1000);
    await app.call(sweep, null, 'run', {});
    app.clock.advance(2 * 60 * 60 * 1000);
    const res = await app.call(sweep, null, 'run', {});
    expect(res.data.escalated).toBe(1);
    expect((await app.store.getTicket(t.id))!.escalation).toBe(2);
    expect((await app.store.listInbox('u-lead', { limit: 10 })).map((m) => m.kind)).toContain('escalated');
  });

  it('closes a resolved ticket whose resident did not answer within 7 days', async () => {
    const t = await submitted('dog');
    await step('grid', 'accept', t.id);
    await step('grid', 'settle', t.id, { note: '已劝导犬主拴绳', photos: [await app.photo('grid')], location: REPORT.location });
    app.clock.advance(7 * 24 * 60 * 60 * 1000 + 60_000);
    const res = await app.call(sweep, null, 'run', {});
    expect(res.data.closed).toBe(1);
    expect((await app.store.getTicket(t.id))!.state).toBe('closed');
  });

  it('refuses a sweep started by a user', async () => {
    expect((await app.call(sweep, 'admin', 'run', {})).error?.code).toBe('AUTH.FORBIDDEN');
  });
});

describe('optimistic concurrency', () => {
  it('two officers acting at once on the same version: one wins, the other gets a conflict, nothing lost', async () => {
    const t = await submitted();
    const v = (await app.store.getTicket(t.id))!.version;
    const [a, b] = await Promise.all([
      app.call(ticket, 'grid', 'accept', { ticketId: t.id, version: v }),
      app.call(ticket, 'street', 'reject', { ticketId: t.id, version: v, reason: '重复举报' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)!.error!.code).toBe('TICKET.VERSION_CONFLICT');
    const events = await app.store.listEvents(t.id);
    expect(events).toHaveLength(2);
    expect((await app.store.getTicket(t.id))!.version).toBe(v + 1);
  });

  it('a stale version is refused with a conflict', async () => {
    const t = await submitted();
    await step('grid', 'accept', t.id);
    const res = await app.call(ticket, 'grid', 'whistle', { ticketId: t.id, version: 1, units: ['yongning.zjj'], reason: 'x 原因' });
    expect(res.error?.code).toBe('TICKET.VERSION_CONFLICT');
  });
});
