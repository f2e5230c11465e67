/**
 * Whistle, re-route and hand-over accept only units of the ticket's jurisdiction chain (issue 14):
 * a Qitai unit on a Yongning ticket was accepted, then its officer was notified but refused (403),
 * and the ticket was stuck. The city's units (Yinchuan, the parent list) stay allowed.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { makeApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

async function submitted(category = 'fly-wire') {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
  return res.data.ticket as { id: string; version: number };
}

async function step(who: Person, action: string, t: { id: string }, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(t.id);
  return app.call(ticket, who, action, { ticketId: t.id, version: current?.version, ...data });
}

it('refuses a whistle to another jurisdiction’s unit, and leaves the ticket as it was', async () => {
  const t = await submitted();
  const before = await app.store.getTicket(t.id);
  const res = await step('grid', 'whistle', t, { units: ['yongning.zjj', 'qitai.zjj'] });
  expect(res.error?.code).toBe('INPUT.INVALID');
  expect(res.error?.message).toContain('qitai.zjj');
  expect(await app.store.getTicket(t.id)).toEqual(before);
});

it('accepts a whistle to a unit of the parent (city) list', async () => {
  const t = await submitted();
  const res = await step('grid', 'whistle', t, { units: ['yinchuan.zjj'], reason: '涉及市级职责' });
  expect(res.error).toBeUndefined();
});

it('refuses a re-route to another jurisdiction’s unit', async () => {
  const t = await submitted();
  expect((await step('grid', 'whistle', t, { units: ['yongning.zjj'], reason: '仅住建局' })).error).toBeUndefined();
  expect((await step('housing', 'return', t, { reasonCode: 'not-our-duty', reason: '非本单位职责' })).error).toBeUndefined();
  const res = await step('street', 'reroute', t, { units: ['wuzhong.zjj'], reason: '改派' });
  expect(res.error?.code).toBe('INPUT.INVALID');
  expect((await step('street', 'reroute', t, { units: ['yongning.zhzf'], reason: '改派' })).error).toBeUndefined();
});

it('refuses a police hand-over to another jurisdiction’s unit', async () => {
  const t = await submitted('dispute');
  await step('police', 'claim', t, { officerName: '周警官' });
  const res = await step('police', 'handover', t, { units: ['qitai.zjj'], reason: '涉及物业管理' });
  expect(res.error?.code).toBe('INPUT.INVALID');
  expect((await step('police', 'handover', t, { units: ['yongning.zjj'], reason: '涉及物业管理' })).ok).toBe(true);
});
