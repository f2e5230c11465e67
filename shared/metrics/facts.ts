/**
 * Per-ticket facts for the metrics: what happened when, read from the ticket and its events.
 * The definitions these facts serve are documented in definitions.ts.
 */
import type { Deadline, SlaStep, Ticket, TicketEvent, TicketState } from '../domain/ticket';
import { coordinatingIn } from '../routing/route';
import { instantMs } from './instant';

/** One timed step (报到 or 办结) of a ticket or of one unit. Instants in epoch milliseconds. */
export interface StepFact {
  /** When the clock started (whistle, or submit); null if unknown. */
  startAt: number | null;
  /** When the step was first done; null if not done. */
  doneAt: number | null;
  /** The deadline in force; null when the ticket has none for the step. */
  due: number | null;
  /** Left out of the rate although its deadline passed (returned in time; rejected/merged). */
  excused: boolean;
}

export type Verdict = 'on-time' | 'late' | 'missed' | 'pending' | 'excluded';

export interface RatingFact {
  fixed: boolean;
  score: number;
}

export interface TicketFacts {
  ticket: Ticket;
  whistled: boolean;
  /** Ticket-level 报到: first whistle → first acknowledge of any unit. Null when not whistled. */
  ack: StepFact | null;
  /** Per handling unit whistled to (whistle, reroute and handover payloads, or a police claim), in first-whistled order; coordinating units are left out. */
  unitAcks: ReadonlyMap<string, StepFact>;
  /**
   * The units that took part in the resolution, per the events: a unit that reported in (报到 or a
   * police claim), arrived or resolved, unless it then gave the ticket back (退单, or a police
   * hand-over) without acting again. Only they are credited with 解决率, 满意率 and 按时办结率.
   */
  participants: readonly string[];
  /** Submit → first resolve/settle. */
  resolve: StepFact;
  /** The latest rating: Ticket.rating, else the last valid 'rate' event. */
  rating: RatingFact | null;
  reopened: boolean;
  overdueOpen: boolean;
}

/** States in which the ticket will not be handled further. */
const VOID_STATES: ReadonlySet<TicketState> = new Set(['rejected', 'merged']);
/** States that are not open. */
const FINISHED_STATES: ReadonlySet<TicketState> = new Set(['closed', 'rejected', 'merged']);

/** Whether a step counts towards its rate, and how. `pending`: not done, deadline not yet passed. */
export function judge(step: StepFact, now: number): Verdict {
  if (step.due === null) return 'excluded';
  if (step.doneAt !== null) return step.doneAt <= step.due ? 'on-time' : 'late';
  if (step.excused) return 'excluded';
  return step.due < now ? 'missed' : 'pending';
}

/** Minutes from start to done; null when either is unknown or the span is negative. */
export function stepMinutes(step: StepFact): number | null {
  if (step.startAt === null || step.doneAt === null || step.doneAt < step.startAt) return null;
  return (step.doneAt - step.startAt) / 60_000;
}

/** The deadline in force for a step: the last entry for it. */
export function deadlineInForce(deadlines: readonly Deadline[], step: SlaStep): Deadline | undefined {
  for (let i = deadlines.length - 1; i >= 0; i -= 1) {
    const d = deadlines[i];
    if (d && d.step === step) return d;
  }
  return undefined;
}

/** Events in history order (seq, then time). */
export function historyOrder(events: readonly TicketEvent[]): TicketEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq || instantMs(a.at) - instantMs(b.at));
}

function payloadUnits(event: TicketEvent): string[] | null {
  const units = event.payload?.units;
  if (!Array.isArray(units) || units.length === 0) return null;
  return units.filter((u): u is string => typeof u === 'string' && u !== '');
}

function payloadRating(event: TicketEvent): RatingFact | null {
  const fixed = event.payload?.fixed;
  const score = event.payload?.score;
  if (typeof fixed !== 'boolean' || typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    return null;
  }
  return { fixed, score };
}

/** 'confirm' is the resident's window, never a staff duty (as in sla/overdue.ts): it is not counted. */
function isOverdue(d: Deadline, now: number): boolean {
  if (d.step === 'confirm') return false;
  return d.overdueAt !== undefined || (d.metAt === undefined && instantMs(d.due) < now);
}

