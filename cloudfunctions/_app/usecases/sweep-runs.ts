/**
 * The sweep's writes (issue 17 §2): every due ticket's steps are planned first, then committed
 * together where the store can (Store.commitTransitionRuns: on CloudBase one request per ticket,
 * all sent at once, and one copy of the hand-over messages), else step by step as before.
 */
import type { User } from '../../../shared/domain/directory';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { EventActor, Ticket, TicketEvent } from '../../../shared/domain/ticket';
import type { TransitionInput } from '../../../shared/lifecycle';
import { StoreConflictError, type Store } from '../../../shared/ports/store';
import { sweepPlan, type SweepStep } from '../../../shared/sla/sweep';
import type { AppDeps } from '../context';
import { advance, outboxFor, policyFor } from './support';

export interface PlannedStep {
  action: SweepStep['action'];
  next: Ticket;
  event: TicketEvent;
  outbox: OutboxMessage[];
}

export interface PlannedRun {
  expectedVersion: number;
  steps: PlannedStep[];
}

/**
 * The same ports with the hand-over recipients (listUsers) read once per distinct query for this
 * one sweep run, as 50 escalations to the same street would otherwise read its officers 50 times.
 * Nothing outlives the run: the next run reads the users again.
 */
export function withRunRecipients(deps: AppDeps): AppDeps {
  const read = new Map<string, Promise<User[]>>();
  const store: Store = Object.create(deps.store) as Store;
  store.listUsers = (filter) => {
    const key = JSON.stringify(filter, Object.keys(filter).sort());
    let users = read.get(key);
    if (!users) {
      users = deps.store.listUsers(filter);
      read.set(key, users);
    }
    return users;
  };
  return { ...deps, store };
}

/** One due ticket's plan, each step applied to the ticket the previous one left. */
export async function planRun(deps: AppDeps, original: Ticket, now: string, actor: EventActor, inputOf: (step: SweepStep) => TransitionInput): Promise<PlannedRun> {
  const policy = await policyFor(deps, original.jurisdiction);
  // The events once per ticket: the units already marked (per-unit 报到), and the next event's seq.
  const events = await deps.store.listEvents(original.id);
  let ticket = original;
  let seq = events.length;
  const steps: PlannedStep[] = [];
  for (const step of sweepPlan(original, now, policy, events)) {
    seq += 1;
    const { ticket: next, event } = advance(ticket, { action: step.action, actor, at: now, input: inputOf(step) }, { eventId: deps.ids.newId(), seq }, policy);
    steps.push({ action: step.action, next, event, outbox: await outboxFor(deps, next, event) });
    ticket = next;
  }
  return { expectedVersion: original.version, steps };
}

const isConflict = (err: unknown) => err instanceof StoreConflictError || (err as { code?: string }).code === 'TICKET.VERSION_CONFLICT';

/** Commits the runs; answers the steps that were committed and how many runs met a ticket moved meanwhile. */
export async function commitRuns(deps: AppDeps, runs: readonly PlannedRun[]): Promise<{ committed: PlannedStep[]; conflicts: number }> {
  const withSteps = runs.filter((r) => r.steps.length > 0);
  const committed: PlannedStep[] = [];
  let conflicts = 0;
  if (deps.store.commitTransitionRuns) {
    const results = await deps.store.commitTransitionRuns(withSteps);
    withSteps.forEach((run, i) => {
      if (results[i]) committed.push(...run.steps);
      else conflicts += 1;
    });
    return { committed, conflicts };
  }
  for (const run of withSteps) {
    let expectedVersion = run.expectedVersion;
    for (const step of run.steps) {
      try {
        await deps.store.commitTransition({ next: step.next, expectedVersion, event: step.event, outbox: step.outbox });
      } catch (err) {
        if (!isConflict(err)) throw err;
        conflicts += 1; // someone else moved the ticket: the next sweep re-plans from its new state
        break;
      }
      committed.push(step);
      expectedVersion = step.next.version;
    }
  }
  return { committed, conflicts };
}
