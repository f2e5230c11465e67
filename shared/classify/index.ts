/**
 * "Describe it, we file it" (issue 16 §5): the categories a resident's own words most likely
 * belong to, offline, from the trained sparse linear model in model-data.json (written by
 * local/cli/classify-train.ts from the corpus in test/fixtures/classify/).
 */
import type { CategoryCode } from '../taxonomy/categories';
import { features } from './features';
import { checkModel, probabilities, scoreFeatures, type ModelData } from './model';
import modelData from './model-data.json';

export { dangerHint, type EmergencyNumber } from './danger';
export { normalize } from './normalize';

export interface CategorySuggestion {
  category: CategoryCode;
  /** Probability in [0, 1]; over all 33 categories they sum to 1. */
  score: number;
}

const MODEL: ModelData = checkModel(modelData as unknown as ModelData);

/** All categories ranked for a text, best first (ties in taxonomy order). */
export function rankCategories(text: string, model: ModelData = MODEL): CategorySuggestion[] {
  const probs = probabilities(scoreFeatures(model, features(text)), model.t);
  return model.cats
    .map((category, i) => ({ category, score: probs[i] ?? 0, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ category, score }) => ({ category, score }));
}

/** The `limit` most likely categories for a text, best first, scores in [0, 1]. */
export function suggestCategories(text: string, limit = 3): CategorySuggestion[] {
  const n = Math.max(0, Math.min(Math.floor(limit), MODEL.cats.length));
  return rankCategories(text).slice(0, n);
}
