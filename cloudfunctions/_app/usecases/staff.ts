import type { z } from 'zod';
import { TICKET_FUNCTION_ACTIONS, type TicketInputs } from '../../../shared/actions/ticket';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import { TICKET_STATES, type Deadline, type Ticket } from '../../../shared/domain/ticket';
import { coordinatingIn } from '../../../shared/routing/route';
import { distanceMeters } from '../../../shared/geo';
import { REGISTRY } from '../../../shared/jurisdictions';
import { PROPERTY_CONDUCT_CATEGORIES } from '../../../shared/taxonomy/categories';
import { unitsOutsideChain } from '../../../shared/permissions/unit-scope';
import type { TicketFilter } from '../../../shared/ports/store';
import { instantMs } from '../../../shared/sla/calendar';
import { openDeadline, validateExtension } from '../../../shared/sla/deadlines';
import { isOpen } from '../../../shared/sla/progress';
import { authorize } from '../../../shared/permissions';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { withTextChecks } from './content';
import { claimPhotosEarly } from './photos';
import { queueRow } from './queue-row';
import { publicEstate } from './report';
import { act, AUTH_OPTIONS, authorizeOrThrow, loadTicket, viewFor } from './support';
import { ticketContacts } from './ticket-contacts';
import { companyFlag } from './standing';
import type { LifecycleAction } from '../../../shared/lifecycle';

type In<K extends keyof typeof TicketInputs> = z.output<(typeof TicketInputs)[K]>;

/** "Due soon" on the home screen: an open deadline within the next 2 hours. */
const DUE_SOON_MS = 2 * 60 * 60 * 1000;

/** The ticket filters a user's grants cover, one per grant (a user may hold several roles). */
export function scopesOf(identity: Identity): Array<{ role: string; filter: TicketFilter }> {
  const childrenOf = (j: string) => [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];
  return identity.grants.flatMap((g): Array<{ role: string; filter: TicketFilter }> => {
    switch (g.role) {
      case 'grid':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } }];
      case 'street':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, streetIds: g.streets ?? [] } }];
      case 'department':
        return [{ role: g.role, filter: { unitIds: g.units ?? [] } }];
      case 'police':
        // The station's routed tickets, and the owner-group desk: the estates the officer covers.
        return [
          { role: g.role, filter: { unitIds: g.units ?? [] } },
          { role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } },
        ];
      case 'leadership':
        return [{ role: g.role, filter: { jurisdictions: childrenOf(g.jurisdiction) } }];
      case 'property':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } }];
      default:
        return [];
    }
  });
}

function urgency(t: Ticket): number {
  const open = t.deadlines.filter((d) => d.metAt === undefined && d.step !== 'confirm');
  return open.length ? Math.min(...open.map((d) => instantMs(d.due))) : Number.POSITIVE_INFINITY;
}

/** Overdue first, then the nearest deadline; urgent before normal on ties. */
export function byDeadline(a: Ticket, b: Ticket): number {
  const od = (t: Ticket) => (t.deadlines.some((d) => d.overdueAt !== undefined && d.metAt === undefined) ? 0 : 1);
  return od(a) - od(b) || urgency(a) - urgency(b) || (a.priority === b.priority ? 0 : a.priority === 'urgent' ? -1 : 1);
}

const VIEW_STATES: Record<string, Ticket['state'][] | undefined> = {
  grid: ['submitted', 'accepted', 'handling', 'resolved', 'reopened'],
  'street-returned': ['returned'],
  unit: ['whistled', 'acknowledged', 'on_site', 'reopened'],
  all: undefined,
};

/** The states a ticket can still need work in: home's counters, the card views and 督办 read only these. */
const OPEN_STATES: Ticket['state'][] = TICKET_STATES.filter((state) => isOpen({ state }));

/**
 * How a scope is read: pages of 1,000 (CloudBase's get() ceiling; one request per page, so an ordinary
 * scope is one request), at most 20 pages (20,000 tickets of one scope in the states asked). Past that
 * the answer says `truncated` instead of being silently short (issue 18 §2: counters stopped at 200).
 */
export const SCOPE_READ = { pageSize: 1000, maxPages: 20 };

