import { SLA_STEPS, type Ticket } from '../domain/ticket';
import type { EventActor } from '../domain/ticket';
import { distanceMeters, isGeoPoint } from '../geo';
import { MEDIATION_OUTCOMES, MEDIATION_OUTCOMES_WITH_AGREEMENT, RETURN_REASON_CODES, type TransitionInput } from './actions';
import type { TicketDraft } from './draft';
import { CHECK_IN_RADIUS_METERS, type Check } from './transitions';

export interface CheckContext {
  ticket: Ticket | TicketDraft;
  actor: Pick<EventActor, 'role' | 'unitId'>;
  at: string;
  input: TransitionInput;
}

export const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** Non-blank strings, each once, in the given order. */
export function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) if (hasText(item) && !out.includes(item.trim())) out.push(item.trim());
  return out;
}

/** Distance used for the on-site check: the caller's figure, else computed when both points are known. */
export function checkInDistance(ticket: Ticket | TicketDraft, input: TransitionInput): number | undefined {
  if (typeof input.distanceMeters === 'number' && Number.isFinite(input.distanceMeters)) return input.distanceMeters;
  if (ticket.location && isGeoPoint(input.location)) return distanceMeters(ticket.location, input.location);
  return undefined;
}

export function unitsDifferFromLead(ticket: Ticket | TicketDraft, units: readonly string[]): boolean {
  const lead = new Set(ticket.route.lead.map((u) => u.id));
  const chosen = new Set(units);
  return lead.size !== chosen.size || [...chosen].some((id) => !lead.has(id));
}

export function targetEscalation(ticket: Ticket | TicketDraft, input: TransitionInput): number {
  return input.level ?? ticket.escalation + 1;
}

const isInstant = (value: unknown): value is string => hasText(value) && !Number.isNaN(Date.parse(value));

/** Each check returns true when the precondition holds. */
export const CHECKS: Readonly<Record<Check, (ctx: CheckContext) => boolean>> = {
  reason: ({ input }) => hasText(input.reason),
  note: ({ input }) => hasText(input.note),
  afterPhotos: ({ input }) => cleanList(input.photos).length >= 1,
  location: ({ input }) => isGeoPoint(input.location),
  reasonIfFar: ({ ticket, input }) => {
    const d = checkInDistance(ticket, input);
    return d === undefined || d <= CHECK_IN_RADIUS_METERS || hasText(input.reason);
  },
  units: ({ input }) => cleanList(input.units).length >= 1,
  reasonIfUnitsDiffer: ({ ticket, input }) => !unitsDifferFromLead(ticket, cleanList(input.units)) || hasText(input.reason),
  officerName: ({ input }) => hasText(input.officerName),
  duplicateOf: ({ input }) => hasText(input.duplicateOf),
  notSelfDuplicate: ({ ticket, input }) => input.duplicateOf?.trim() !== ticket.id,
  reasonCode: ({ input }) => (RETURN_REASON_CODES as readonly unknown[]).includes(input.reasonCode),
  until: ({ at, input }) => isInstant(input.until) && isInstant(at) && Date.parse(input.until) > Date.parse(at),
  withinWindow: ({ input }) => input.withinWindow === true,
  rating: ({ input }) =>
    typeof input.score === 'number' && Number.isInteger(input.score) && input.score >= 1 && input.score <= 5 && typeof input.fixed === 'boolean',
  step: ({ input }) => (SLA_STEPS as readonly unknown[]).includes(input.step),
  replyText: ({ input }) => hasText(input.reply),
  mediation: ({ input }) =>
    cleanList(input.parties).length >= 1 &&
    (MEDIATION_OUTCOMES as readonly unknown[]).includes(input.outcome) &&
    (!MEDIATION_OUTCOMES_WITH_AGREEMENT.includes(input.outcome as never) || hasText(input.agreement)),
  notAppealed: ({ ticket }) => !ticket.appealed,
  notRated: ({ ticket }) => ticket.rating === null,
  pendingExtension: ({ ticket }) => ticket.pendingExtension !== null,
  noPendingExtension: ({ ticket }) => ticket.pendingExtension === null,
  canEscalate: ({ ticket, input }) => {
    const target = targetEscalation(ticket, input);
    return target > ticket.escalation && target <= 2;
  },
  actorUnit: ({ actor }) => hasText(actor.unitId),
  assignedUnit: ({ ticket, actor }) => actor.unitId !== undefined && ticket.assignedUnits.includes(actor.unitId),
  unitNotAcknowledged: ({ ticket, actor }) => actor.unitId === undefined || !ticket.acknowledgedUnits.includes(actor.unitId),
  unitAcknowledged: ({ ticket, actor }) => actor.unitId !== undefined && ticket.acknowledgedUnits.includes(actor.unitId),
  resolvingUnitOnReopen: ({ ticket, actor }) => ticket.state !== 'reopened' || (ticket.resolvedBy !== null && ticket.resolvedBy === actor.unitId),
};
