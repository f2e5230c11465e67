/**
 * Text normalisation for the category classifier: what residents type in WeChat varies in width,
 * case, digits, punctuation and emoji, none of which says what the problem is. Full-width ASCII
 * becomes half-width, letters lower case, every digit run one "0", everything that is neither a
 * CJK character, a letter nor a digit a single space. Then common typos and homophones
 * (飞线冲电, 电屏车…) are rewritten to the word they stand for (lexicon VARIANTS).
 */
import { VARIANTS } from './variants';

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const CN_DIGITS = /[零〇一二两三四五六七八九十百千]+(?=[号楼层单元栋户室点天个月年次辆台])/g;
const NOT_WORD = /[^0-9a-z\u3400-\u4DBF\u4E00-\u9FFF]+/g;

export function normalizeWidthCase(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

/** Normalised text: width, case, digits, punctuation, then typo/homophone variants. */
export function normalize(text: string): string {
  let out = normalizeWidthCase(text)
    .replace(CN_DIGITS, '0')
    .replace(/[0-9]+/g, '0')
    .replace(NOT_WORD, ' ')
    .trim();
  for (const [variant, canonical] of VARIANTS) if (out.includes(variant)) out = out.split(variant).join(canonical);
  return out;
}
