/** The classifier corpus file and its fixed train/held-out split (see local/cli/classify-corpus.ts). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CategoryCode } from '../../shared/taxonomy/categories';

export const CORPUS_PATH = join(resolve(__dirname, '..', '..'), 'test', 'fixtures', 'classify', 'corpus.jsonl');

export interface CorpusLine {
  text: string;
  category: CategoryCode;
  source: 'hand' | 'template';
  part: 'train' | 'heldout';
}

/** FNV-1a over the UTF-16 code units of the text. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 30 % of the texts, chosen by the hash of the text alone: never trained or tuned on. */
export function heldOut(text: string): boolean {
  return fnv1a(text) % 100 < 30;
}

export function readCorpus(path = CORPUS_PATH): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
}
