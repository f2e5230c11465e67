/**
 * The notify timer (flushOutbox) on the CloudBase adapters: the real @cloudbase/node-sdk for the
 * store and the real wx-server-sdk 4.0.2 for subscribeMessage.send (`cloud.openapi` → wx.openApi,
 * node_modules/wx-server-sdk/index.js src/api/openapi/namespace/openapi.ts), both against the
 * loopback CloudBase server (test/support/cloudbase-loopback.ts).
 *
 * Before: a failed send only counted an attempt, so failures stayed pending for ever and, after
 * `limit` of them, `pendingOutbox` returned only failures (issue 15: "after 100 failures
 * pendingOutbox is blocked for good"); 43101 (not subscribed) was retried like any error; template
 * ids came from an environment variable only, with the message's own keys as template fields.
 */
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { flushOutbox, MAX_SEND_ATTEMPTS } from '../../../cloudfunctions/_app/usecases/notify';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { User } from '../../../shared/domain/directory';
import { chinaTime, SUBSCRIBE_TEMPLATES, TEMPLATE_OF_KIND, templateIdsFor } from '../../../shared/notify/subscribe-templates';
import { HANDOVER_KINDS } from '../../../shared/domain/outbox';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';

let loopback: CloudbaseLoopback;
let deps: AppDeps;
let seq = 0;

/** SUBSCRIBE_TEMPLATES as the deployer sets it: template name → the id the MP console assigned. */
const TEMPLATES = { residentProgress: 'tmpl-resident-progress', staffTodo: 'tmpl-staff-todo' };

function user(id: string, openid: string | null): User {
  return { id, openid, name: id, phone: null, grants: [], demo: false } as User;
}

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  seq += 1;
  return {
    id: `ob-${String(seq).padStart(4, '0')}`,
    recipientUserId: 'u-resident',
    ticketId: 't-1',
    kind: 'status',
    title: '问题已办结，请确认',
    body: 'YN-20261205-0001 飞线充电：已办结',
    data: { thing1: '问题已办结，请确认', character_string2: 'YN-20261205-0001', thing3: 'YN-20261205-0001 飞线充电：已办结' },
    createdAt: `2026-12-05T0${Math.min(seq, 9)}:00:00.000Z`,
    sentAt: null,
    readAt: null,
    attempts: 0,
    lastError: null,
    ...overrides,
  };
}

async function enqueue(...messages: OutboxMessage[]): Promise<void> {
  loopback.seed('outbox', messages.map((m) => ({ _id: m.id, ...m })));
}

const outboxDoc = (id: string) => loopback.docs('outbox').find((d) => d._id === id);

beforeEach(async () => {
  seq = 0;
  loopback = await CloudbaseLoopback.start();
  const base = cloudbaseDeps(loopback.sdkOptions());
  deps = { ...base, clock: { now: () => '2026-12-05T12:00:00.000Z' }, config: { ...base.config, templates: TEMPLATES } };
  // Residents have opaque user ids; the openid is on the user record only.
  await deps.store.putUser(user('u-resident', 'o-resident'));
  await deps.store.putUser(user('u-grid', 'o-grid'));
  await deps.store.putUser(user('u-nosub', 'o-nosub'));
  await deps.store.putUser(user('u-flaky', 'o-flaky'));
  await deps.store.putUser(user('u-unbound', null));
  loopback.answerWx('subscribeMessage.send', (data) => {
    const touser = (data as { touser: string }).touser;
    if (touser === 'o-nosub') return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    if (touser === 'o-flaky') return { errcode: -1, errmsg: 'system error' };
    return { errcode: 0, errmsg: 'ok', msgid: 7 };
  });
});

afterEach(async () => {
  await loopback.close();
});

