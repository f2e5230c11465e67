import type { Estate } from '../../../shared/domain/directory';
import type { Identity, Role } from '../../../shared/domain/roles';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { EventActor, Ticket, TicketEvent } from '../../../shared/domain/ticket';
import type { TicketFactsRecord } from '../../../shared/metrics/facts';
import type { TicketFilter } from '../../../shared/ports/store';
import { REGISTRY } from '../../../shared/jurisdictions';
import { allowedActions, applyTransition, checkVersion, type LifecycleAction, type TransitionInput } from '../../../shared/lifecycle';
import type { TicketDraft } from '../../../shared/lifecycle/draft';
import { handoversFor, thing, type Handover } from '../../../shared/notify/handover';
import { actorFor, authorize, redactEventFor, redactTicketFor, type AuthorizeOptions, type PermissionAction } from '../../../shared/permissions';
import { deadlinesAfter, nextSweepAt } from '../../../shared/sla/progress';
import { resolveSlaPolicy, type SlaPolicy } from '../../../shared/sla/policy';
import { regionOf } from '../../../shared/sla/regional-holidays';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';

export const AUTH_OPTIONS: AuthorizeOptions = { parentOf: (j) => REGISTRY.list(j)?.parent ?? null };

export function requireIdentity(identity: Identity | null): Identity {
  if (!identity) throw errors.unauthenticated();
  return identity;
}

export function grantsOf(identity: Identity, role: Role) {
  return identity.grants.filter((g) => g.role === role);
}

export async function loadTicket(deps: AppDeps, id: string): Promise<Ticket> {
  const ticket = await deps.store.getTicket(id);
  if (!ticket) throw errors.notFound('工单');
  return ticket;
}

export async function loadEstate(deps: AppDeps, id: string): Promise<Estate> {
  const estate = await deps.store.getEstate(id);
  if (!estate) throw errors.notFound('小区');
  return estate;
}

/** The shared permission function, turned into the envelope's error on refusal. */
export function authorizeOrThrow(identity: Identity, ticket: Ticket | TicketDraft, action: PermissionAction) {
  const auth = authorize(identity, ticket, action, AUTH_OPTIONS);
  if (!auth.ok) throw new AppError(auth.code, auth.message, 403);
  return auth;
}

/** Tickets per store page when a use case reads a whole scope (the SQLite adapter's maximum). */
const PAGE = 1000;

/**
 * The same filters with one jurisdiction each: `{jurisdictions: [a, b], …rest}` becomes
 * `{jurisdiction: a, …rest}` and `{jurisdiction: b, …rest}`. A page of one jurisdiction is an ordered
 * range of the (jurisdiction, createdAt) index; with several values the store must merge and sort
 * every value's whole range for each page, so that paging a month grows with its square (issue 8).
 * Keeps the meaning: every field must hold, an empty list matches nothing.
 */
export function perJurisdiction(filters: readonly TicketFilter[]): TicketFilter[] {
  return filters.flatMap(({ jurisdictions, ...rest }): TicketFilter[] => {
    if (jurisdictions === undefined) return [rest];
    const values = rest.jurisdiction === undefined ? jurisdictions : jurisdictions.filter((j) => j === rest.jurisdiction);
    return [...new Set(values)].map((jurisdiction) => ({ ...rest, jurisdiction }));
  });
}

type Paged<T> = (filter: TicketFilter, page: { limit: number; after: string | null }) => Promise<{ items: T[]; next: string | null }>;

/** Every item of every filter within the window, page by page, one jurisdiction at a time; each ticket once. */
async function pageAll<T>(filters: readonly TicketFilter[], range: { from?: string; to?: string }, fetch: Paged<T>, idOf: (item: T) => string): Promise<T[]> {
  const seen = new Map<string, T>();
  const window = { ...(range.from !== undefined ? { createdFrom: range.from } : {}), ...(range.to !== undefined ? { createdTo: range.to } : {}) };
  for (const filter of perJurisdiction(filters)) {
    let after: string | null = null;
    do {
      const page: { items: T[]; next: string | null } = await fetch({ ...filter, ...window }, { limit: PAGE, after });
      for (const item of page.items) if (!seen.has(idOf(item))) seen.set(idOf(item), item);
      after = page.next;
    } while (after);
  }
  return [...seen.values()];
}

/**
 * Every ticket matching any of the filters and created in [from, to) (either bound optional), paged
 * through the store one jurisdiction at a time (perJurisdiction); each ticket once. No order is promised.
 */
