/**
 * Features of one text for the linear model: the set of character 1-3-grams of the normalised text
 * (never across a space, which stands for punctuation), plus one cue feature "@<code>" per category
 * whose lexicon words occur. Binary (a set): in a short text, repeating a word adds little.
 */
import { CATEGORY_CODES, type CategoryCode } from '../taxonomy/categories';
import { LEXICON } from './lexicon';
import { normalize } from './normalize';

export const MAX_NGRAM = 3;

export function cueCategories(normalized: string): CategoryCode[] {
  const joined = normalized.replace(/ /g, '');
  return CATEGORY_CODES.filter((code) => LEXICON[code].some((word) => joined.includes(word)));
}

export function featuresOfNormalized(normalized: string): Set<string> {
  const out = new Set<string>();
  for (const segment of normalized.split(' ')) {
    const chars = Array.from(segment);
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 0; n < MAX_NGRAM && i + n < chars.length; n++) {
        gram += chars[i + n];
        out.add(gram);
      }
    }
  }
  for (const code of cueCategories(normalized)) out.add(`@${code}`);
  return out;
}

export function features(text: string): Set<string> {
  return featuresOfNormalized(normalize(text));
}
