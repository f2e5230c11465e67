import type { CategoryCode } from '../taxonomy/categories';
import type { EventActor } from './ticket';

/** 九不准 item numbers (001_c21a685cf9840a30.txt 序号3: 一是 … 九是). */
export const NINE_ITEM_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type NineItem = (typeof NINE_ITEM_NUMBERS)[number];

/**
 * One confirmed breach of the 九不准 by a property company, recorded from a ticket by a street or
 * 住建 officer (issue 6). Holds no reporter data: the ledger is shown to the company itself.
 */
export interface Violation {
  /** `v:<ticketId>:<item>`: one ticket confirms an item once. */
  id: string;
  companyId: string;
  item: NineItem;
  /** Assessment year: the Asia/Shanghai calendar year of confirmedAt. */
  year: number;
  jurisdiction: string;
  ticketId: string;
  ticketNo: string;
  estateId: string | null;
  streetId: string | null;
  category: CategoryCode;
  /** The officer's finding (staff only: never shown to the company). */
  note: string;
  confirmedAt: string;
  confirmedBy: EventActor;
}
