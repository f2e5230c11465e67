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
import type { Registry } from '../../../shared/jurisdictions';
import type { AppDeps } from '../context';
import { registryFor } from './county';
import { claimPhotos } from './photos';
import { advance, handoverRecipients, messagesFor, outboxFor, policyFor } from './support';
import { withRunRecipients } from './sweep-runs';

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
  /** The list versions (registryFor), when the caller started reading them with its own first reads (issue 17 §2). */
  registry?: Promise<Registry>;
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
    s.registry ?? registryFor(deps, now),
  ]);
  const decision = route({ jurisdiction: s.jurisdiction, category: s.category, estate: s.estate }, registry);
  const ids = { ticket: deps.ids.newId(), event: deps.ids.newId() };
  /** The new ticket and its submit event, numbered `no`. */
  function build(no: string): { ticket: Ticket; event: TicketEvent } {
    const draft = newTicketDraft({
      id: ids.ticket,
      no,
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
      { eventId: ids.event, seq: 1 },
      policy,
    );
    const event: TicketEvent = s.payload ? { ...moved.event, payload: { ...(moved.event.payload ?? {}), ...s.payload } } : moved.event;
    return { ticket: moved.ticket, event };
  }
  // The ticket number and the hand-over recipients are read together (issue 17 §2): who is told
  // depends on the estate and the route, not on the number. The recipients are read once for this
  // submit (withRunRecipients), so the messages of the numbered ticket need no second read.
  const once = withRunRecipients(deps);
  const unnumbered = build(formatTicketNo(s.jurisdiction, now, 1));
  const counter = ticketNoCounter(s.jurisdiction, now);
  const createNumbered = store.createNumberedTicket?.bind(store);
  if (createNumbered) {
    // The number is drawn in the create's own transaction (issue 17 §2): one commit per submit, and a
    // retry draws none. The recipients, read first, do not depend on the number; the number is the
    // ticket's `no` field only, which the messages quote.
    const recipients = await handoverRecipients(once, unnumbered.ticket, unnumbered.event);
    return createNumbered({
      counter,
      reporterUserId: s.reporter.userId,
      idempotencyKey: s.idempotencyKey,
      build: (seq) => {
        const ticket = { ...unnumbered.ticket, no: formatTicketNo(s.jurisdiction, now, seq) };
        return { ticket, event: unnumbered.event, outbox: messagesFor(deps, ticket, unnumbered.event, recipients) };
      },
    });
  }
  const [seq] = await Promise.all([store.nextSequence(counter), outboxFor(once, unnumbered.ticket, unnumbered.event)]);
  const { ticket, event } = build(formatTicketNo(s.jurisdiction, now, seq));
  const outbox = await outboxFor(once, ticket, event);
  return store.createTicket({ ticket, event, idempotencyKey: s.idempotencyKey, outbox });
}

