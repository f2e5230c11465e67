/**
 * Training of the sparse linear model (pure: examples in, ModelData out; the IO is in
 * local/cli/classify-train.ts). Multinomial logistic regression over binary features
 * (shared/classify/features.ts), trained by AdaGrad with L2 in a fixed example order, so the same
 * corpus always gives the same model. Weights below `prune` are dropped and the rest rounded, to
 * keep the data file small in the function bundle.
 */
import { CATEGORY_CODES, type CategoryCode } from '../taxonomy/categories';
import { features } from './features';
import type { ModelData } from './model';

export interface LabelledText {
  text: string;
  category: CategoryCode;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** n-grams seen in fewer training texts are not features (cue features always are). */
  minCount: number;
  prune: number;
  /** Decimal places kept: weights are stored as integers over 10^digits (ModelData.q). */
  digits: number;
  /** Feature weights kept at ≥ 0 (projected gradient): each n-gram votes for categories, never
   * against, and most weights stay exactly 0, which keeps the data file small. */
  nonNegative: boolean;
}

// Chosen by 5-fold cross-validation inside the train part (local/cli/classify-train.ts --cv).
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, rate: 0.1, l2: 3e-3, minCount: 2, prune: 0.02, digits: 2, nonNegative: true };

export function trainModel(examples: readonly LabelledText[], options: Partial<TrainOptions> = {}): ModelData {
  const opt = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const cats = [...CATEGORY_CODES];
  const K = cats.length;
  const catIndex = new Map(cats.map((c, i) => [c, i]));
  const featSets = examples.map((e) => features(e.text));
  const df = new Map<string, number>();
  for (const fs of featSets) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([f, n]) => n >= opt.minCount || f.startsWith('@')).map(([f]) => f).sort();
  const fIndex = new Map(vocab.map((f, i) => [f, i]));
  const rows = featSets.map((fs) => [...fs].map((f) => fIndex.get(f)).filter((i): i is number => i !== undefined));
  const labels = examples.map((e) => catIndex.get(e.category) as number);

  const W = new Float64Array(vocab.length * K);
  const G = new Float64Array(vocab.length * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  const scores = new Float64Array(K);
  // A fixed, label-interleaved visiting order (no Math.random in shared/): deterministic.
  const order = examples.map((_, i) => i).sort((x, y) => ((x * 7919) % 1009) - ((y * 7919) % 1009) || x - y);

  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (const n of order) {
      const row = rows[n] as number[];
      const y = labels[n] as number;
      for (let k = 0; k < K; k++) {
        let s = b[k] as number;
        for (const f of row) s += W[f * K + k] as number;
        scores[k] = s;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp((scores[k] as number) - max);
        scores[k] = e;
        sum += e;
      }
      for (let k = 0; k < K; k++) {
        const g = (scores[k] as number) / sum - (k === y ? 1 : 0);
        Gb[k] = (Gb[k] as number) + g * g;
        b[k] = (b[k] as number) - (opt.rate * g) / Math.sqrt(Gb[k] as number);
        for (const f of row) {
          const j = f * K + k;
          const gw = g + opt.l2 * (W[j] as number);
          G[j] = (G[j] as number) + gw * gw;
          const next = (W[j] as number) - (opt.rate * gw) / Math.sqrt(G[j] as number);
          W[j] = opt.nonNegative && next < 0 ? 0 : next;
        }
      }
    }
  }

  const scale = 10 ** opt.digits;
  const round = (x: number) => Math.round(x * scale);
  const w: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    const entry: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = W[i * K + k] as number;
      if (Math.abs(v) >= opt.prune) entry.push(k, round(v));
    }
    if (entry.length) w[f] = entry;
  });
  return { v: 1, cats, bias: Array.from(b, round), q: scale, t: 1, w };
}
