/**
 * One notify timer run drains page after page (usecases/notify.ts flushOutbox with a time budget),
 * on the CloudBase adapters against the loopback server (real @cloudbase/node-sdk and wx-server-sdk;
 * only the platform's HTTP edge is faked).
 *
 * Before: a run copied the hand-over messages of at most 100 tickets (outbox-store.ts, REPAIR_BATCH)
 * and sent at most one page of 100 messages, so a backlog of 150 tickets took two runs (two
 * minutes of the timer) at least. Now one run takes all of it, unless its budget ends first; then
 * it stops between two messages and the next run goes on, with nothing sent twice.
 */
import { cloudbaseDeps } from '../../../../cloudfunctions/_adapters/cloudbase/main';
import { REPAIR_BATCH } from '../../../../cloudfunctions/_adapters/cloudbase/outbox-store';
import type { AppDeps } from '../../../../cloudfunctions/_app/context';
import { NOTIFY_RUN_BUDGET_MS, notify } from '../../../../cloudfunctions/_app/functions/timers';
import { flushOutbox } from '../../../../cloudfunctions/_app/usecases/notify';
import type { User } from '../../../../shared/domain/directory';
import type { OutboxMessage } from '../../../../shared/domain/outbox';
import { CloudbaseLoopback } from '../../../support/cloudbase-loopback';
import notifyConfig from '../../../../cloudfunctions/notify/config.json';

const TICKETS = 150;
const NOW = '2026-12-05T12:00:00.000Z';
let loopback: CloudbaseLoopback;
let base: AppDeps;

function message(ticketId: string, i: number): OutboxMessage {
  const no = `YN-20261205-${String(i + 1).padStart(4, '0')}`;
  return {
    id: `ob-${ticketId}`,
    recipientUserId: 'u-grid',
    ticketId,
    kind: 'submitted',
    title: '新工单待受理',
    body: `${no} 飞线充电`,
    data: { thing1: '新工单待受理', character_string2: no, thing3: `${no} 飞线充电` },
    createdAt: '2026-12-05T08:00:00.000Z',
    sentAt: null,
    readAt: null,
    attempts: 0,
    lastError: null,
  };
}

/**
 * Tickets whose transition wrote its messages into the ticket document (outboxPending) and died
 * before copying them to the outbox: what the repair is for (ticket-store.ts commitTransition).
 */
function seedLeftOvers(): void {
  loopback.seed(
    'tickets',
    Array.from({ length: TICKETS }, (_, i) => {
      const id = `t-${String(i).padStart(4, '0')}`;
      const m = message(id, i);
      return { _id: id, id, no: m.data.character_string2, version: 2, jurisdiction: 'yongning', outboxPending: [{ _id: m.id, ...m }], outboxPendingAt: '2026-12-05T08:00:00.000Z' };
    }),
  );
}

const leftOver = () => loopback.docs('tickets').filter((d) => Array.isArray(d.outboxPending)).length;
const sentIds = () => loopback.docs('outbox').filter((d) => d.sentAt !== null && d.sentAt !== undefined).map((d) => String(d._id));

beforeEach(async () => {
  loopback = await CloudbaseLoopback.start();
  base = cloudbaseDeps(loopback.sdkOptions());
  base = { ...base, clock: { now: () => NOW }, config: { ...base.config, templates: { staffTodo: 'tmpl-staff-todo' } } };
  await base.store.putUser({ id: 'u-grid', openid: 'o-grid', name: '网格员', phone: null, grants: [], demo: false } as User);
  loopback.answerWx('subscribeMessage.send', () => ({ errcode: 0, errmsg: 'ok', msgid: 1 }));
  seedLeftOvers();
});

afterEach(async () => {
  await loopback.close();
});

describe('the notify timer on CloudBase drains its backlog in one run', () => {
  it('without a budget a run still copies one page of 100 tickets (the old bound)', async () => {
    expect(REPAIR_BATCH).toBe(100);
    expect(await flushOutbox(base)).toEqual({ sent: 100, failed: 0, dead: 0 });
    expect(leftOver()).toBe(TICKETS - 100);
  });

  it('with a budget one run copies the messages of all 150 tickets and sends them, each once', async () => {
    const run = await flushOutbox(base, { budgetMs: 30_000 });
    expect(run).toEqual({ sent: TICKETS, failed: 0, dead: 0, pages: 2, repaired: TICKETS, stopped: false });
    expect(leftOver()).toBe(0);
    expect(sentIds()).toHaveLength(TICKETS);
    expect(loopback.wxCalls.filter((c) => c.apiName === 'subscribeMessage.send')).toHaveLength(TICKETS);
    // Nothing left for the next run.
    expect(await flushOutbox(base, { budgetMs: 30_000 })).toEqual({ sent: 0, failed: 0, dead: 0, pages: 0, repaired: 0, stopped: false });
  });

  it('a budget that runs out stops the run between two messages; the next run finishes, nothing is sent twice', async () => {
    // The run's clock moves 1 s on every reading (a slow platform), so a 60 s budget ends mid-way.
    let t = Date.parse(NOW);
    const slow: AppDeps = { ...base, clock: { now: () => new Date((t += 1000)).toISOString() } };
    const first = await flushOutbox(slow, { budgetMs: 60_000 });
    expect(first.stopped).toBe(true);
    expect(first.sent).toBeGreaterThan(0);
    expect(first.sent).toBeLessThan(TICKETS);
    // Every message is either sent and marked or untouched: none half-done.
    const outbox = loopback.docs('outbox');
    expect(outbox.filter((d) => d.sentAt)).toHaveLength(first.sent);
    expect(outbox.filter((d) => !d.sentAt).every((d) => d.attempts === 0 && d.lastError === null)).toBe(true);

    const second = await flushOutbox(base, { budgetMs: 30_000 });
    expect(second.stopped).toBe(false);
    expect(first.sent + second.sent).toBe(TICKETS);
    expect(leftOver()).toBe(0);
    const sends = loopback.wxCalls.filter((c) => c.apiName === 'subscribeMessage.send');
    expect(sends).toHaveLength(TICKETS);
  });

  it('the timer event (no action) runs with the budget the handler edge sets, safely under the function’s timeout', async () => {
    // cloudfunctions/notify/config.json: a run must end before its timeout, one message's requests after the last check included.
    expect(NOTIFY_RUN_BUDGET_MS).toBeLessThanOrEqual(notifyConfig.timeout * 1000 * 0.6);
    const { envelope } = await notify(base, { identity: null }, { action: 'flush', data: { budgetMs: NOTIFY_RUN_BUDGET_MS } });
    expect(envelope).toEqual({ ok: true, data: { sent: TICKETS, failed: 0, dead: 0, pages: 2, repaired: TICKETS, stopped: false } });
  });

  it('refuses a budget over the function’s timeout, and a signed-in caller', async () => {
    const tooLong = await notify(base, { identity: null }, { action: 'flush', data: { budgetMs: notifyConfig.timeout * 1000 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.envelope).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    const user = await notify(base, { identity: { userId: 'u-grid', grants: [] } }, { action: 'flush', data: {} });
    expect(user.status).toBe(403);
    expect(leftOver()).toBe(TICKETS);
  });
});
