/** Clocks of the local runtime. All return UTC ISO strings (they sort as text). */
import type { Clock } from '../../shared/ports/platform';

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`无效的时间：${iso}`);
  return ms;
}

export function systemClock(): Clock {
  return { now: () => new Date().toISOString() };
}

/**
 * Starts at `startIso` and runs on with real elapsed time (SIMULATED_NOW: demo a holiday week or an
 * overdue ticket without waiting). `realNow` is the underlying clock in ms, replaceable in tests.
 */
export function simulatedClock(startIso: string, realNow: () => number = Date.now): Clock {
  const offset = parseInstant(startIso) - realNow();
  return { now: () => new Date(realNow() + offset).toISOString() };
}

export interface FixedClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

/** Stands still until told: for tests and for stepping through a scenario. */
export function fixedClock(iso: string): FixedClock {
  let at = parseInstant(iso);
  return {
    now: () => new Date(at).toISOString(),
    set: (next) => {
      at = parseInstant(next);
    },
    advance: (ms) => {
      at += ms;
    },
  };
}
