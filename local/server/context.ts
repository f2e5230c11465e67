/** What the local HTTP server needs from the runtime. */
import type { AppDeps } from '../../cloudfunctions/_app/context';
import type { Open311Config } from '../../cloudfunctions/_app/open311';
import type { DevSessions } from './sessions';

export interface TimerRun {
  sweep: unknown;
  notify: unknown;
}

export interface ServerContext {
  deps: AppDeps;
  /** Demo mode: the dev sign-in of demo users, open dev endpoints, loopback Host headers only. */
  demo: boolean;
  sessions: DevSessions;
  /** Folder of the H5 build (dist/h5). */
  h5Dir: string;
  open311: Open311Config;
  /** SIMULATED_NOW as given, or null on the system clock. */
  simulatedNow: string | null;
  /** Runs the overdue sweep and the outbox flush now (the timer's job). */
  runTimers(): Promise<TimerRun>;
}
