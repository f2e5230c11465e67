/**
 * Trains the category classifier on the train part of the corpus and writes
 * shared/classify/model-data.json (issue 16 §5). The held-out part is never trained or tuned on:
 * `--cv` tunes by 5-fold cross-validation inside the train part; the held-out figures printed at the
 * end are a report, not an input.
 *   npx tsx local/cli/classify-train.ts [--cv]
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { trainModel, DEFAULT_TRAIN_OPTIONS, type LabelledText, type TrainOptions } from '../../shared/classify/trainer';
import { evaluate } from '../../shared/classify/evaluate';
import { readCorpus } from './classify-corpus-file';

export const MODEL_PATH = join(resolve(__dirname, '..', '..'), 'shared', 'classify', 'model-data.json');

function crossValidate(train: LabelledText[], options: Partial<TrainOptions>, folds = 5): { top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (let f = 0; f < folds; f++) {
    const fit = train.filter((_, i) => i % folds !== f);
    const test = train.filter((_, i) => i % folds === f);
    const r = evaluate(trainModel(fit, options), test);
    top1 += r.top1 * test.length;
    top3 += r.top3 * test.length;
  }
  return { top1: top1 / train.length, top3: top3 / train.length };
}

if ((require as unknown as NodeJS.Require).main === module) {
  const corpus = readCorpus();
  const train = corpus.filter((l) => l.part === 'train');
  if (process.argv.includes('--cv')) {
    const grid: Array<Partial<TrainOptions>> = [];
    for (const nonNegative of [true, false]) for (const prune of [0.02, 0.1]) for (const rate of [0.1, 0.3]) grid.push({ ...DEFAULT_TRAIN_OPTIONS, nonNegative, prune, rate });
    for (const g of grid) {
      const r = crossValidate(train, g);
      const bytes = JSON.stringify(trainModel(train, g)).length;
      console.log(JSON.stringify(g), `${bytes} bytes, cv top1 ${(r.top1 * 100).toFixed(1)} % top3 ${(r.top3 * 100).toFixed(1)} %`);
    }
  } else {
    const model = trainModel(train, DEFAULT_TRAIN_OPTIONS);
    const json = JSON.stringify(model);
    writeFileSync(MODEL_PATH, json + '\n');
    console.log(`trained on ${train.length} texts: ${Object.keys(model.w).length} features, ${json.length} bytes → ${MODEL_PATH}`);
  }
}