/** The facts that do not depend on the time of the report: everything but overdueOpen. */
export type EventFacts = Omit<TicketFacts, 'overdueOpen'>;

/** Whether an open ticket (deadlines given) has a deadline overdue at `now`; false for a finished one (null). */
export function overdueOpenAt(openDeadlines: readonly Deadline[] | null, now: number): boolean {
  return openDeadlines !== null && openDeadlines.some((d) => isOverdue(d, now));
}

/** Deadlines of an open ticket; null once it is closed, rejected or merged. */
export function openDeadlinesOf(ticket: Ticket): Deadline[] | null {
  return FINISHED_STATES.has(ticket.state) ? null : ticket.deadlines;
}

/** Whether a unit of this ticket coordinates (no 报到 clock) rather than handles: see coordinatingIn. */
export function coordinatingUnits(ticket: Ticket): (unitId: string) => boolean {
  return coordinatingIn(ticket.route);
}

/**
 * Facts of one ticket at `now` (epoch ms). `events` are this ticket's events, in any order.
 */
export function ticketFacts(ticket: Ticket, events: readonly TicketEvent[], now: number): TicketFacts {
  return { ...eventFacts(ticket, events), overdueOpen: overdueOpenAt(openDeadlinesOf(ticket), now) };
}

/** ticketFacts without overdueOpen: a function of the ticket and its events alone. */
export function eventFacts(ticket: Ticket, events: readonly TicketEvent[]): EventFacts {
  const history = historyOrder(events);
  const isVoid = VOID_STATES.has(ticket.state);
  const coordinating = coordinatingUnits(ticket);

  let submitAt: number | null = null;
  let firstWhistleAt: number | null = null;
  let firstAckAt: number | null = null;
  let firstResolveAt: number | null = null;
  let lastRated: RatingFact | null = null;
  let reopened = false;
  const dispatchedAt = new Map<string, number>();
  const unitAckAt = new Map<string, number>();
  const unitReturnAt = new Map<string, number>();
  /** Unit → whether it takes part now (set by its 报到/到场/办结, cleared by its 退单/hand-over). */
  const taking = new Map<string, boolean>();

  for (const e of history) {
    const at = instantMs(e.at);
    const unit = e.actor.unitId;
    switch (e.action) {
      case 'submit':
        submitAt ??= at;
        break;
      case 'whistle':
      case 'reroute':
      case 'handover': {
        if (e.action === 'whistle') firstWhistleAt ??= at;
        // A police unit handing the ticket over gives it away, as a 退单 does.
        if (e.action === 'handover' && unit) taking.set(unit, false);
        for (const u of payloadUnits(e) ?? ticket.assignedUnits) {
          if (!dispatchedAt.has(u)) dispatchedAt.set(u, at);
        }
        break;
      }
      case 'acknowledge':
      case 'claim': // a police unit claiming a ticket reports in by doing so
        // A coordinating unit's acknowledgement is not the ticket's 报到: a handling unit's is.
        if (!unit || !coordinating(unit)) firstAckAt ??= at;
        if (unit && !unitAckAt.has(unit)) unitAckAt.set(unit, at);
        // A claim dispatches the ticket to the claiming unit (it reports in at once).
        if (unit && e.action === 'claim' && !dispatchedAt.has(unit)) dispatchedAt.set(unit, at);
        if (unit) taking.set(unit, true);
        break;
      case 'arrive':
        if (unit) taking.set(unit, true);
        break;
      case 'return':
        if (unit && !unitReturnAt.has(unit)) unitReturnAt.set(unit, at);
        if (unit) taking.set(unit, false);
        break;
      case 'resolve':
      case 'settle':
        firstResolveAt ??= at;
        if (e.action === 'resolve' && unit) taking.set(unit, true);
        break;
      case 'rate':
        lastRated = payloadRating(e) ?? lastRated;
        break;
      case 'reopen':
        reopened = true;
        break;
      default:
        break;
    }
  }

  const ackDeadline = deadlineInForce(ticket.deadlines, 'ack');
  const ackDue = ackDeadline ? instantMs(ackDeadline.due) : null;

  // Only handling units carry the 报到 clock: coordinating units get no 报到 fact (no 响应率, no ack time).
  const unitAcks = new Map<string, StepFact>();
  for (const [unit, startAt] of dispatchedAt) {
    if (coordinating(unit)) continue;
    const doneAt = unitAckAt.get(unit) ?? null;
    const returnedAt = unitReturnAt.get(unit);
    const returnedInTime = ackDue !== null && returnedAt !== undefined && returnedAt <= ackDue;
    unitAcks.set(unit, { startAt, doneAt, due: ackDue, excused: isVoid || returnedInTime });
  }

  const whistled = firstWhistleAt !== null;
  const everyUnitExcused = unitAcks.size > 0 && [...unitAcks.values()].every((f) => f.excused);
  // Whistled to coordinating units only: nobody owed a 报到, so the ticket is left out of 响应率.
  const onlyCoordinating = dispatchedAt.size > 0 && unitAcks.size === 0;
  const ack: StepFact | null = whistled
    ? { startAt: firstWhistleAt, doneAt: firstAckAt, due: ackDue, excused: isVoid || everyUnitExcused || onlyCoordinating }
    : null;

  const resolveDeadline = deadlineInForce(ticket.deadlines, 'resolve');
  const resolve: StepFact = {
    startAt: submitAt ?? instantMs(ticket.createdAt),
    doneAt: firstResolveAt,
    due: resolveDeadline ? instantMs(resolveDeadline.due) : null,
    excused: isVoid,
  };

  const rating: RatingFact | null = ticket.rating ? { fixed: ticket.rating.fixed, score: ticket.rating.score } : lastRated;

  const participants = [...taking].filter(([, on]) => on).map(([u]) => u);

  return { ticket, whistled, ack, unitAcks, participants, resolve, rating, reopened };
}