describe('flushOutbox on CloudBase (real SDKs, loopback)', () => {
  it('sends to the recipient’s openid from the user record, with the configured template and its field mapping', async () => {
    const m = message();
    await enqueue(m);
    expect(await flushOutbox(deps)).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(loopback.wxCalls).toEqual([
      {
        apiName: 'subscribeMessage.send',
        via: 'wx.openApi',
        requestData: {
          touser: 'o-resident',
          template_id: 'tmpl-resident-progress',
          page: 'pages/ticket/index?id=t-1',
          data: {
            thing1: { value: '问题已办结，请确认' },
            character_string2: { value: 'YN-20261205-0001' },
            // thing: at most 20 characters, cut by the notifier.
            thing3: { value: `${Array.from(m.body).slice(0, 19).join('')}…` },
            time4: { value: chinaTime(m.createdAt) },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
    expect(outboxDoc(m.id)).toMatchObject({ sentAt: '2026-12-05T12:00:00.000Z' });
    expect(await deps.store.pendingOutbox(10)).toEqual([]);
  });

  it('43101 (the user did not subscribe) is a dead letter at once: recorded, no longer pending', async () => {
    const m = message({ recipientUserId: 'u-nosub' });
    await enqueue(m);
    expect(await flushOutbox(deps)).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(outboxDoc(m.id)).toMatchObject({ sentAt: null, attempts: 1, deadAt: '2026-12-05T12:00:00.000Z', lastError: expect.stringContaining('43101') });
    expect(await deps.store.pendingOutbox(10)).toEqual([]);
    expect(await flushOutbox(deps)).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(loopback.wxCalls).toHaveLength(1);
  });

  it(`another failure is retried on the next runs and becomes a dead letter at the ${MAX_SEND_ATTEMPTS}th attempt`, async () => {
    const m = message({ recipientUserId: 'u-flaky' });
    await enqueue(m);
    for (let run = 1; run < MAX_SEND_ATTEMPTS; run++) {
      expect(await flushOutbox(deps)).toEqual({ sent: 0, failed: 1, dead: 0 });
      expect(outboxDoc(m.id)).toMatchObject({ attempts: run });
      expect(outboxDoc(m.id)?.deadAt).toBeUndefined();
    }
    expect(await flushOutbox(deps)).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(outboxDoc(m.id)).toMatchObject({ attempts: MAX_SEND_ATTEMPTS, deadAt: '2026-12-05T12:00:00.000Z', lastError: expect.stringContaining('-1') });
    expect(await deps.store.pendingOutbox(10)).toEqual([]);
    expect(loopback.wxCalls).toHaveLength(MAX_SEND_ATTEMPTS);
  });

  it('failures can never block the queue: with limit 2 and two undeliverable messages first, the third is sent on the next run', async () => {
    const a = message({ recipientUserId: 'u-nosub' });
    const b = message({ recipientUserId: 'u-nosub' });
    const c = message({ recipientUserId: 'u-grid', kind: 'submitted', title: '新工单待受理', body: 'YN-20261205-0001 飞线充电' });
    await enqueue(a, b, c);
    expect(await flushOutbox(deps, { limit: 2 })).toEqual({ sent: 0, failed: 0, dead: 2 });
    expect(await flushOutbox(deps, { limit: 2 })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(loopback.wxCalls.at(-1)?.requestData).toMatchObject({ touser: 'o-grid', template_id: 'tmpl-staff-todo' });
  });

  it('no openid or no configured template: in-app inbox only, marked sent without calling WeChat', async () => {
    // Only the residents' template is configured: a staff hand-over has none.
    deps = { ...deps, config: { ...deps.config, templates: { residentProgress: TEMPLATES.residentProgress } } };
    const unbound = message({ recipientUserId: 'u-unbound' });
    const noTemplate = message({ recipientUserId: 'u-grid', kind: 'extension' });
    await enqueue(unbound, noTemplate);
    expect(await flushOutbox(deps)).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(loopback.wxCalls).toEqual([]);
  });
});

describe('subscribe-message template configuration (shared/notify/subscribe-templates.ts)', () => {
  it('maps every hand-over kind to a template, each field of a known WeChat type', () => {
    for (const kind of HANDOVER_KINDS) expect(SUBSCRIBE_TEMPLATES[TEMPLATE_OF_KIND[kind]]).toBeDefined();
    for (const template of Object.values(SUBSCRIBE_TEMPLATES)) {
      for (const field of Object.keys(template.fields)) expect(field).toMatch(/^(thing|character_string|time|phrase|number|name)\d+$/);
      // Staff see the templates of what they act on; residents their progress.
      expect(['staff', 'resident']).toContain(template.audience);
    }
  });

  it('lists configured ids per audience, at most 3 (one requestSubscribeMessage), none when unconfigured', () => {
    expect(templateIdsFor('staff', { a: { id: 'x', libraryTitle: '', audience: 'staff', fields: {} }, b: { id: '', libraryTitle: '', audience: 'staff', fields: {} } })).toEqual(['x']);
    const many = Object.fromEntries(['1', '2', '3', '4'].map((id) => [id, { id, libraryTitle: '', audience: 'staff' as const, fields: {} }]));
    expect(templateIdsFor('staff', many)).toEqual(['1', '2', '3']);
    expect(templateIdsFor('resident', many)).toEqual([]);
  });

  it('writes time fields in China time', () => {
    expect(chinaTime('2026-12-05T16:30:00.000Z')).toBe('2026-12-06 00:30');
  });
});