/** Every ticket of one filter, page after page, until the store has no next page or the cap is reached. */
export async function readScope(deps: AppDeps, filter: TicketFilter, read = SCOPE_READ): Promise<{ items: Ticket[]; truncated: boolean }> {
  const items: Ticket[] = [];
  let after: string | null = null;
  for (let i = 0; i < read.maxPages; i++) {
    const page: { items: Ticket[]; next: string | null } = await deps.store.queryTickets(filter, { limit: read.pageSize, after });
    items.push(...page.items);
    if (!page.next) return { items, truncated: false };
    after = page.next;
  }
  return { items, truncated: true };
}

/** Collects the tickets of every scope the user holds in the given states (deduplicated), visible to them. */
async function scopedTickets(deps: AppDeps, identity: Identity, states?: Ticket['state'][]): Promise<{ tickets: Ticket[]; truncated: boolean }> {
  const seen = new Map<string, Ticket>();
  // The scopes are read at once (one round trip on CloudBase, issue 17); a scope's further pages only when it holds more.
  const reads = await Promise.all(scopesOf(identity).map(({ filter }) => readScope(deps, { ...filter, ...(states ? { states } : {}) })));
  for (const read of reads) for (const t of read.items) seen.set(t.id, t);
  return { tickets: [...seen.values()].filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok), truncated: reads.some((r) => r.truncated) };
}

/* ------------------------------------------------ the lists behind the home counters (issue 18 §2) */

/** The home counters and the queue view each opens: the counter is the length of that list. */
export const CARD_VIEWS = { new: 'new', dueSoon: 'due-soon', overdue: 'overdue' } as const;
type CardView = (typeof CARD_VIEWS)[keyof typeof CARD_VIEWS];

/** What the user must do on a ticket under one grant: whether it is new to them, and the deadlines that are theirs. */
interface Work {
  /** Their first step: triage a submitted ticket, re-route a returned one, 报到 on a whistled one. */
  fresh: boolean;
  deadlines: Deadline[];
}

/** Open duties: not met, not the resident's confirm window. */
const openDuties = (t: Ticket): Deadline[] => t.deadlines.filter((d) => d.metAt === undefined && d.step !== 'confirm');
const isPast = (d: Deadline, now: number): boolean => d.overdueAt !== undefined || instantMs(d.due) < now;
const inList = (list: readonly string[] | undefined, id: string | null): boolean => id !== null && (list ?? []).includes(id);

/**
 * The units of a grant that must act on the ticket: those the ticket is with (holder), handling units
 * only while one of them holds it (a coordinating 人民政府 is informed, not asked to act).
 */
function actingUnits(t: Ticket, units: readonly string[]): string[] {
  if (t.holder.kind !== 'units') return [];
  const coordinating = coordinatingIn(t.route);
  const handling = t.holder.ids.filter((u) => !coordinating(u));
  const acting = handling.length ? handling : t.holder.ids;
  return acting.filter((u) => units.includes(u));
}

/** What the grant's holder must do on the ticket now; null when nothing (本单位待办 and the counters hold only these). */
function workOf(grant: RoleGrant, t: Ticket, now: number): Work | null {
  if (!isOpen(t)) return null;
  switch (grant.role) {
    case 'grid': {
      const mine = t.jurisdiction === grant.jurisdiction && (inList(grant.estates, t.estateId) || inList(grant.grids, t.gridId));
      return mine && t.holder.kind === 'grid' ? { fresh: t.state === 'submitted', deadlines: openDuties(t) } : null;
    }
    case 'street': {
      if (t.jurisdiction !== grant.jurisdiction || !inList(grant.streets, t.streetId)) return null;
      if (t.holder.kind === 'street') return { fresh: t.state === 'submitted' || t.state === 'returned', deadlines: openDuties(t) };
      if (t.pendingExtension) return { fresh: false, deadlines: [] };
      // 督办: the street supervises every overdue ticket of its area.
      const late = openDuties(t).filter((d) => isPast(d, now));
      return late.length ? { fresh: false, deadlines: late } : null;
    }
    case 'department':
    case 'police': {
      const units = actingUnits(t, grant.units ?? []);
      if (!units.length) return null;
      const owesAck = units.some((u) => !t.acknowledgedUnits.includes(u));
      // A unit that has reported in no longer owes the 报到: another unit's clock is not its own.
      return { fresh: owesAck && (t.state === 'whistled' || t.state === 'acknowledged'), deadlines: openDuties(t).filter((d) => d.step !== 'triage' && (owesAck || d.step !== 'ack')) };
    }
    case 'property': {
      // A property company works the tickets of the estates it serves while they are with the estate (never those about itself: scopedTickets drops them).
      const mine = t.jurisdiction === grant.jurisdiction && inList(grant.estates, t.estateId);
      return mine && t.holder.kind === 'grid' ? { fresh: t.state === 'submitted', deadlines: openDuties(t) } : null;
    }
    case 'leadership': {
      const mine = t.jurisdiction === grant.jurisdiction || REGISTRY.list(t.jurisdiction)?.parent === grant.jurisdiction;
      if (!mine || (t.holder.kind !== 'leadership' && t.escalation < 2)) return null;
      return { fresh: false, deadlines: t.holder.kind === 'leadership' ? openDuties(t) : openDuties(t).filter((d) => isPast(d, now)) };
    }
    default:
      return null;
  }
}

