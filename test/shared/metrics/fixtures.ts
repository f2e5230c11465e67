/** Hand-built tickets and events for the metrics tests. */
import type { Deadline, SlaStep, Ticket, TicketEvent } from '../../../shared/domain/ticket';

const BASE_MS = Date.parse('2026-03-02T00:00:00.000Z');

/** The instant `minutes` after 2026-03-02T00:00Z, as a stored ISO string. */
export function T(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

export function deadline(step: SlaStep, dueMinutes: number, extra: Partial<Deadline> = {}): Deadline {
  return { step, due: T(dueMinutes), ...extra };
}

/** A ticket with neutral defaults: submitted at T(0), open (accepted), no deadlines, no rating. */
export function makeTicket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id,
    no: `YN-20260302-${id}`,
    version: 1,
    jurisdiction: 'yongning',
    estateId: 'estate-1',
    streetId: 'street-1',
    gridId: 'grid-1',
    propertyCompanyId: null,
    category: 'parking',
    priority: 'normal',
    state: 'accepted',
    description: '测试工单',
    photos: [],
    afterPhotos: [],
    location: null,
    reporter: { userId: 'resident-1', anonymous: false },
    route: { lead: [], responsible: [], basis: [] },
    assignedUnits: [],
    acknowledgedUnits: [],
    resolvedBy: null,
    holder: { kind: 'grid', ids: ['grid-1'] },
    deadlines: [],
    pendingExtension: null,
    mergedInto: null,
    meToo: 0,
    rating: null,
    appealed: false,
    escalation: 0,
    sharedGroups: [],
    claimedBy: null,
    createdAt: T(0),
    updatedAt: T(0),
    closedAt: null,
    ...over,
  };
}

/** One history step: action, minutes after the base, and optionally the acting unit and a payload. */
export type Step = [action: string, atMinutes: number, extra?: { unitId?: string; payload?: Record<string, unknown> }];

/** Events of one ticket, numbered in the order given. */
export function history(ticketId: string, steps: Step[]): TicketEvent[] {
  return steps.map(([action, at, extra], i) => ({
    id: `${ticketId}-e${i + 1}`,
    ticketId,
    seq: i + 1,
    at: T(at),
    actor: { userId: `user-${extra?.unitId ?? 'x'}`, role: extra?.unitId ? 'department' : 'grid', unitId: extra?.unitId },
    action,
    from: null,
    to: 'accepted',
    payload: extra?.payload,
  }));
}

/**
 * Runs `script` (CommonJS, TypeScript requires allowed through tsx) in a fresh Node process with the
 * given TZ and returns what it printed, parsed as JSON. jest's sandbox keeps its own copy of
 * process.env, so setting TZ inside a test does not reach Date; a child process does.
 */
export function runInTz(tz: string, script: string): unknown {
  // Required lazily: only the tests that switch time zones need a child process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as unknown;
}
