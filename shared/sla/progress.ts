/**
 * How each lifecycle event moves a ticket's deadlines (DESIGN.md §6), and when the sweep must next
 * look at it. Applied by the use cases after shared/lifecycle's applyTransition, so that the state
 * machine and the SLA stay separate rules.
 */
import type { Deadline, SlaStep, Ticket, TicketEvent } from '../domain/ticket';
import { coordinatingIn } from '../routing/route';
import { instantMs, toUtcIso } from './calendar';
import { applyExtension, confirmDeadline, deadlineFor, deadlinesOnSubmit, deadlinesOnWhistle, markMet } from './deadlines';
import { markOverdue } from './overdue';
import { addSpan, slaFor, type SlaPolicy } from './policy';

const OPEN_STATES = new Set<Ticket['state']>(['submitted', 'accepted', 'handling', 'whistled', 'acknowledged', 'on_site', 'resolved', 'verified', 'reopened', 'returned']);

export function isOpen(ticket: Pick<Ticket, 'state'>): boolean {
  return OPEN_STATES.has(ticket.state);
}

/**
 * The handling units of the current dispatch that have not reported in (报到): coordinating units
 * (a 人民政府) carry no 报到 clock and never owe it; sent to coordinating units only, none owes it.
 */
export function unitsOwingAck(ticket: Pick<Ticket, 'assignedUnits' | 'acknowledgedUnits' | 'route'>): string[] {
  const coordinating = coordinatingIn(ticket.route);
  return ticket.assignedUnits.filter((u) => !coordinating(u) && !ticket.acknowledgedUnits.includes(u));
}

/** Drops the unmet deadlines of these steps (a new dispatch or a reopen replaces them). */
function dropOpen(list: readonly Deadline[], steps: readonly SlaStep[]): Deadline[] {
  return list.filter((d) => !(steps.includes(d.step) && d.metAt === undefined));
}

function metAll(list: readonly Deadline[], steps: readonly SlaStep[], at: string): Deadline[] {
  return steps.reduce((acc, step) => markMet(acc, step, at), [...list]);
}

/** The deadlines after an event. `ticket` is the state after the transition. */
export function deadlinesAfter(ticket: Ticket, event: TicketEvent, policy: SlaPolicy): Deadline[] {
  const at = event.at;
  const list = ticket.deadlines;
  const p = ticket.priority;
  const c = ticket.category;
  switch (event.action) {
    case 'submit':
      return deadlinesOnSubmit(p, at, policy, c);
    case 'appeal':
      return [...dropOpen(list, ['triage']), ...deadlinesOnSubmit(p, at, policy, c)];
    case 'accept':
    case 'reject':
    case 'merge':
    case 'handle':
      return markMet(list, 'triage', at);
    case 'whistle':
    case 'reroute':
    case 'handover': {
      // A (re)dispatch starts the units' clock afresh: 报到, on site, resolve from now. Only handling
      // units carry the 报到 clock: sent to coordinating units only (a 人民政府), there is no 报到 due.
      const coordinating = coordinatingIn(ticket.route);
      const onlyCoordinating = ticket.assignedUnits.length > 0 && ticket.assignedUnits.every(coordinating);
      const fresh = deadlinesOnWhistle(p, at, policy, c).filter((d) => !(onlyCoordinating && d.step === 'ack'));
      return [...dropOpen(markMet(list, 'triage', at), ['ack', 'arrive', 'resolve']), ...fresh];
    }
    case 'acknowledge':
    case 'claim': {
      // A coordinating unit's acknowledgement does not stop the handling units' 报到 clock.
      const unitId = event.actor.unitId;
      if (event.action === 'acknowledge' && unitId && coordinatingIn(ticket.route)(unitId)) return markMet(list, 'triage', at);
      const met = markMet(list, 'triage', at);
      // The 报到 deadline is met once every handling unit whistled to has reported in: until then the
      // units still owing it are marked overdue and 督办'd on their own by the sweep (sweep.ts).
      if (met.some((d) => d.step === 'ack')) return unitsOwingAck(ticket).some((u) => u !== unitId) ? met : markMet(met, 'ack', at);
      // A claim from the group desk dispatches and reports in at once.
      return metAll([...met, ...deadlinesOnWhistle(p, at, policy, c)], ['ack'], at);
    }
    case 'arrive':
      return markMet(list, 'arrive', at);
    case 'resolve':
    case 'settle':
      return [...metAll(list, ['triage', 'ack', 'arrive', 'resolve'], at), confirmDeadline(at, policy)];
    case 'verify-fail':
    case 'reopen': {
      // Back to the unit (or grid) that resolved it: a fresh resolve deadline, no confirm window.
      const due = deadlineFor('resolve', p, at, policy, c);
      const kept = dropOpen(list, ['confirm', 'resolve']);
      return due ? [...kept, { step: 'resolve', due }] : kept;
    }
    case 'confirm':
    case 'auto-close':
      return markMet(list, 'confirm', at);
    case 'mark-overdue': {
      const step = event.payload?.step;
      return typeof step === 'string' ? markOverdue(list, [step as SlaStep], at) : list;
    }
    case 'approve-extension': {
      // The lifecycle records the approved request on the event.
      const until = (event.payload?.extension as { until?: unknown } | null | undefined)?.until;
      return typeof until === 'string' ? applyExtension(list, until) : list;
    }
    default:
      return list;
  }
}

/**
 * The earliest instant at which the sweep has work on this ticket: an open step's due (to mark it
 * overdue), the second escalation (due + escalateAfter) of an overdue step, or the end of the
 * resident's confirm window (auto-close). Null when nothing can fall due.
 */
export function nextSweepAt(ticket: Pick<Ticket, 'state' | 'deadlines' | 'priority' | 'escalation'> & Partial<Pick<Ticket, 'category'>>, policy: SlaPolicy): string | null {
  const escalateAfter = slaFor(policy, ticket.priority, ticket.category).escalateAfter;
  if (!isOpen(ticket)) return null;
  let next = Number.POSITIVE_INFINITY;
  for (const d of ticket.deadlines) {
    if (d.metAt !== undefined) continue;
    if (d.step === 'confirm') {
      next = Math.min(next, instantMs(d.due) + 1);
      continue;
    }
    if (d.overdueAt === undefined) next = Math.min(next, instantMs(d.due) + 1);
    else if (ticket.escalation < 2) next = Math.min(next, instantMs(addSpan(d.due, escalateAfter, policy)) + 1);
  }
  return Number.isFinite(next) ? toUtcIso(new Date(next)) : null;
}
