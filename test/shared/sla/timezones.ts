/**
 * Runs a suite under a given process time zone. Node re-reads the zone when process.env.TZ is
 * assigned, but jest hands each test file a copy of process.env, so assigning the copy changes
 * nothing. The real process.env lives in the worker's outer context, reachable through
 * vm.runInThisContext; we set both and restore both.
 */
import { runInThisContext } from 'node:vm';

const realEnv = runInThisContext('process.env') as NodeJS.ProcessEnv;

/** The zones every SLA date test runs in: none of them may change a result. */
export const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

/** Sets the process time zone (undefined = unset); returns the previous one. */
export function setProcessTimeZone(zone: string | undefined): string | undefined {
  const previous = realEnv.TZ;
  for (const env of [realEnv, process.env]) {
    if (zone === undefined) delete env.TZ;
    else env.TZ = zone;
  }
  return previous;
}

/** Inside a describe: the suite runs with the process in `zone`, restored afterwards. */
export function useProcessTimeZone(zone: string): void {
  let previous: string | undefined;
  beforeAll(() => {
    previous = setProcessTimeZone(zone);
  });
  afterAll(() => {
    setProcessTimeZone(previous);
  });
}
