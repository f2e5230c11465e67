import type { OutboxMessage } from '../../../shared/domain/outbox';
import { SUBSCRIBE_TEMPLATES, TEMPLATE_OF_KIND, templateData, type SubscribeTemplate } from '../../../shared/notify/subscribe-templates';
import { instantMs } from '../../../shared/sla/calendar';
import type { AppDeps } from '../context';

/** A message whose send failed this many times is a dead letter: recorded, no longer pending. */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * WeChat errcodes after which another attempt cannot succeed: 43101 "user refuse to accept the
 * msg" (no subscription for this template: a one-time subscription is used up, or there never was
 * one). subscribeMessage.send document, 错误码.
 */
export const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([43101]);

function errcodeOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { errcode?: unknown; errCode?: unknown }).errcode ?? (error as { errCode?: unknown }).errCode;
  const n = typeof code === 'string' ? Number(code) : code;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** The template for a kind, with its id from the SUBSCRIBE_TEMPLATES configuration (by template name). */
function templateFor(deps: AppDeps, kind: OutboxMessage['kind']): SubscribeTemplate | null {
  const name = TEMPLATE_OF_KIND[kind];
  const template: SubscribeTemplate = SUBSCRIBE_TEMPLATES[name];
  const id = deps.config.templates?.[name] ?? template.id;
  return id ? { ...template, id } : null;
}

/**
 * Where a tap on the message opens the mini-program: staff land on the staff ticket page (the
 * subpackage, where they act), residents on their own ticket page; without a ticket, each side's home.
 */
export function pageFor(template: SubscribeTemplate, ticketId: string | null | undefined): string {
  if (template.audience === 'staff') return ticketId ? `staff/pages/ticket/index?id=${ticketId}` : 'staff/pages/home/index';
  return ticketId ? `pages/ticket/index?id=${ticketId}` : 'pages/mine/index';
}

/** What one run did: `pages`, `repaired` and `stopped` are there when the run had a time budget. */
export interface FlushResult {
  sent: number;
  failed: number;
  dead: number;
  /** Pages of pending messages read. */
  pages?: number;
  /** Tickets whose left-over hand-over messages were copied into the outbox (CloudBase). */
  repaired?: number;
  /** True when the budget ended the run with work possibly left for the next one. */
  stopped?: boolean;
}

/**
 * Delivers pending outbox messages as WeChat subscribe messages (production), to the recipient's
 * openid from their user record (recipients are opaque user ids). Recipients without an openid,
 * kinds without a configured template, and deployments without a notifier see the message in the
 * in-app inbox only: it is marked sent here.
 *
 * A failed send counts an attempt; the MAX_SEND_ATTEMPTS-th failure, or a permanent errcode
 * (43101) at once, makes it a dead letter (deadAt recorded, no longer pending), so failures can
 * never fill `pendingOutbox` for good.
 *
 * Without `budgetMs`, one page of `limit` messages. With it (the CloudBase timer: the handler edge
 * passes a budget safely under the function's timeout, cloudfunctions/notify/index.ts), page after
 * page until nothing is left or the budget, counted on deps.clock from the run's start, has passed:
 * first the hand-over messages that transitions left in their tickets (Store.repairOutboxPage, 100
 * tickets a page), then the pending messages. The budget is checked before every page and every
 * message, so a run stops between two messages: each is sent and marked, or left pending for the next
 * run. A page that holds only messages this run already tried (failures waiting for their next
 * attempt) ends it too.
 */
export async function flushOutbox(deps: AppDeps, opts: { limit?: number; budgetMs?: number } = {}): Promise<FlushResult> {
  const limit = opts.limit ?? 100;
  const budget = opts.budgetMs;
  const started = instantMs(deps.clock.now());
  const overBudget = () => budget !== undefined && instantMs(deps.clock.now()) - started >= budget;
  const result = { sent: 0, failed: 0, dead: 0 };
  let repaired = 0;
  let pages = 0;
  let stopped = false;
  if (budget !== undefined && deps.store.repairOutboxPage) {
    for (;;) {
      if (overBudget()) {
        stopped = true;
        break;
      }
      const page = await deps.store.repairOutboxPage();
      repaired += page.cleared;
      // A page that cleared nothing (every ticket moved since it was read) is left to the next run.
      if (!page.more || page.cleared === 0) break;
    }
  }
  const tried = new Set<string>();
  while (!stopped) {
    if (overBudget()) {
      stopped = true;
      break;
    }
    const pending = await deps.store.pendingOutbox(limit);
    const fresh = pending.filter((m) => !tried.has(m.id));
    if (fresh.length === 0) break;
    pages += 1;
    for (const m of fresh) {
      if (overBudget()) {
        stopped = true;
        break;
      }
      tried.add(m.id);
      await deliver(deps, m, result);
    }
    if (budget === undefined || pending.length < limit) break;
  }
  return budget === undefined ? result : { ...result, pages, repaired, stopped };
}

/** One message: sent (or in-app only) and marked, or its failure counted. */
async function deliver(deps: AppDeps, m: OutboxMessage, result: { sent: number; failed: number; dead: number }): Promise<void> {
  const user = await deps.store.getUser(m.recipientUserId);
  const template = templateFor(deps, m.kind);
  try {
    if (deps.notifier && user?.openid && template) {
      await deps.notifier.send({
        toOpenid: user.openid,
        templateId: template.id,
        page: pageFor(template, m.ticketId),
        data: templateData(template, { title: m.title, body: m.body, no: m.data.character_string2 ?? '', createdAt: m.createdAt }),
      });
    }
    await deps.store.markSent(m.id, deps.clock.now());
    result.sent += 1;
  } catch (err) {
    const errcode = errcodeOf(err);
    const isDead = (errcode !== null && PERMANENT_ERRCODES.has(errcode)) || m.attempts + 1 >= MAX_SEND_ATTEMPTS;
    const message = err instanceof Error ? err.message.slice(0, 200) : 'send failed';
    await deps.store.markFailed(m.id, message, isDead ? { deadAt: deps.clock.now() } : undefined);
    if (isDead) result.dead += 1;
    else result.failed += 1;
  }
}