/**
 * What the metrics need of one ticket whatever the time of the report: its EventFacts and the ticket
 * fields that the groupings and overdueOpen read. A function of the ticket and its events alone, so
 * a store can keep it with the ticket, rewritten at each transition (issue 8): the monthly bulletin
 * then reads one small record per ticket instead of every document and event of the month.
 * Plain JSON (instants of the step facts in epoch ms).
 */
export interface TicketFactsRecord {
  ticketId: string;
  /** The ticket number, for the lists of a unit's 未报到 tickets (records written before it: absent). */
  no?: string;
  jurisdiction: string;
  createdAt: string;
  streetId: string | null;
  category: string;
  /** Deadlines of an open ticket, for overdueOpen at the time of the report; null once finished. */
  openDeadlines: Deadline[] | null;
  whistled: boolean;
  ack: StepFact | null;
  /** Per unit whistled to, in first-whistled order. */
  unitAcks: Array<[unitId: string, fact: StepFact]>;
  /** The units that took part in the resolution (records written before it: absent, see participantsOf). */
  participants?: string[];
  resolve: StepFact;
  rating: RatingFact | null;
  reopened: boolean;
  /** The names the ticket's route gives its units (lead, then co-responsible): reports name units by them. */
  unitNames: Array<[unitId: string, name: string]>;
}

/** The record of a ticket at its current version (`events`: all its events, in any order). */
export function factsRecord(ticket: Ticket, events: readonly TicketEvent[]): TicketFactsRecord {
  const f = eventFacts(ticket, events);
  const names = new Map<string, string>();
  for (const u of [...ticket.route.lead, ...ticket.route.responsible]) if (!names.has(u.id)) names.set(u.id, u.name);
  return {
    ticketId: ticket.id,
    no: ticket.no,
    jurisdiction: ticket.jurisdiction,
    createdAt: ticket.createdAt,
    streetId: ticket.streetId,
    category: ticket.category,
    openDeadlines: openDeadlinesOf(ticket),
    whistled: f.whistled,
    ack: f.ack,
    unitAcks: [...f.unitAcks],
    participants: [...f.participants],
    resolve: f.resolve,
    rating: f.rating,
    reopened: f.reopened,
    unitNames: [...names],
  };
}
