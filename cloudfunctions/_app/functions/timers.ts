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

export const notify = createFunction('notify', {
  flush: action({ input: z.object({ limit: z.number().int().min(1).max(1000).optional() }), auth: 'public', run: (d, id, x) => timerOnly(() => flushOutbox(d, x), id !== null) }),
});
