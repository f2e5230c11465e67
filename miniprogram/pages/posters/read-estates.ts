/**
 * What the print-all posters page reads (issue 19 §4): every estate of the jurisdiction (optionally
 * one township), page by page through admin.listEstates, which answers only an admin whose grants
 * reach the jurisdiction (AUTH.FORBIDDEN otherwise); and the jurisdiction's townships for the filter.
 */
import type { z } from 'zod';
import { callFunction } from '../../api';
import type { AdminInputs } from '../../../shared/actions/admin';

/** One request's page; the action allows up to 100. */
export const ESTATE_PAGE_SIZE = 50;

export interface PrintEstate {
  id: string;
  name: string;
  jurisdiction: string;
  townshipId: string;
  sceneCode: string;
}

interface EstatePageAnswer {
  items: PrintEstate[];
  total: number;
  next: string | null;
}

export interface Township {
  id: string;
  name: string;
}

/** Every page, in the server's order (township, then name); `onPage` hears how many are read of how many. */
export async function readEstates(jurisdiction: string, township: string | null, onPage?: (read: number, total: number) => void): Promise<PrintEstate[]> {
  const out: PrintEstate[] = [];
  let after: string | null = null;
  do {
    const input: z.input<typeof AdminInputs.listEstates> = { jurisdiction, limit: ESTATE_PAGE_SIZE, ...(township ? { township } : {}), ...(after ? { after } : {}) };
    const page: EstatePageAnswer = await callFunction<EstatePageAnswer>('admin', 'listEstates', input);
    out.push(...page.items.map(({ id, name, jurisdiction: j, townshipId, sceneCode }) => ({ id, name, jurisdiction: j, townshipId, sceneCode })));
    onPage?.(out.length, page.total);
    after = page.next;
  } while (after);
  return out;
}

export async function readTownships(jurisdiction: string): Promise<Township[]> {
  const answer = await callFunction<{ townships: Township[] }>('admin', 'directory', { jurisdiction });
  return answer.townships.map(({ id, name }) => ({ id, name }));
}

/** fn over every item, at most `width` at a time, answers in the items' order (a county's noticeboards, not hundreds of requests at once). */
export async function mapLimited<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