export function ticketsMatching(deps: AppDeps, filters: readonly TicketFilter[], range: { from?: string; to?: string } = {}): Promise<Ticket[]> {
  return pageAll(filters, range, (f, p) => deps.store.queryTickets(f, p), (t) => t.id);
}

/**
 * The same tickets' metric facts records, where the store keeps them (Store.queryTicketFacts);
 * null where it does not, and the caller derives them from the tickets and their events.
 */
export async function factsMatching(deps: AppDeps, filters: readonly TicketFilter[], range: { from?: string; to?: string } = {}): Promise<TicketFactsRecord[] | null> {
  const query = deps.store.queryTicketFacts?.bind(deps.store);
  if (!query) return null;
  // All of a jurisdiction's records at once where the store can (issue 17 §3: on CloudBase one
  // request per filter and jurisdiction instead of one per 1,000 tickets, all sent together); the same records.
  const all = deps.store.listTicketFacts?.bind(deps.store);
  if (!all) return pageAll(filters, range, query, (r) => r.ticketId);
  const window = { ...(range.from !== undefined ? { createdFrom: range.from } : {}), ...(range.to !== undefined ? { createdTo: range.to } : {}) };
  const lists = await Promise.all(perJurisdiction(filters).map((filter) => all({ ...filter, ...window })));
  const seen = new Map<string, TicketFactsRecord>();
  for (const r of lists.flat()) if (!seen.has(r.ticketId)) seen.set(r.ticketId, r);
  return [...seen.values()];
}

/**
 * Resolved policies by jurisdiction, region and stored override text. resolveSlaPolicy validates
 * the whole policy with zod on every submit and transition (4–5 % of the runtime's time per submit in
 * issue 17 §4's profile) and is a pure function of those three; frozen, since callers share the object.
 */
const resolvedPolicies = new Map<string, SlaPolicy>();
const MAX_RESOLVED_POLICIES = 500;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The jurisdiction's SLA policy: its stored override over the defaults, with its region's holidays. */
export async function policyFor(deps: AppDeps, jurisdiction: string): Promise<SlaPolicy> {
  const stored = (await deps.store.getSlaPolicy(jurisdiction)) ?? undefined;
  // The region follows the live registry (a created county takes its city's), so it is part of the key.
  const key = `${jurisdiction}\u0000${regionOf(jurisdiction)?.id ?? ''}\u0000${JSON.stringify(stored) ?? ''}`;
  const known = resolvedPolicies.get(key);
  if (known) return known;
  const policy = deepFreeze(resolveSlaPolicy(stored, jurisdiction));
  if (resolvedPolicies.size >= MAX_RESOLVED_POLICIES) resolvedPolicies.clear();
  resolvedPolicies.set(key, policy);
  return policy;
}

/** The users who must act on a hand-over (grid workers of the estate, officers of the units…). */
async function recipientsOf(deps: AppDeps, ticket: Ticket, h: Handover): Promise<string[]> {
  const { store } = deps;
  switch (h.audience) {
    case 'resident':
      return [ticket.reporter.userId];
    case 'grid': {
      const users = await store.listUsers({ jurisdiction: ticket.jurisdiction, role: 'grid' });
      return users
        .filter((u) => u.grants.some((g) => g.role === 'grid' && ((ticket.estateId && g.estates?.includes(ticket.estateId)) || (ticket.gridId && g.grids?.includes(ticket.gridId)))))
        .map((u) => u.id);
    }
    case 'street': {
      const users = await store.listUsers({ jurisdiction: ticket.jurisdiction, role: 'street' });
      return users.filter((u) => u.grants.some((g) => g.role === 'street' && ticket.streetId && g.streets?.includes(ticket.streetId))).map((u) => u.id);
    }
    case 'units': {
      const lists = await Promise.all((h.unitIds ?? []).map((unitId) => store.listUsers({ unitId })));
      return lists.flat().map((u) => u.id);
    }
    case 'leadership': {
      const chain = REGISTRY.chain(ticket.jurisdiction).map((l) => l.id);
      const lists = await Promise.all(chain.map((j) => store.listUsers({ jurisdiction: j, role: 'leadership' })));
      return lists.flat().map((u) => u.id);
    }
  }
}

export async function outboxFor(deps: AppDeps, ticket: Ticket, event: TicketEvent): Promise<OutboxMessage[]> {
  return messagesFor(deps, ticket, event, await handoverRecipients(deps, ticket, event));
}

/**
 * Who each hand-over of a step goes to (handoversFor's order; the actor left out). Who is told
 * depends on the ticket's place and route, not on its number, so a submit reads them before the
 * number is drawn (submission.ts).
 */
