import type { Ticket } from '../../../shared/domain/ticket';
import { StoreConflictError } from '../../../shared/ports/store';
import { sweepPlan, type SweepStep } from '../../../shared/sla/sweep';
import type { AppDeps } from '../context';
import { advance, outboxFor, policyFor } from './support';

/** An upload that no ticket or event names after this long is removed by the sweep. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

const SYSTEM = { userId: 'system', role: 'system' as const, name: '系统' };

/** The transition input of one sweep step (the bench's history generator replays steps with it too). */
export function sweepInputOf(step: SweepStep) {
  switch (step.action) {
    case 'mark-overdue':
      return step.unitId ? { step: step.step, units: [step.unitId], note: '超过报到时限未报到，系统督办' } : { step: step.step };
    case 'escalate':
      return { level: step.level, note: step.target === 'leadership' ? '超时未办结，升级至领导小组办公室' : '超时，升级至街道' };
    default:
      return {};
  }
}

/**
 * The overdue sweep (timer trigger every 5 minutes; the local runtime's timer). Reads only tickets
 * whose sweepAt has passed (index-backed), applies shared/sla's plan as system events with
 * optimistic concurrency: a second run, or a concurrent one, finds nothing left to do.
 */
export async function runSweep(deps: AppDeps, opts: { limit?: number } = {}) {
  const now = deps.clock.now();
  const due = await deps.store.findDueForSweep(now, opts.limit ?? 500);
  let marked = 0;
  let escalated = 0;
  let closed = 0;
  let conflicts = 0;
  for (const original of due) {
    let ticket: Ticket = original;
    const policy = await policyFor(deps, ticket.jurisdiction);
    // The events once per ticket: the units already marked (per-unit 报到), and the next event's seq.
    const events = await deps.store.listEvents(ticket.id);
    let seq = events.length;
    for (const step of sweepPlan(ticket, now, policy, events)) {
      seq += 1;
      const { ticket: next, event } = advance(ticket, { action: step.action, actor: SYSTEM, at: now, input: sweepInputOf(step) }, { eventId: deps.ids.newId(), seq }, policy);
      try {
        await deps.store.commitTransition({ next, expectedVersion: ticket.version, event, outbox: await outboxFor(deps, next, event) });
      } catch (err) {
        if (!(err instanceof StoreConflictError) && (err as { code?: string }).code !== 'TICKET.VERSION_CONFLICT') throw err;
        conflicts += 1; // someone else moved the ticket: the next sweep re-plans from its new state
        break;
      }
      ticket = next;
      if (step.action === 'mark-overdue') marked += 1;
      else if (step.action === 'escalate') escalated += 1;
      else closed += 1;
    }
  }
  // Uploads that no ticket or event named within a day (the local runtime; CloudBase cannot list storage).
  const orphansRemoved = await deps.files.removeOrphans(new Date(Date.parse(now) - ORPHAN_AGE_MS).toISOString());
  return { at: now, scanned: due.length, marked, escalated, closed, conflicts, orphansRemoved };
}
