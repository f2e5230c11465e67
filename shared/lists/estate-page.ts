/**
 * One page of an admin's estates (issue 19 §4, the print-all posters page reads every estate of a
 * jurisdiction page by page): filtered by township, ordered by township, then name, then id, so that
 * a county's posters come out township by township; the cursor is the last estate's id. Pure.
 */
import type { Estate } from '../domain/directory';

export interface EstatePageQuery {
  township?: string | undefined;
  /** Without a limit every matching estate at once (the action's answer before paging existed). */
  limit?: number | undefined;
  after?: string | null | undefined;
}

export interface EstatePage<E> {
  items: E[];
  /** How many estates match the filter over all pages. */
  total: number;
  next: string | null;
}

function compare(a: Estate, b: Estate): number {
  return a.townshipId.localeCompare(b.townshipId) || a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** null when `after` names no estate of the filter (a cursor from elsewhere). */
export function estatePage<E extends Estate>(estates: readonly E[], q: EstatePageQuery): EstatePage<E> | null {
  const matching = estates.filter((e) => !q.township || e.townshipId === q.township).sort(compare);
  let start = 0;
  if (q.after) {
    const at = matching.findIndex((e) => e.id === q.after);
    if (at < 0) return null;
    start = at + 1;
  }
  const end = q.limit === undefined ? matching.length : Math.min(matching.length, start + q.limit);
  const items = matching.slice(start, end);
  return { items, total: matching.length, next: end < matching.length && items.length ? items[items.length - 1]!.id : null };
}
