/**
 * What the overdue sweep does to one ticket at `now`, as lifecycle commands (system actor). Pure:
 * the sweep use case applies them with applyTransition and commits with optimistic concurrency, so
 * running the sweep twice, or two sweeps at once, marks and escalates once.
 */
import type { SlaStep, Ticket } from '../domain/ticket';
import { confirmWindowExpired, nextEscalation, overdueSteps } from './overdue';
import type { SlaPolicy } from './policy';
import { isOpen } from './progress';

export type SweepStep =
  | { action: 'auto-close' }
  | { action: 'mark-overdue'; step: SlaStep }
  | { action: 'escalate'; level: 1 | 2; target: 'street' | 'leadership' };

export function sweepPlan(ticket: Pick<Ticket, 'state' | 'deadlines' | 'priority' | 'escalation'>, now: string, policy: SlaPolicy): SweepStep[] {
  if (!isOpen(ticket)) return [];
  if ((ticket.state === 'resolved' || ticket.state === 'verified') && confirmWindowExpired(ticket.deadlines, now)) {
    return [{ action: 'auto-close' }];
  }
  const plan: SweepStep[] = [];
  for (const step of overdueSteps(ticket.deadlines, now)) plan.push({ action: 'mark-overdue', step });
  const esc = nextEscalation(ticket, now, policy);
  if (esc) plan.push({ action: 'escalate', ...esc });
  return plan;
}
