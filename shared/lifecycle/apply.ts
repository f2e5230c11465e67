import type { Role } from '../domain/roles';
import type { EventActor, Rating, Ticket, TicketEvent, TicketState } from '../domain/ticket';
import { isGeoPoint } from '../geo';
import { maskName } from '../permissions/mask';
import { isLifecycleAction, type InputField, type LifecycleAction, type TransitionInput } from './actions';
import { CHECKS, checkInDistance, cleanList, hasText, targetEscalation, type CheckContext } from './checks';
import { isDraft, type TicketDraft } from './draft';
import { ticketError } from './errors';
import { holderFor } from './holder';
import { lastReplyOf } from './latest-reply';
import { CHECK_INFO, TRANSITION_RULES, TRANSITIONS, type TransitionRule } from './transitions';

export interface TransitionCommand {
  action: LifecycleAction;
  actor: EventActor;
  /** ISO instant of the action (the use case's clock). */
  at: string;
  input?: TransitionInput;
}

export interface EventIds {
  eventId: string;
  /** 1-based position of the new event in the ticket's history. */
  seq: number;
}

export interface TransitionResult {
  ticket: Ticket;
  event: TicketEvent;
}

/** Throws TICKET.VERSION_CONFLICT when the client acted on a stale copy (optimistic concurrency). */
export function checkVersion(ticket: Pick<Ticket, 'version'>, expectedVersion: number): void {
  if (ticket.version !== expectedVersion) {
    throw ticketError('TICKET.VERSION_CONFLICT', { expected: expectedVersion, actual: ticket.version });
  }
}

function assertAllowed(rule: TransitionRule, ctx: CheckContext): void {
  if (!rule.from.includes(ctx.ticket.state)) {
    throw ticketError('TICKET.INVALID_TRANSITION', { action: rule.action, state: ctx.ticket.state });
  }
  if (!rule.roles.includes(ctx.actor.role)) {
    throw ticketError('TICKET.FORBIDDEN_ROLE', { action: rule.action, role: ctx.actor.role });
  }
  for (const check of rule.requires) {
    if (!CHECKS[check](ctx)) throw ticketError(CHECK_INFO[check].code, { action: rule.action, check });
  }
}

const trimmed = (value: string | undefined): string | undefined => (hasText(value) ? value.trim() : undefined);

/** The action's inputs as recorded on the event; note, photos and location have their own event fields. */
function payloadOf(rule: TransitionRule, input: TransitionInput): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const own: readonly InputField[] = ['note', 'photos', 'location'];
  for (const field of rule.inputs) {
    if (own.includes(field)) continue;
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (field === 'units') payload.units = cleanList(value);
    else if (field === 'parties') payload.parties = cleanList(value).map(maskName);
    else if (typeof value === 'string') {
      if (hasText(value)) payload[field] = value.trim();
    } else payload[field] = value;
  }
  return payload;
}

function add(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}

/**
 * Applies one lifecycle action. Pure: checks state, role and the action's requirements (throwing a
 * DomainError), and returns the next ticket (version + 1, updatedAt = at) and the event to append.
 * Deadlines are left as they are: the use case applies the SLA afterwards.
 */
