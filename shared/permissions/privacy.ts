import type { Identity } from '../domain/roles';
import type { Holder, Reporter, Ticket, TicketEvent, TicketState } from '../domain/ticket';
import { CATEGORIES, type CategoryCode } from '../taxonomy/categories';
import { grantInHandlingChain, isPropertyConduct, type AuthorizeOptions, type TicketScope } from './permissions';

import { maskPersonalNumbers } from './mask';

export { maskName, maskPersonalNumbers, maskPhone } from './mask';

/** Stands in for a resident's user id wherever the viewer is not that resident. */
export const HIDDEN_USER_ID = 'hidden';

/** How a timeline names the ticket's reporter to anyone else (the role label, 居民, says it all). */
export const RESIDENT_LABEL = '居民';
/** How a timeline names any other resident (a "me too") to anyone but themself. */
export const OTHER_RESIDENT_LABEL = '另一位居民';

/**
 * How much of the reporter a viewer sees. A resident's user id and openid are the resident's own:
 * no one else is ever shown them (DESIGN.md §7), so every visibility but `self` hides the user id and
 * drops the openid; they differ in the phone only.
 * - self: the reporter, everything but the openid (the user record keeps it, not the ticket);
 * - chain: handling chain (grid/street of the ticket, units assigned or routed, police handlers):
 *   the phone, to call back (also for an anonymous report: a handler must still reach the resident);
 * - outside: anyone else allowed to view (leadership, admin, police desk): no phone;
 * - property: a property-company user never learns anything of who reported.
 */
export type ReporterVisibility = 'self' | 'chain' | 'outside' | 'property';

export function reporterVisibility(identity: Identity, ticket: TicketScope, options: AuthorizeOptions = {}): ReporterVisibility {
  if (ticket.reporter.userId === identity.userId) return 'self';
  // Any property grant wins over other grants: the company must never learn who complained.
  if (identity.grants.some((g) => g.role === 'property')) return 'property';
  if (identity.grants.some((g) => grantInHandlingChain(g, ticket, options))) return 'chain';
  return 'outside';
}

export function redactReporter(reporter: Reporter, visibility: ReporterVisibility): Reporter {
  const { userId, phone, anonymous } = reporter;
  switch (visibility) {
    case 'self':
      return { userId, anonymous, ...(phone ? { phone } : {}) };
    case 'chain':
      return { userId: HIDDEN_USER_ID, anonymous, ...(phone ? { phone } : {}) };
    case 'outside':
    case 'property':
      return { userId: HIDDEN_USER_ID, anonymous };
  }
}

/**
 * Who holds the ticket, as anyone but the reporter may see it: a ticket waiting on the resident
 * (holder kind 'resident', whose ids are the reporter's user id) names no one.
 */
export function redactHolder(holder: Holder, self = false): Holder {
  return holder.kind === 'resident' && !self ? { kind: 'resident', ids: holder.ids.map(() => HIDDEN_USER_ID) } : holder;
}

/** A copy of the ticket with the reporter cut to what the viewer may see (other fields shared, not cloned). */
export function redactTicketFor(identity: Identity, ticket: Ticket, options: AuthorizeOptions = {}): Ticket {
  const visibility = reporterVisibility(identity, ticket, options);
  return { ...ticket, reporter: redactReporter(ticket.reporter, visibility), holder: redactHolder(ticket.holder, visibility === 'self') };
}

/**
 * An event as the viewer may see its actor. A resident actor (the reporter, a "me too", a share) is
 * shown as themself only to that resident; anyone else sees no user id and no name: the reporter as
 * 居民 (the role label) and any other resident as 另一位居民. A staff member who reported the ticket
 * is hidden like a reporter wherever the viewer may not know who reported (a property company, an
 * anonymous report). Staff actors are left as they are.
 */
export function redactEventFor(identity: Identity, ticket: Ticket, event: TicketEvent, options: AuthorizeOptions = {}): TicketEvent {
  const { actor } = event;
  if (actor.userId === identity.userId) return event;
  const byReporter = actor.userId === ticket.reporter.userId;
  if (actor.role === 'resident') {
    return { ...event, actor: { userId: HIDDEN_USER_ID, role: 'resident', ...(byReporter ? {} : { name: OTHER_RESIDENT_LABEL }) } };
  }
  if (!byReporter) return event;
  const visibility = reporterVisibility(identity, ticket, options);
  if (visibility !== 'property' && !ticket.reporter.anonymous) return event;
  return { ...event, actor: { userId: HIDDEN_USER_ID, role: actor.role } };
}

/**
 * Complaints about a property company's own conduct (the categories of the property-company rule,
 * isPropertyConduct) never reach a surface anyone may read without signing in: nearby tickets, the
 * share card, Open311 GET. The company would read them there; the handling chain sees them as usual.
 */
export function shownInPublic(ticket: Pick<TicketScope, 'category'>): boolean {
  return !isPropertyConduct(ticket);
}

/** The categories shownInPublic lets through, for queries that list public tickets. */
export const PUBLIC_CATEGORIES: readonly CategoryCode[] = CATEGORIES.map((c) => c.code).filter((category) => shownInPublic({ category }));

/** What an owner-group share card shows: nothing personal, photos only when the reporter allowed it. */
export interface PublicTicketView {
  category: CategoryCode;
  state: TicketState;
  estateId: string | null;
  createdAt: string;
  updatedAt: string;
  photos: string[];
  meToo: number;
}

export function publicView(ticket: Ticket, opts: { photosAllowed: boolean }): PublicTicketView {
  return {
    category: ticket.category,
    state: ticket.state,
    estateId: ticket.estateId,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    photos: opts.photosAllowed ? [...ticket.photos] : [],
    meToo: ticket.meToo,
  };
}

/** What the share card of a closed ticket adds (issue 18 §3): how it ended, for the neighbours who saw it reported. */
export interface ClosedPublicView {
  /** The reporter's description, personal numbers masked; only when the reporter allowed the public view. */
  description?: string;
  /** The 办结说明 of the last resolve or on-site settle, personal numbers masked. */
  resolution?: string;
  /** The handling staff's after-photos. */
  afterPhotos?: string[];
}

const FIX_ACTIONS: readonly string[] = ['resolve', 'settle'];

/**
 * The closed ticket's description, fix and after-photos for the share card; nothing while the ticket
 * is open. The description is the resident's own words, so it is shown only with the consent they
 * gave on the report page (photosPublic: 允许在业主群公示照片和问题描述). The fix and the after-photos
 * are the staff's record of the work. Callers apply shownInPublic first.
 */
export function closedPublicView(ticket: Pick<Ticket, 'state' | 'description' | 'afterPhotos' | 'photosPublic'>, events: readonly TicketEvent[]): ClosedPublicView {
  if (ticket.state !== 'closed') return {};
  const fix = [...events].sort((a, b) => b.seq - a.seq).find((e) => FIX_ACTIONS.includes(e.action) && typeof e.note === 'string' && e.note.trim());
  return {
    ...(ticket.photosPublic === true && ticket.description.trim() ? { description: maskPersonalNumbers(ticket.description) } : {}),
    ...(fix?.note ? { resolution: maskPersonalNumbers(fix.note.trim()) } : {}),
    ...(ticket.afterPhotos.length ? { afterPhotos: [...ticket.afterPhotos] } : {}),
  };
}
