import { z } from 'zod';
import { action, createFunction } from '../router';
import { errors } from '../errors';
import { flushOutbox } from '../usecases/notify';
import { runSweep } from '../usecases/sweep';

/**
 * `sweep` and `notify` run on timer triggers, which carry no user. A call with a user identity is
 * refused: only the platform's timer (no identity) may run them.
 */
const timerOnly = <T>(run: () => Promise<T>, hasUser: boolean) => {
  if (hasUser) throw errors.forbidden('仅定时任务可执行');
  return run();
};

export const sweep = createFunction('sweep', {
  run: action({ input: z.object({ limit: z.number().int().min(1).max(1000).optional() }), auth: 'public', run: (d, id, x) => timerOnly(() => runSweep(d, x), id !== null) }),
});

/**
 * The notify timer's time budget, which the handler edge passes with each timer event
 * (cloudfunctions/notify/index.ts): 30 s of the function's 50 s timeout (notify/config.json), so
 * the last message's requests after the final check still end in time. A run drains page after
 * page within it (usecases/notify.ts); the next minute's run goes on from where it stopped.
 */
export const NOTIFY_RUN_BUDGET_MS = 30_000;
/** No budget may reach the function's timeout (50 s): a run cut off mid-send would leave a sent message unmarked. */
const MAX_NOTIFY_BUDGET_MS = 40_000;

export const notify = createFunction('notify', {
  flush: action({
    input: z.object({ limit: z.number().int().min(1).max(1000).optional(), budgetMs: z.number().int().min(1).max(MAX_NOTIFY_BUDGET_MS).optional() }),
    auth: 'public',
    run: (d, id, x) => timerOnly(() => flushOutbox(d, x), id !== null),
  }),
});
