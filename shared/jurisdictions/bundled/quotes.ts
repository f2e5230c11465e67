/**
 * The 依据 as people read it: the quoted text of a responsibility list in Simplified Chinese with
 * full-width punctuation, the document's own words one tap away (issue 18 §4). The bundled lists'
 * Traditional quotes (002) are converted once, at data time (local/cli/simplify-basis.ts writes
 * simplified.json); a quote not in the table (a county's imported list) only gets its punctuation.
 */
import { fullWidthPunctuation } from './full-width';
import table from './simplified.json';

export { fullWidthPunctuation };

/** Quoted text as written → its Simplified reading, for the bundled quotes whose reading differs. */
export const SIMPLIFIED_QUOTES: Readonly<Record<string, string>> = table;

/** The reading shown first; the caller keeps `text` for 查看原文. */
export function readableQuote(text: string): string {
  return SIMPLIFIED_QUOTES[text] ?? fullWidthPunctuation(text).trim();
}

/** Every quoted text of the lists (any object with source, item and text: row basis and the like). */
export function quotedTexts(lists: readonly unknown[]): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.source === 'string' && typeof o.item === 'string' && typeof o.text === 'string') found.add(o.text);
    Object.values(o).forEach(walk);
  };
  walk(lists);
  return [...found].sort();
}

/**
 * The table simplified.json holds, from a Traditional → Simplified converter (OpenCC at data time):
 * only quotes whose characters change, so a list already in Simplified adds nothing.
 */
export function simplifiedTable(texts: readonly string[], toSimplified: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of texts) {
    const simplified = toSimplified(text);
    if (simplified !== text) out[text] = fullWidthPunctuation(simplified).trim();
  }
  return out;
}
