/**
 * Overdue detection and escalation (DESIGN.md §6), run by the sweep. A missed deadline marks the
 * step overdue once (overdueAt is frozen) and escalates the ticket grid → street → leadership office.
 *
 * The 'confirm' step is the resident's window, not a duty: when it passes the ticket closes by
 * itself (confirmWindowExpired), so it is never overdue and never escalates.
 */
import type { Deadline, Priority, SlaStep } from '../domain/ticket';
import { instantMs, toUtcIso, type Instant } from './calendar';
import type { CategoryCode } from '../taxonomy/categories';
import { addSpan, slaFor, type SlaPolicy } from './policy';

/** A deadline still owed by staff: not met and not the resident's confirm window. */
function isOpenDuty(d: Deadline): boolean {
  return d.metAt === undefined && d.step !== 'confirm';
}

/** Steps whose due has passed (due < now), not met, and not yet marked overdue; each step once. */
export function overdueSteps(list: readonly Deadline[], now: Instant): SlaStep[] {
  const nowMs = instantMs(now);
  const steps = list.filter((d) => isOpenDuty(d) && d.overdueAt === undefined && instantMs(d.due) < nowMs).map((d) => d.step);
  return [...new Set(steps)];
}

/**
 * Freezes overdueAt = now on the given steps' deadlines that are open and past due. Idempotent:
 * a deadline already marked keeps its first overdueAt, so marking twice changes nothing.
 */
export function markOverdue(list: readonly Deadline[], steps: readonly SlaStep[], now: Instant): Deadline[] {
  const nowMs = instantMs(now);
  const overdueAt = toUtcIso(now);
  return list.map((d) =>
    steps.includes(d.step) && isOpenDuty(d) && d.overdueAt === undefined && instantMs(d.due) < nowMs ? { ...d, overdueAt } : d,
  );
}

/** Whether the resident's confirm window is open and has passed: the ticket closes by itself. */
export function confirmWindowExpired(list: readonly Deadline[], now: Instant): boolean {
  const nowMs = instantMs(now);
  return list.some((d) => d.step === 'confirm' && d.metAt === undefined && instantMs(d.due) < nowMs);
}

export type EscalationTarget = 'street' | 'leadership';
export interface Escalation {
  level: 1 | 2;
  target: EscalationTarget;
}
export interface EscalationState {
  /** Level already reached: 0 none, 1 street, 2 leadership office. */
  escalation: 0 | 1 | 2;
  deadlines: readonly Deadline[];
  priority: Priority;
  /** The ticket's category, for its own escalateAfter (policy.categories). */
  category?: CategoryCode;
}

const TARGETS: Record<1 | 2, EscalationTarget> = { 1: 'street', 2: 'leadership' };

/**
 * The escalation the ticket is due for now, or null when it has already reached it.
 * Level 1 (street) as soon as any open step is past due; level 2 (leadership office) once an open
 * step has stayed past due longer than policy[priority].escalateAfter, counted from its due (not
 * from when a sweep noticed; the category's own escalateAfter where the policy sets one). Never beyond 2. The answer is the highest level warranted, so after
 * a sweep outage a ticket may go from 0 straight to 2. Running the sweep twice escalates once.
 * Call it for active tickets only: closed or rejected tickets do not escalate.
 */
export function nextEscalation(state: EscalationState, now: Instant, policy: SlaPolicy): Escalation | null {
  const nowMs = instantMs(now);
  const late = state.deadlines.filter((d) => isOpenDuty(d) && instantMs(d.due) < nowMs);
  const further = slaFor(policy, state.priority, state.category).escalateAfter;
  const warranted: 0 | 1 | 2 = late.some((d) => instantMs(addSpan(d.due, further, policy)) < nowMs) ? 2 : late.length > 0 ? 1 : 0;
  if (warranted === 0 || warranted <= state.escalation) return null;
  return { level: warranted, target: TARGETS[warranted] };
}
