/**
 * report.suggestCategory (issue 16 §5): the three most likely categories for the resident's own
 * words, with their labels, best first. Runs the offline classifier of shared/classify inside the
 * function; nothing is stored or logged, so the text never outlives the call.
 */
import { suggestCategories } from '../../../shared/classify';
import { getCategory, type CategoryCode } from '../../../shared/taxonomy/categories';

export const SUGGESTIONS = 3;

export function suggestCategory(input: { text: string }): Array<{ category: CategoryCode; label: string; score: number }> {
  return suggestCategories(input.text, SUGGESTIONS).map((s) => ({
    category: s.category,
    label: getCategory(s.category).label,
    score: Math.round(s.score * 1000) / 1000,
  }));
}
