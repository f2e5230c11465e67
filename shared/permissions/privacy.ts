import type { Identity } from '../domain/roles';
import type { Reporter, Ticket, TicketEvent, TicketState } from '../domain/ticket';
import type { CategoryCode } from '../taxonomy/categories';
import { grantInHandlingChain, type AuthorizeOptions, type TicketScope } from './permissions';

export { maskName, maskPhone } from './mask';

/** Stands in for the reporter's user id where the viewer may not know who reported. */
export const HIDDEN_USER_ID = 'hidden';

/**
 * How much of the reporter a viewer sees:
 * - self: the reporter, everything;
 * - chain: handling chain (grid/street of the ticket, units assigned or routed, police handlers):
 *   phone and openid, to call back; an anonymous reporter's user id is hidden (no name lookup) but
 *   the phone stays, because a handler must still be able to reach the resident; openid goes too,
 *   being an identifier that handlers never need;
 * - outside: anyone else allowed to view (leadership, admin, police desk): no phone, no openid;
 *   anonymous reporters hidden;
 * - property: a property-company user never sees who reported (userId hidden, no phone, no openid).
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
  const { userId, openid, phone, anonymous } = reporter;
  switch (visibility) {
    case 'self':
      return { ...reporter };
    case 'chain':
      if (anonymous) return { userId: HIDDEN_USER_ID, anonymous, ...(phone ? { phone } : {}) };
      return { userId, anonymous, ...(openid ? { openid } : {}), ...(phone ? { phone } : {}) };
    case 'outside':
      return { userId: anonymous ? HIDDEN_USER_ID : userId, anonymous };
    case 'property':
      return { userId: HIDDEN_USER_ID, anonymous };
  }
}

/** A copy of the ticket with the reporter cut to what the viewer may see (other fields shared, not cloned). */
export function redactTicketFor(identity: Identity, ticket: Ticket, options: AuthorizeOptions = {}): Ticket {
  return { ...ticket, reporter: redactReporter(ticket.reporter, reporterVisibility(identity, ticket, options)) };
}

/** Events the reporter wrote carry their user id and name: hide them where the ticket hides the reporter. */
export function redactEventFor(identity: Identity, ticket: Ticket, event: TicketEvent, options: AuthorizeOptions = {}): TicketEvent {
  if (event.actor.userId !== ticket.reporter.userId) return event;
  const shown = redactReporter(ticket.reporter, reporterVisibility(identity, ticket, options));
  if (shown.userId !== HIDDEN_USER_ID) return event;
  return { ...event, actor: { userId: HIDDEN_USER_ID, role: event.actor.role } };
}

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
