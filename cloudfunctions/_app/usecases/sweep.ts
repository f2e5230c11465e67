import type { SweepStep } from '../../../shared/sla/sweep';
import type { AppDeps } from '../context';
import { commitRuns, planRun, withRunRecipients } from './sweep-runs';
import { markOverdueRectifications } from './rectification';

/** An upload that no ticket or event names after this long is removed by the sweep. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

const SYSTEM = { userId: 'system', role: 'system' as const, name: '系统' };

/** The transition input of one sweep step (the bench's history generator replays steps with it too). */
export function sweepInputOf(step: SweepStep) {
  switch (step.action) {
    case 'mark-overdue':
      return step.unitId ? { step: step.step, units: [step.unitId], note: '超过报到时限未报到，系统督办' } : { step: step.step };
    case 'escalate':
      // The route's coordinating leads are 督办'd with the escalation (recorded as the event's units).
      return { level: step.level, note: step.target === 'leadership' ? '超时未办结，升级至领导小组办公室' : '超时，升级至街道', ...(step.units?.length ? { units: step.units } : {}) };
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
  // Every due ticket's steps planned first (recipients read once per run), then committed together
  // where the store can: one request per ticket on CloudBase (issue 17 §2, sweep-runs.ts).
  const runDeps = withRunRecipients(deps);
  const runs = [];
  for (const ticket of due) runs.push(await planRun(runDeps, ticket, now, SYSTEM, sweepInputOf));
  const { committed, conflicts } = await commitRuns(deps, runs);
  for (const step of committed) {
    if (step.action === 'mark-overdue') marked += 1;
    else if (step.action === 'escalate') escalated += 1;
    else closed += 1;
  }
  // Uploads that no ticket or event named within a day (the local runtime; CloudBase cannot list storage).
  const orphansRemoved = await deps.files.removeOrphans(new Date(Date.parse(now) - ORPHAN_AGE_MS).toISOString());
  // 整改通知 past their deadline without an answer (issue 20 §1).
  const rectificationsOverdue = (await markOverdueRectifications(deps, now)).marked;
  return { at: now, scanned: due.length, marked, escalated, closed, conflicts, orphansRemoved, rectificationsOverdue };
}