/** The user's work on the ticket under every grant they hold. */
function worksOf(identity: Identity, t: Ticket, now: number): Work[] {
  return identity.grants.map((g) => workOf(g, t, now)).filter((w): w is Work => w !== null);
}

/** The filter of each counter's list: the one predicate both home and queue apply to the same query. */
const CARD_FILTERS: Record<CardView, (works: Work[], now: number) => boolean> = {
  new: (works) => works.some((w) => w.fresh),
  'due-soon': (works, now) => works.some((w) => w.deadlines.some((d) => !isPast(d, now) && instantMs(d.due) - now <= DUE_SOON_MS)),
  overdue: (works, now) => works.some((w) => w.deadlines.some((d) => isPast(d, now))),
};

/**
 * The shared filter builder of the home counters and the lists they open: one store query per scope
 * (scopedTickets, the same arguments for both) and the view's predicate. home counts what queue lists.
 */
function cardList(tickets: readonly Ticket[], identity: Identity, view: CardView, now: number): Ticket[] {
  return tickets.filter((t) => CARD_FILTERS[view](worksOf(identity, t, now), now));
}

const isCardView = (view: string): view is CardView => (Object.values(CARD_VIEWS) as string[]).includes(view);

/** 超时工单督办: every open ticket of the scope with an overdue duty (the street and the leadership office supervise them). */
const supervisable = (t: Ticket, now: number): boolean => isOpen(t) && openDuties(t).some((d) => isPast(d, now));

/** The views the counters open: street and leadership staff open 超时工单督办 from 已超时 (they supervise every overdue ticket). */
function cardViewsOf(identity: Identity): { new: string; dueSoon: string; overdue: string } {
  const supervises = identity.grants.some((g) => g.role === 'street' || g.role === 'leadership');
  return { new: CARD_VIEWS.new, dueSoon: CARD_VIEWS.dueSoon, overdue: supervises ? 'street-overdue' : CARD_VIEWS.overdue };
}

/** The queue's pages: an offset into the sorted list (the list is sorted whole, so a store cursor cannot page it). */
const OFFSET = /^o:(\d{1,6})$/;

function offsetOf(after: string | null | undefined): number {
  const match = after ? OFFSET.exec(after) : null;
  if (after && !match) throw new AppError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载', 400);
  return match ? Number(match[1]) : 0;
}

/**
 * 全部工单 of a caller with one scope, paged at the store (issue 18 §2): newest first in the store's
 * order and cursor, one page a call, and 共 N 件 the store's count of the same filter, both sent
 * together (one round trip on CloudBase). Reading every state of the scope to sort it by deadline
 * meant up to 20 reads of 1,000 documents, closed ones included. A property company's filter leaves
 * out the complaints about its own conduct (never shown to it, so never counted either). Null when
 * the caller holds several scopes (a ticket two share counts once): those keep the whole-list read.
 */
