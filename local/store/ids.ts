/** Time-ordered ids: lower-case base36, safe in URLs, file names and CloudBase document ids. */
import { randomBytes } from 'node:crypto';
import type { IdSource } from '../../shared/ports/platform';

const TIME_WIDTH = 9; // base36 milliseconds: 9 digits last until the year 5188
const COUNTER_WIDTH = 4;

/**
 * <9 time><4 counter><12 random hex>, 25 characters. Ids from one source sort in creation order,
 * also within one millisecond (the counter) and if the system clock steps back (time never decreases).
 */
export function randomIds(nowMs: () => number = Date.now): IdSource {
  let lastMs = 0;
  let counter = 0;
  return {
    newId() {
      const ms = Math.max(nowMs(), lastMs);
      counter = ms === lastMs ? counter + 1 : 0;
      lastMs = ms;
      return (
        ms.toString(36).padStart(TIME_WIDTH, '0') + counter.toString(36).padStart(COUNTER_WIDTH, '0') + randomBytes(6).toString('hex')
      );
    },
  };
}
