/** Time-ordered ids: lower-case base36, safe in URLs, file names and CloudBase document ids. */
import { randomFillSync } from 'node:crypto';
import type { IdSource } from '../../shared/ports/platform';

const TIME_WIDTH = 9; // base36 milliseconds: 9 digits last until the year 5188
const COUNTER_WIDTH = 4;
const RANDOM_BYTES = 6;
/** Random bytes are drawn in blocks: one call into the CSPRNG per 512 ids instead of one per id. */
const POOL_IDS = 512;

/** Hands out 6 fresh random bytes at a time (as 12 hex digits) from a block refilled when used up. */
function randomHexSource(): () => string {
  const pool = Buffer.alloc(RANDOM_BYTES * POOL_IDS);
  let offset = pool.length;
  return () => {
    if (offset >= pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const hex = pool.toString('hex', offset, offset + RANDOM_BYTES);
    offset += RANDOM_BYTES;
    return hex;
  };
}

/**
 * <9 time><4 counter><12 random hex>, 25 characters. Ids from one source sort in creation order,
 * also within one millisecond (the counter) and if the system clock steps back (time never decreases).
 */
export function randomIds(nowMs: () => number = Date.now): IdSource {
  let lastMs = 0;
  let counter = 0;
  const randomHex = randomHexSource();
  return {
    newId() {
      const ms = Math.max(nowMs(), lastMs);
      counter = ms === lastMs ? counter + 1 : 0;
      lastMs = ms;
      return (
        ms.toString(36).padStart(TIME_WIDTH, '0') + counter.toString(36).padStart(COUNTER_WIDTH, '0') + randomHex()
      );
    },
  };
}