export async function handoverRecipients(deps: AppDeps, ticket: Ticket, event: TicketEvent): Promise<string[][]> {
  const lists: string[][] = [];
  for (const h of handoversFor(ticket, event)) lists.push([...new Set(await recipientsOf(deps, ticket, h))].filter((id) => id !== event.actor.userId));
  return lists;
}

/** A step's outbox messages to the recipients handoverRecipients read for each of its hand-overs. Synchronous. */
export function messagesFor(deps: AppDeps, ticket: Ticket, event: TicketEvent, recipients: readonly string[][]): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  handoversFor(ticket, event).forEach((h, i) => {
    for (const recipientUserId of recipients[i] ?? []) {
      messages.push({
        id: deps.ids.newId(),
        recipientUserId,
        ticketId: ticket.id,
        kind: h.kind,
        title: h.title,
        body: h.body,
        data: { thing1: thing(h.title), character_string2: ticket.no, thing3: thing(h.body) },
        createdAt: event.at,
        sentAt: null,
        readAt: null,
        attempts: 0,
        lastError: null,
      });
    }
  });
  return messages;
}

/** Applies the lifecycle, then the SLA (deadlines, sweepAt). Pure given its inputs. */
export function advance(
  ticket: Ticket | TicketDraft,
  cmd: { action: LifecycleAction; actor: EventActor; at: string; input?: TransitionInput },
  ids: { eventId: string; seq: number },
  policy: SlaPolicy,
): { ticket: Ticket; event: TicketEvent } {
  const { ticket: moved, event } = applyTransition(ticket, cmd, ids);
  const deadlines = deadlinesAfter(moved, event, policy);
  const withDeadlines = { ...moved, deadlines };
  return { ticket: { ...withDeadlines, sweepAt: nextSweepAt(withDeadlines, policy) }, event };
}

/**
 * One staff or resident action on a stored ticket: authorize (shared/permissions), check the
 * client's version, apply lifecycle + SLA, commit with optimistic concurrency and the outbox.
 */
export async function act(
  deps: AppDeps,
  identity: Identity,
  input: { ticketId: string; version: number; idempotencyKey?: string },
  action: LifecycleAction,
  transition: TransitionInput | ((ticket: Ticket, now: string, policy: SlaPolicy) => TransitionInput | Promise<TransitionInput>),
  /** A check that must pass before anything is written (the photos' claim), awaited beside the hand-over's reads. */
  precondition?: () => Promise<unknown>,
): Promise<Ticket> {
  const ticket = await loadTicket(deps, input.ticketId);
  const auth = authorizeOrThrow(identity, ticket, action);
  checkVersion(ticket, input.version);
  const now = deps.clock.now();
  const policy = await policyFor(deps, ticket.jurisdiction);
  // The transition's own reads and the timeline run together (one round trip on CloudBase, issue 17).
  const [txInput, events] = await Promise.all([typeof transition === 'function' ? transition(ticket, now, policy) : transition, deps.store.listEvents(ticket.id)]);
  const { ticket: next, event: moved } = advance(ticket, { action, actor: actorFor(identity, auth), at: now, input: txInput }, { eventId: deps.ids.newId(), seq: events.length + 1 }, policy);
  // The client's key is kept on the event, in the same unit of work: a retry finds it there (staff.ts firstResult).
  const event = input.idempotencyKey ? { ...moved, payload: { ...moved.payload, idempotencyKey: input.idempotencyKey } } : moved;
  const [outbox] = await Promise.all([outboxFor(deps, next, event), precondition?.()]);
  await deps.store.commitTransition({ next, expectedVersion: ticket.version, event, outbox });
  return next;
}

export interface TicketView {
  ticket: Ticket;
  events: TicketEvent[];
  /** Lifecycle actions this user may take now (for the buttons). */
  actions: LifecycleAction[];
}

/** A ticket as this user may see it: reporter data only inside the handling chain. */
export async function viewFor(deps: AppDeps, identity: Identity, ticket: Ticket): Promise<TicketView> {
  const auth = authorizeOrThrow(identity, ticket, 'view');
  const events = await deps.store.listEvents(ticket.id);
  const actions = allowedActions(ticket, auth.role, auth.unitId ? { unitId: auth.unitId } : {}).filter(
    (a) => authorize(identity, ticket, a, AUTH_OPTIONS).ok,
  );
  return {
    ticket: redactTicketFor(identity, ticket, AUTH_OPTIONS),
    events: events.map((e) => redactEventFor(identity, ticket, e, AUTH_OPTIONS)),
    actions,
  };
}
