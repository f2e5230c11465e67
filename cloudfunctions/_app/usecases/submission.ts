/**
 * Creating a ticket from a report: one path for the mini-program (usecases/report.ts) and Open311.
 */
import type { Estate } from '../../../shared/domain/directory';
import { formatTicketNo, ticketNoCounter } from '../../../shared/domain/ticket-no';
import type { GeoPoint, Reporter, Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { newTicketDraft } from '../../../shared/lifecycle/draft';
import { route, ticketRoute } from '../../../shared/routing/route';
import { priorityOf } from '../../../shared/sla/deadlines';
import type { CategoryCode } from '../../../shared/taxonomy/categories';
import type { AppDeps } from '../context';
import { registryFor } from './county';
import { claimPhotos } from './photos';
import { advance, outboxFor, policyFor } from './support';

export interface RoutedSubmission {
  jurisdiction: string;
  category: CategoryCode;
  /** Null: routed at jurisdiction level, waiting for a street officer or the office to place it. */
  estate: Estate | null;
  description: string;
  photos: string[];
  location: GeoPoint | null;
  reporter: Reporter;
  idempotencyKey: string;
  actorName?: string;
  photosPublic?: boolean;
  /** Recorded on the submit event (e.g. the Open311 source, media_url, address_string). */
  payload?: Record<string, unknown>;
}

/**
 * Routes and stores a new report the way the report use case does (routing by the responsibility
 * list, the estate's grid, ticket number, lifecycle submit + SLA, hand-over outbox), idempotent per
 * (reporter, idempotencyKey). Limits and content checks are the caller's.
 */
export async function submitRouted(deps: AppDeps, s: RoutedSubmission): Promise<{ ticket: Ticket; created: boolean }> {
  const { store } = deps;
  // Before anything is written (the ticket number too): every photo must be the reporter's own upload
  // (FILE.UNKNOWN / FILE.NOT_OWNED). The grid and the SLA policy are read alongside (issue 17).
  // The list version effective now routes it (issue 19), read alongside.
  const now = deps.clock.now();
  const [, grids, policy, registry] = await Promise.all([
    claimPhotos(deps, s.reporter.userId, s.photos),
    s.estate ? store.listGrids({ estateId: s.estate.id }) : Promise.resolve([]),
    policyFor(deps, s.jurisdiction),
    registryFor(deps, now),
  ]);
  const decision = route({ jurisdiction: s.jurisdiction, category: s.category, estate: s.estate }, registry);
  const seq = await store.nextSequence(ticketNoCounter(s.jurisdiction, now));
  const draft = newTicketDraft({
    id: deps.ids.newId(),
    no: formatTicketNo(s.jurisdiction, now, seq),
    jurisdiction: s.jurisdiction,
    estateId: s.estate?.id ?? null,
    streetId: s.estate?.townshipId ?? null,
    gridId: grids[0]?.id ?? null,
    propertyCompanyId: s.estate?.propertyCompanyId ?? null,
    category: s.category,
    priority: priorityOf(s.category),
    description: s.description,
    photos: s.photos,
    location: s.location ?? s.estate?.location ?? null,
    reporter: s.reporter,
    route: ticketRoute(decision),
  });
  const moved = advance(
    { ...draft, photosPublic: s.photosPublic ?? false },
    { action: 'submit', actor: { userId: s.reporter.userId, role: 'resident', ...(s.actorName ? { name: s.actorName } : {}) }, at: now },
    { eventId: deps.ids.newId(), seq: 1 },
    policy,
  );
  const event: TicketEvent = s.payload ? { ...moved.event, payload: { ...(moved.event.payload ?? {}), ...s.payload } } : moved.event;
  const outbox = await outboxFor(deps, moved.ticket, event);
  return store.createTicket({ ticket: moved.ticket, event, idempotencyKey: s.idempotencyKey, outbox });
}

