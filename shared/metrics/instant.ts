/** Instants for metrics: parsed without the process time zone, and the Asia/Shanghai month. */

/** China has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO-8601 instant with a zone designator (Z or ±hh:mm); a local-time string would depend on the process TZ. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds since the epoch of a zoned ISO instant; throws a RangeError on anything else. */
export function instantMs(iso: string): number {
  const ms = ZONED_ISO.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a zoned ISO-8601 instant: ${JSON.stringify(iso)}`);
  return ms;
}

/** The Asia/Shanghai calendar month ('YYYY-MM') of an instant: 2026-10-31T16:30Z → '2026-11'. */
export function shanghaiMonth(iso: string): string {
  return new Date(instantMs(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}