async function allAtStore(deps: AppDeps, identity: Identity, input: In<'queue'>) {
  const scopes = scopesOf(identity);
  const [scope] = scopes;
  if (scopes.length !== 1 || !scope) return null;
  const company = identity.grants.find((g) => g.role === 'property');
  const filter: TicketFilter =
    scope.role === 'property' ? { ...scope.filter, withoutConductOf: { categories: PROPERTY_CONDUCT_CATEGORIES, companyId: company?.company ?? null } } : scope.filter;
  const [page, total] = await Promise.all([
    deps.store.queryTickets(filter, { limit: input.limit, after: input.after ?? null }),
    deps.store.countTickets(filter),
  ]);
  // The scope is the grant's own; each row is still checked as the ticket page checks it.
  const items = page.items.filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok);
  return { items: items.map(queueRow), total, next: page.next, truncated: false };
}

export async function queue(deps: AppDeps, identity: Identity, input: In<'queue'>) {
  if (input.view === 'all') {
    const paged = await allAtStore(deps, identity, input);
    if (paged) return paged;
  }
  const now = instantMs(deps.clock.now());
  const offset = offsetOf(input.after);
  let read: { tickets: Ticket[]; truncated: boolean };
  switch (input.view) {
    case 'street-overdue': {
      const open = await scopedTickets(deps, identity, OPEN_STATES);
      read = { ...open, tickets: open.tickets.filter((t) => supervisable(t, now)) };
      break;
    }
    case 'street-extensions': {
      const asked = await scopedTickets(deps, identity, ['acknowledged', 'on_site']);
      read = { ...asked, tickets: asked.tickets.filter((t) => t.pendingExtension !== null) };
      break;
    }
    case 'street-unplaced': {
      // Reports routed at jurisdiction level, waiting to be placed in an estate: every open ticket of the jurisdiction read.
      const jurisdictions = [...new Set(identity.grants.filter((g) => g.role === 'street' || g.role === 'leadership').map((g) => g.jurisdiction))];
      const reads = await Promise.all(jurisdictions.map((j) => readScope(deps, { jurisdiction: j, states: OPEN_STATES })));
      read = { tickets: reads.flatMap((r) => r.items).filter((t) => t.estateId === null && isOpen(t)), truncated: reads.some((r) => r.truncated) };
      break;
    }
    case 'unit': {
      // 本单位待办: only tickets where one of the user's units must act (not those merely routed to it or handled by another unit).
      const asked = await scopedTickets(deps, identity, VIEW_STATES.unit);
      read = { ...asked, tickets: asked.tickets.filter((t) => identity.grants.some((g) => (g.role === 'department' || g.role === 'police') && workOf(g, t, now) !== null)) };
      break;
    }
    default: {
      if (isCardView(input.view)) {
        const open = await scopedTickets(deps, identity, OPEN_STATES);
        read = { ...open, tickets: cardList(open.tickets, identity, input.view, now) };
      } else {
        read = await scopedTickets(deps, identity, VIEW_STATES[input.view]);
      }
    }
  }
  const sorted = read.tickets.sort(byDeadline);
  const end = offset + input.limit;
  // The pending extension travels with the row, so the street decides from the list without opening each ticket.
  return { items: sorted.slice(offset, end).map(queueRow), total: sorted.length, next: end < sorted.length ? `o:${end}` : null, truncated: read.truncated };
}

/** Hand-overs that are done: the ticket is finished, or a 新工单待受理 whose ticket is no longer waiting. */
function settledMessage(m: OutboxMessage, t: Ticket | undefined | null): boolean {
  if (!t) return false;
  return !isOpen(t) || (m.kind === 'submitted' && t.state !== 'submitted');
}

/**
 * 未读交办 reads up to this many unread hand-overs at once (one request, CloudBase's ceiling), to
 * settle those about finished tickets; past it the counter is the store's count (countUnread).
 */
export const INBOX_READ = 1000;
/** The home answer lists the newest unread hand-overs; the counter counts them all. */
export const INBOX_SHOWN = 100;
/** Tickets of unread hand-overs outside the open scope looked up per home call (one parallel read each) to settle them. */
const SETTLE_LOOKUPS = 50;