export function applyTransition(ticket: Ticket | TicketDraft, cmd: TransitionCommand, ids: EventIds): TransitionResult {
  if (!isLifecycleAction(cmd.action)) throw ticketError('TICKET.INVALID_TRANSITION', { action: cmd.action });
  const rule = TRANSITIONS[cmd.action];
  const input = cmd.input ?? {};
  const { actor, at } = cmd;
  assertAllowed(rule, { ticket, actor, at, input });

  const from: TicketState | null = ticket.state;
  const to: TicketState = rule.to === 'same' ? (from as TicketState) : rule.to;
  const base: Ticket = isDraft(ticket)
    ? { ...ticket, state: to, version: 1, createdAt: at, updatedAt: at }
    : { ...ticket, state: to, version: ticket.version + 1, updatedAt: at };
  const unitId = actor.unitId;
  const payload = payloadOf(rule, input);
  const units = cleanList(input.units);
  const photos = cleanList(input.photos);
  let next: Ticket = base;

  switch (rule.action) {
    case 'appeal':
      next = { ...base, appealed: true };
      break;
    case 'merge':
      next = { ...base, mergedInto: (input.duplicateOf ?? '').trim() };
      break;
    case 'handle':
      payload.handledBy = actor.role;
      break;
    case 'arrive': {
      const distance = checkInDistance(ticket, input);
      if (distance !== undefined) payload.distanceMeters = Math.round(distance);
      break;
    }
    case 'settle': {
      // The grid worker closes the case itself: no unit resolved it, so a reopen comes back to the grid.
      const distance = checkInDistance(ticket, input);
      if (distance !== undefined) payload.distanceMeters = Math.round(distance);
      next = { ...base, afterPhotos: photos, resolvedBy: null, pendingExtension: null };
      break;
    }
    case 'whistle':
    case 'reroute':
    case 'handover':
      payload.previousUnits = [...ticket.assignedUnits];
      next = {
        ...base,
        assignedUnits: units,
        acknowledgedUnits: [],
        pendingExtension: null,
        ...(rule.action === 'reroute' && input.route ? { route: input.route } : {}),
      };
      break;
    case 'acknowledge':
      next = { ...base, acknowledgedUnits: add(ticket.acknowledgedUnits, unitId as string) };
      break;
    case 'resolve':
      next = { ...base, resolvedBy: unitId as string, afterPhotos: photos, pendingExtension: null };
      break;
    case 'return':
      next = { ...base, pendingExtension: null };
      break;
    case 'request-extension':
      next = {
        ...base,
        pendingExtension: { unitId: unitId as string, until: (input.until ?? '').trim(), reason: (input.reason ?? '').trim(), requestedAt: at },
      };
      break;
    case 'approve-extension':
    case 'refuse-extension':
      // The use case moves the resolve deadline from the approved request recorded here.
      payload.extension = ticket.pendingExtension;
      next = { ...base, pendingExtension: null };
      break;
    case 'verify-fail':
    case 'reopen':
      // Shown after-photos belong to a fix that did not hold; the events keep them.
      next = { ...base, afterPhotos: [], closedAt: null };
      break;
    case 'confirm':
    case 'auto-close':
      next = { ...base, closedAt: at };
      break;
    case 'rate': {
      const comment = trimmed(input.comment);
      const rating: Rating = { score: input.score as Rating['score'], fixed: input.fixed as boolean, at, ...(comment ? { comment } : {}) };
      next = { ...base, rating };
      break;
    }
    case 'escalate': {
      const level = targetEscalation(ticket, input) as 1 | 2;
      payload.level = level;
      next = { ...base, escalation: level };
      break;
    }
    case 'claim':
      next = {
        ...base,
        claimedBy: unitId as string,
        assignedUnits: add(ticket.assignedUnits, unitId as string),
        acknowledgedUnits: add(ticket.acknowledgedUnits, unitId as string),
      };
      break;
    default:
      break;
  }
  if (unitId && (actor.role === 'department' || actor.role === 'police')) payload.unitId = unitId;

  if (rule.to !== 'same') {
    next = {
      ...next,
      holder:
        rule.action === 'verify-fail' && ticket.resolvedBy
          ? { kind: 'units', ids: [ticket.resolvedBy] } // back to the unit whose fix failed
          : holderFor(next),
    };
  }

  const note = rule.action === 'submit' ? trimmed(ticket.description) : (trimmed(input.note) ?? trimmed(input.reason) ?? trimmed(input.reply));
  const eventPhotos = rule.action === 'submit' ? cleanList(ticket.photos) : rule.inputs.includes('photos') ? photos : [];
  const location = rule.action === 'submit' ? ticket.location : rule.inputs.includes('location') && isGeoPoint(input.location) ? input.location : null;
  const event: TicketEvent = {
    id: ids.eventId,
    ticketId: ticket.id,
    seq: ids.seq,
    at,
    actor: { ...actor },
    action: rule.action,
    from,
    to,
    ...(note ? { note } : {}),
    ...(eventPhotos.length > 0 ? { photos: eventPhotos } : {}),
    ...(location ? { location: { lat: location.lat, lng: location.lng } } : {}),
    ...(Object.keys(payload).length > 0 ? { payload } : {}),
  };
  // A reply is kept on the ticket in the same write as its event (issue 18: queue rows show it).
  const reply = lastReplyOf(event, next);
  return { ticket: reply ? { ...next, lastReply: reply } : next, event };
}

/**
 * Actions a role may take on the ticket now, for UIs. Checks that need the action's input are not
 * evaluated (e.g. reopen is listed even when the reopen window has closed: the caller knows the
 * window); unit checks are evaluated only when `unitId` is given.
 */
export function allowedActions(ticket: Ticket | TicketDraft, role: Role | 'system', opts: { unitId?: string } = {}): LifecycleAction[] {
  const ctx: CheckContext = { ticket, actor: { role, ...(opts.unitId ? { unitId: opts.unitId } : {}) }, at: isDraft(ticket) ? '' : ticket.updatedAt, input: {} };
  return TRANSITION_RULES.filter(
    (rule) =>
      rule.from.includes(ticket.state) &&
      rule.roles.includes(role) &&
      rule.requires.every((check) => {
        const needs = CHECK_INFO[check].needs;
        if (needs === 'ticket') return CHECKS[check](ctx);
        if (needs === 'unit') return opts.unitId === undefined || CHECKS[check](ctx);
        return true;
      }),
  ).map((rule) => rule.action);
}
