/** Top-1 and top-3 accuracy of a model on labelled texts (the held-out report, cross-validation). */
import { rankCategories } from './index';
import type { ModelData } from './model';
import type { LabelledText } from './trainer';

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}

export function evaluate(model: ModelData, texts: readonly LabelledText[]): Accuracy {
  let top1 = 0;
  let top3 = 0;
  for (const t of texts) {
    const ranked = rankCategories(t.text, model);
    if (ranked[0]?.category === t.category) top1++;
    if (ranked.slice(0, 3).some((s) => s.category === t.category)) top3++;
  }
  const n = texts.length;
  return { n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}
