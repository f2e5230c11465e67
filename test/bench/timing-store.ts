import type { Store } from '../../shared/ports/store';

export type CallTimes = Record<string, { count: number; ms: number }>;

/** The store with every method call timed into `calls` (for a breakdown of where a use case's time goes). */
export function timingStore<S extends Store>(store: S, calls: CallTimes): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return async (...args: unknown[]) => {
        const t0 = process.hrtime.bigint();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const entry = (calls[prop] ??= { count: 0, ms: 0 });
          entry.count += 1;
          entry.ms += Number(process.hrtime.bigint() - t0) / 1e6;
        }
      };
    },
  });
}
