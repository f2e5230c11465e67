/**
 * The sparse linear model the trainer writes (model-data.json) and its scoring: per category a bias
 * plus the weights of the features present, turned into probabilities by a softmax at the model's
 * temperature. Weights are stored sparse — feature → [category index, weight, …] — because most
 * n-grams say something about one or two categories only.
 */
import { CATEGORY_CODES, type CategoryCode } from '../taxonomy/categories';

export interface ModelData {
  /** Format version. */
  v: 1;
  /** Category codes in weight order. */
  cats: CategoryCode[];
  bias: number[];
  /** Bias and weights are integers over q (compact JSON). */
  q: number;
  /** Softmax temperature: 1 for the logistic regression the trainer fits (its scores are log-odds). */
  t: number;
  w: Record<string, number[]>;
}

export function scoreFeatures(model: ModelData, feats: Iterable<string>): number[] {
  const scores = model.bias.slice();
  for (const f of feats) {
    const entry = Object.prototype.hasOwnProperty.call(model.w, f) ? model.w[f] : undefined;
    if (!entry) continue;
    for (let i = 0; i + 1 < entry.length; i += 2) {
      const ci = entry[i] as number;
      scores[ci] = (scores[ci] ?? 0) + (entry[i + 1] as number);
    }
  }
  return scores.map((s) => s / model.q);
}

/** Softmax at temperature t; stable for any score range. */
export function probabilities(scores: number[], t: number): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp((s - max) / t));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export function checkModel(model: ModelData): ModelData {
  if (model.v !== 1 || model.cats.length !== model.bias.length || !(model.q > 0)) throw new Error('classifier model: bad format');
  for (const code of model.cats) if (!(CATEGORY_CODES as readonly string[]).includes(code)) throw new Error(`classifier model: unknown category ${code}`);
  return model;
}
