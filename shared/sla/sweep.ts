/**
 * What the overdue sweep does to one ticket at `now`, as lifecycle commands (system actor). Pure:
 * the sweep use case applies them with applyTransition and commits with optimistic concurrency, so
 * running the sweep twice, or two sweeps at once, marks and escalates once.
 */
import type { SlaStep, Ticket, TicketEvent } from '../domain/ticket';
import { instantMs } from './calendar';
import { openDeadline } from './deadlines';
import { confirmWindowExpired, nextEscalation, overdueSteps } from './overdue';
import type { SlaPolicy } from './policy';
import { coordinatingIn } from '../routing/route';
import { isOpen, unitsOwingAck } from './progress';

export type SweepStep =
  | { action: 'auto-close' }
  /** `unitId`: the one unit whose own 报到 deadline passed (marked and 督办'd on its own). */
  | { action: 'mark-overdue'; step: SlaStep; unitId?: string }
  /** `units`: the route's coordinating leads (a 人民政府), 督办'd with the escalation (DESIGN.md §6). */
  | { action: 'escalate'; level: 1 | 2; target: 'street' | 'leadership'; units?: string[] };

/** States in which the whistled units work the ticket, and so may still owe their 报到. */
const UNIT_STATES: ReadonlySet<Ticket['state']> = new Set(['whistled', 'acknowledged', 'on_site']);
const DISPATCHES: ReadonlySet<string> = new Set(['whistle', 'reroute', 'handover']);

/** Units already marked overdue on 报到 since the last dispatch (whistle, re-route, hand-over). */
function unitsMarked(events: readonly TicketEvent[]): Set<string> {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const marked = new Set<string>();
  for (const e of ordered) {
    if (DISPATCHES.has(e.action)) marked.clear();
    else if (e.action === 'mark-overdue' && e.payload?.step === 'ack' && Array.isArray(e.payload.units)) {
      for (const u of e.payload.units) if (typeof u === 'string') marked.add(u);
    }
  }
  return marked;
}

/**
 * The handling units of the current dispatch that missed their own 报到 deadline and are not marked
 * yet, in whistle order: each gets its own mark-overdue event, which 督办s it (shared/notify). The
 * ticket's 报到 deadline stays open until every handling unit has reported in (progress.ts), so a
 * first unit's 报到 no longer hides the others' miss. Coordinating units carry no 报到 clock.
 */
export function unitsMissingAck(ticket: Pick<Ticket, 'state' | 'deadlines' | 'assignedUnits' | 'acknowledgedUnits' | 'route'>, events: readonly TicketEvent[], now: string): string[] {
  if (!UNIT_STATES.has(ticket.state)) return [];
  const ack = openDeadline(ticket.deadlines, 'ack');
  if (!ack || instantMs(ack.due) >= instantMs(now)) return [];
  const marked = unitsMarked(events);
  return unitsOwingAck(ticket).filter((u) => !marked.has(u));
}

/**
 * The coordinating leads of the ticket's route (a 县(市)区人民政府): informed, never on the 报到
 * clock, and the escalation target when the handling units are late. Empty while the ticket is not
 * with the units (the grid or street is late on triage: that is theirs to answer for).
 */
export function coordinatingLeads(ticket: Partial<Pick<Ticket, 'state' | 'route'>>): string[] {
  if (!ticket.route || !ticket.state || !UNIT_STATES.has(ticket.state)) return [];
  const coordinating = coordinatingIn(ticket.route);
  return [...new Set(ticket.route.lead.map((u) => u.id).filter(coordinating))];
}

/**
 * The sweep's steps for one ticket. `events`: the ticket's events, for the units already marked
 * (without them, a unit is marked only while the 报到 deadline itself is not yet marked overdue).
 */
export function sweepPlan(
  ticket: Pick<Ticket, 'state' | 'deadlines' | 'priority' | 'escalation'> & Partial<Pick<Ticket, 'assignedUnits' | 'acknowledgedUnits' | 'route' | 'category'>>,
  now: string,
  policy: SlaPolicy,
  events?: readonly TicketEvent[],
): SweepStep[] {
  if (!isOpen(ticket)) return [];
  if ((ticket.state === 'resolved' || ticket.state === 'verified') && confirmWindowExpired(ticket.deadlines, now)) {
    return [{ action: 'auto-close' }];
  }
  const plan: SweepStep[] = [];
  const steps = overdueSteps(ticket.deadlines, now);
  const perUnit =
    ticket.assignedUnits && ticket.acknowledgedUnits && ticket.route && (events !== undefined || steps.includes('ack'))
      ? unitsMissingAck({ ...ticket, assignedUnits: ticket.assignedUnits, acknowledgedUnits: ticket.acknowledgedUnits, route: ticket.route }, events ?? [], now)
      : [];
  // Each unit that missed its own 报到 first: its mark also marks the ticket's 报到 deadline overdue.
  for (const unitId of perUnit) plan.push({ action: 'mark-overdue', step: 'ack', unitId });
  for (const step of steps) if (!(step === 'ack' && perUnit.length)) plan.push({ action: 'mark-overdue', step });
  const esc = nextEscalation(ticket, now, policy);
  if (esc) {
    const leads = coordinatingLeads(ticket);
    plan.push({ action: 'escalate', ...esc, ...(leads.length ? { units: leads } : {}) });
  }
  return plan;
}