export async function home(deps: AppDeps, identity: Identity) {
  const nowIso = deps.clock.now();
  const now = instantMs(nowIso);
  // Only open tickets can be counted: the open states of every scope, read whole (not the newest of all history).
  const [scoped, inbox] = await Promise.all([scopedTickets(deps, identity, OPEN_STATES), deps.store.listInbox(identity.userId, { unreadOnly: true, limit: INBOX_READ })]);
  const open = scoped.tickets;
  const byId = new Map<string, Ticket | null>(open.map((t) => [t.id, t]));
  // A hand-over about a ticket that is not among the open ones may be about a closed ticket: that ticket is read (alongside none; only then).
  const unknown = [...new Set(inbox.map((m) => m.ticketId).filter((id): id is string => id !== null && !byId.has(id)))].slice(0, SETTLE_LOOKUPS);
  const looked = await Promise.all(unknown.map((id) => deps.store.getTicket(id)));
  unknown.forEach((id, i) => byId.set(id, looked[i] ?? null));
  // A hand-over about a ticket that is closed (or a new ticket already taken) is read: marked so, not listed.
  const settled = inbox.filter((m) => m.ticketId && settledMessage(m, byId.get(m.ticketId)));
  if (settled.length) await deps.store.markRead(identity.userId, settled.map((m) => m.id), nowIso);
  const unread = inbox.filter((m) => !settled.includes(m));
  // Only a full read can have left unread hand-overs unread here: then they are counted (after the marking, so none twice).
  const unreadCount = inbox.length >= INBOX_READ ? await deps.store.countUnread(identity.userId) : unread.length;
  // Each counter is the length of the list its card opens (queue with the same view): the same query, the same filter.
  const views = cardViewsOf(identity);
  const count = (view: string) => (isCardView(view) ? cardList(open, identity, view, now) : open.filter((t) => supervisable(t, now))).length;
  return {
    // The user's own grants (scopes), so screens can offer only their estates and jurisdictions.
    user: { id: identity.userId, name: identity.name ?? null, roles: [...new Set(identity.grants.map((g) => g.role))], grants: identity.grants },
    counts: { new: count(views.new), dueSoon: count(views.dueSoon), overdue: count(views.overdue), open: open.length, unread: unreadCount },
    /** The queue view each counter opens. */
    views,
    /** A scope held more open tickets than SCOPE_READ reads: the counters are at least these. */
    truncated: scoped.truncated,
    unread: unread.slice(0, INBOX_SHOWN),
  };
}

export async function staffDetail(deps: AppDeps, identity: Identity, input: { ticketId: string }) {
  // The caller's unread hand-overs about this ticket are read once the ticket is opened (read alongside it).
  // As many as home reads (INBOX_READ), so a hand-over past the newest 100 is read too when its ticket is opened.
  const [ticket, inbox] = await Promise.all([loadTicket(deps, input.ticketId), deps.store.listInbox(identity.userId, { unreadOnly: true, limit: INBOX_READ })]);
  // Only once the caller may see the ticket; then marked read alongside the timeline's read (no added round trip).
  authorizeOrThrow(identity, ticket, 'view');
  const opened = inbox.filter((m) => m.ticketId === ticket.id).map((m) => m.id);
  // The units' published phones (tap-to-call) are read alongside the timeline: no added round trip.
  const [answer, , contacts, propertyCompany, estate] = await Promise.all([
    viewFor(deps, identity, ticket),
    opened.length ? deps.store.markRead(identity.userId, opened, deps.clock.now()) : null,
    ticketContacts(deps, ticket),
    // Issue 20 §4: the estate's company with its credit status (黑名单 flagged); not for the company's own users.
    identity.grants.some((g) => g.role === 'property') ? null : companyFlag(deps, ticket.propertyCompanyId),
    // The page's name, address and map point of the estate: report.estates answers only 100 of the deployment's.
    ticket.estateId ? deps.store.getEstate(ticket.estateId) : null,
  ]);
  return { ...answer, contacts, propertyCompany, estate: estate ? publicEstate(estate) : null };
}

/** Units a ticket may be whistled, re-routed or handed over to: its routed units or its jurisdiction chain's. */
function checkUnits(ticket: Ticket, units: string[]): void {
  const outside = unitsOutsideChain(ticket, units);
  if (outside.length) throw new AppError('INPUT.INVALID', `单位不属于本辖区：${outside.join('、')}`, 400);
}

const view = async (deps: AppDeps, identity: Identity, t: Ticket) => viewFor(deps, identity, t);

