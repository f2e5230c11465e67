/**
 * "Describe it, we file it" on the report page (issue 16 §5): what the resident typed goes to
 * report.suggestCategory after a pause in typing, and the three likely categories come back as chips.
 * The classifier runs in the function (its model stays out of the main package); offline or on any
 * error there are simply no chips — the grid is always there.
 */
import { useEffect, useRef, useState } from 'react';
import { callFunction } from '../../api';
import type { CategoryCode } from '../../../shared/taxonomy/categories';

export interface CategorySuggestion {
  category: CategoryCode;
  label: string;
  score: number;
}

/** Pause in typing before asking, so a sentence costs one call, not one per character. */
export const SUGGEST_DEBOUNCE_MS = 600;
/** Fewer characters than this say too little to suggest from. */
export const SUGGEST_MIN_CHARS = 4;

export async function fetchSuggestions(text: string): Promise<CategorySuggestion[]> {
  try {
    const items = await callFunction<CategorySuggestion[]>('report', 'suggestCategory', { text });
    return Array.isArray(items) ? items.slice(0, 3) : [];
  } catch {
    return [];
  }
}

/** The chips for the current description: debounced, and only the answer to the latest text counts. */
export function useCategorySuggestions(text: string, enabled: boolean): CategorySuggestion[] {
  const [items, setItems] = useState<CategorySuggestion[]>([]);
  const latest = useRef(0);
  const trimmed = text.trim();
  useEffect(() => {
    const ask = ++latest.current;
    if (!enabled || Array.from(trimmed).length < SUGGEST_MIN_CHARS) {
      setItems([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      void fetchSuggestions(trimmed).then((found) => {
        if (ask === latest.current) setItems(found);
      });
    }, SUGGEST_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed, enabled]);
  return items;
}
