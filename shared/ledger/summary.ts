import type { NineItem, Violation } from '../domain/violation';
import { distinctItems, ladderFor, type LadderResult } from './ladder';
import { nineProhibition } from './nine';

export interface LedgerItemRow<E> {
  item: NineItem;
  text: string;
  /** Breaches of this item the viewer may see (possibly fewer than were counted). */
  entries: E[];
}

export interface CompanyLedger<E> {
  companyId: string;
  year: number;
  /** Distinct items broken in the year (what the ladder counts). */
  count: number;
  /** Confirmed breaches in the year, an item twice counting twice here. */
  breaches: number;
  items: Array<LedgerItemRow<E>>;
  ladder: LadderResult;
}

type Counted = Pick<Violation, 'companyId' | 'year' | 'item'>;

/**
 * One company's ledger for an assessment year. `counted` is every confirmed breach known (the count
 * and the ladder come from the company's breaches of that year among them, whoever looks);
 * `entries` are the rows the viewer may see, already cut to what they may read.
 */
export function companyLedger<E extends { item: NineItem }>(input: {
  companyId: string;
  year: number;
  counted: readonly Counted[];
  entries: readonly E[];
}): CompanyLedger<E> {
  const mine = input.counted.filter((v) => v.companyId === input.companyId && v.year === input.year);
  const items = distinctItems(mine);
  return {
    companyId: input.companyId,
    year: input.year,
    count: items.length,
    breaches: mine.length,
    items: items.map((item) => ({ item, text: nineProhibition(item).text, entries: input.entries.filter((e) => e.item === item) })),
    ladder: ladderFor(items.length),
  };
}

/** Companies with more distinct items first, then more breaches, then by id. */
export function byLadder<E>(a: CompanyLedger<E>, b: CompanyLedger<E>): number {
  return b.count - a.count || b.breaches - a.breaches || (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0);
}