type FunctionActionName = (typeof TICKET_FUNCTION_ACTIONS)[keyof typeof TICKET_FUNCTION_ACTIONS];

/** The lifecycle action behind each `ticket` function action, for matching a retried key to its event. */
const LIFECYCLE_OF = Object.fromEntries(Object.entries(TICKET_FUNCTION_ACTIONS).map(([lifecycle, name]) => [name, lifecycle])) as Record<FunctionActionName, LifecycleAction>;

type Keyed = { ticketId: string; idempotencyKey?: string };

/**
 * The view after the first action this caller sent with this key on this ticket (act keeps the key
 * on the event), or null when none was committed. The same key on another action is not a retry:
 * 409 IDEMPOTENCY.MISMATCH, as for the resident's submit.
 */
async function firstResult(deps: AppDeps, identity: Identity, input: Keyed, action: LifecycleAction) {
  if (!input.idempotencyKey) return null;
  const ticket = await deps.store.getTicket(input.ticketId);
  if (!ticket) return null;
  const events = await deps.store.listEvents(ticket.id);
  const first = events.find((e) => e.actor.userId === identity.userId && e.payload?.idempotencyKey === input.idempotencyKey);
  if (!first) return null;
  if (first.action !== action) throw new AppError('IDEMPOTENCY.MISMATCH', '该请求编号已用于另一项操作，请刷新后重试', 409);
  return viewFor(deps, identity, ticket);
}

/**
 * Weak signal (issue 18 §4): a staff action retried with its key after the first answer was lost
 * fails the version check (the first one moved the ticket on), or loses the race to its twin; then
 * the first result is answered instead of the error. The happy path costs no extra read.
 */
function withFirstResult<T extends Record<keyof typeof LIFECYCLE_OF, (d: AppDeps, i: Identity, x: never) => Promise<unknown>>>(actions: T): T {
  const out: Record<string, (d: AppDeps, i: Identity, x: Keyed) => Promise<unknown>> = {};
  for (const name of Object.keys(LIFECYCLE_OF) as Array<keyof typeof LIFECYCLE_OF>) {
    const run = actions[name] as unknown as (d: AppDeps, i: Identity, x: Keyed) => Promise<unknown>;
    out[name] = async (d, i, x) => {
      try {
        return await run(d, i, x);
      } catch (err) {
        const first = await firstResult(d, i, x, LIFECYCLE_OF[name]);
        if (!first) throw err;
        return first;
      }
    };
  }
  return out as unknown as T;
}

/** Every action checks its free texts first (content.ts): the timeline shows them to the reporter. */
export const staffActions = withFirstResult(withTextChecks({
  accept: (d: AppDeps, i: Identity, x: In<'accept'>) => act(d, i, x, 'accept', { note: x.note }).then((t) => view(d, i, t)),
  reject: (d: AppDeps, i: Identity, x: In<'reject'>) => act(d, i, x, 'reject', { reason: x.reason }).then((t) => view(d, i, t)),
  merge: async (d: AppDeps, i: Identity, x: In<'merge'>) => {
    const original = await loadTicket(d, x.duplicateOf);
    const t = await loadTicket(d, x.ticketId);
    if (original.estateId !== t.estateId) throw new AppError('INPUT.INVALID', '只能合并同一小区的工单', 400);
    return view(d, i, await act(d, i, x, 'merge', { duplicateOf: x.duplicateOf, note: x.note }));
  },
  handle: (d: AppDeps, i: Identity, x: In<'handle'>) => act(d, i, x, 'handle', { note: x.note }).then((t) => view(d, i, t)),
  settle: (d: AppDeps, i: Identity, x: In<'settle'>) => {
    const photos = claimPhotosEarly(d, i.userId, x.photos);
    return act(d, i, x, 'settle', async (t) => {
      const estate = t.estateId ? await d.store.getEstate(t.estateId) : null;
      const target = t.location ?? estate?.location ?? null;
      return {
        note: x.note,
        photos: x.photos,
        location: x.location,
        ...(target ? { distanceMeters: distanceMeters(target, x.location) } : {}),
        ...(x.farReason ? { reason: x.farReason } : {}),
      };
    }, photos).then((t) => view(d, i, t));
  },
  whistle: (d: AppDeps, i: Identity, x: In<'whistle'>) =>
    act(d, i, x, 'whistle', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason, note: x.note };
    }).then((t) => view(d, i, t)),
  acknowledge: (d: AppDeps, i: Identity, x: In<'acknowledge'>) => act(d, i, x, 'acknowledge', { officerName: x.officerName, note: x.note }).then((t) => view(d, i, t)),
  // Checked against the ticket's position (else the estate's), as settle: beyond 200 m only with a reason.
  arrive: (d: AppDeps, i: Identity, x: In<'arrive'>) =>
    act(d, i, x, 'arrive', async (t) => {
      const estate = !t.location && t.estateId ? await d.store.getEstate(t.estateId) : null;
      const target = t.location ?? estate?.location ?? null;
      return {
        location: x.location,
        note: x.note,
        ...(target ? { distanceMeters: distanceMeters(target, x.location) } : {}),
        ...(x.farReason ? { reason: x.farReason } : {}),
      };
    }).then((t) => view(d, i, t)),
  resolve: (d: AppDeps, i: Identity, x: In<'resolve'>) => {
    const photos = claimPhotosEarly(d, i.userId, x.photos);
    return act(d, i, x, 'resolve', { note: x.note, photos: x.photos }, photos).then((t) => view(d, i, t));
  },
  return: (d: AppDeps, i: Identity, x: In<'return'>) => act(d, i, x, 'return', { reasonCode: x.reasonCode, reason: x.reason }).then((t) => view(d, i, t)),
  reroute: (d: AppDeps, i: Identity, x: In<'reroute'>) =>
    act(d, i, x, 'reroute', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason };
    }).then((t) => view(d, i, t)),
  requestExtension: (d: AppDeps, i: Identity, x: In<'requestExtension'>) =>
    act(d, i, x, 'request-extension', (t, now, policy) => {
      const current = openDeadline(t.deadlines, 'resolve');
      if (!current) throw new AppError('TICKET.INVALID_TRANSITION', '该工单没有进行中的办结时限', 400);
      const check = validateExtension(current.due, x.until, now, policy);
      if (!check.ok) throw new AppError(check.code, check.message, 400);
      return { until: check.due, reason: x.reason };
    }).then((t) => view(d, i, t)),
  approveExtension: (d: AppDeps, i: Identity, x: In<'approveExtension'>) => act(d, i, x, 'approve-extension', { note: x.note }).then((t) => view(d, i, t)),
  refuseExtension: (d: AppDeps, i: Identity, x: In<'refuseExtension'>) => act(d, i, x, 'refuse-extension', { reason: x.reason }).then((t) => view(d, i, t)),
  verify: (d: AppDeps, i: Identity, x: In<'verify'>) => act(d, i, x, 'verify', { note: x.note }).then((t) => view(d, i, t)),
  verifyFail: (d: AppDeps, i: Identity, x: In<'verifyFail'>) => act(d, i, x, 'verify-fail', { reason: x.reason }).then((t) => view(d, i, t)),
  supervise: (d: AppDeps, i: Identity, x: In<'supervise'>) => act(d, i, x, 'supervise', { note: x.note }).then((t) => view(d, i, t)),
  escalate: (d: AppDeps, i: Identity, x: In<'escalate'>) => act(d, i, x, 'escalate', { reason: x.reason, note: x.reason, level: 2 }).then((t) => view(d, i, t)),
  claim: (d: AppDeps, i: Identity, x: In<'claim'>) => act(d, i, x, 'claim', { officerName: x.officerName }).then((t) => view(d, i, t)),
  reply: (d: AppDeps, i: Identity, x: In<'reply'>) => act(d, i, x, 'reply', { reply: x.text }).then((t) => view(d, i, t)),
  mediate: (d: AppDeps, i: Identity, x: In<'mediate'>) =>
    act(d, i, x, 'mediate', { parties: x.parties, outcome: x.outcome, ...(x.agreement ? { agreement: x.agreement } : {}) }).then((t) => view(d, i, t)),
  handover: (d: AppDeps, i: Identity, x: In<'handover'>) =>
    act(d, i, x, 'handover', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason };
    }).then((t) => view(d, i, t)),
}));
