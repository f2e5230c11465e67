/**
 * The 依据 in Simplified Chinese (issue 18 §4). Document 002 is quoted as written, in Traditional
 * characters with half-width commas; simplified.json holds each such quote's Simplified reading.
 * This test runs OpenCC (opencc-js, Traditional → mainland Simplified) again over every quote of the
 * bundled lists and fails when the file is stale or a quote is missing from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_LISTS } from '../../../../shared/jurisdictions/bundled';
import { quotedTexts, readableQuote, SIMPLIFIED_QUOTES, simplifiedTable } from '../../../../shared/jurisdictions/bundled/quotes';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => (text: string) => string };

const DOC_002 = readFileSync(join(__dirname, '../../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8');

describe('Simplified readings of the bundled 依据 (simplified.json)', () => {
  it('is what OpenCC makes of every quote of the bundled lists today (rerun; `npx tsx local/cli/simplify-basis.ts` rewrites it)', () => {
    const texts = quotedTexts(BUNDLED_LISTS);
    expect(texts.length).toBeGreaterThan(100);
    expect(simplifiedTable(texts, Converter({ from: 't', to: 'cn' }))).toEqual(SIMPLIFIED_QUOTES);
    // 002's rows (永宁县) are the Traditional ones: all of them, and nothing of the Simplified lists.
    expect(Object.keys(SIMPLIFIED_QUOTES).length).toBeGreaterThanOrEqual(11);
  });

  it('reads 002 二(二)1(6) in Simplified with full-width punctuation; the document’s words stay as written', () => {
    const written = '(6)整治地下車庫違規存放易燃易爆物品,防汛應急準備不足,消防設施損壞和居民飛線充電等問題。';
    expect(DOC_002).toContain(written);
    const quoted = quotedTexts(BUNDLED_LISTS).find((t) => t.trim() === written);
    expect(quoted).toBeDefined();
    expect(readableQuote(quoted!)).toBe('（6）整治地下车库违规存放易燃易爆物品，防汛应急准备不足，消防设施损坏和居民飞线充电等问题。');
  });

  it('every reading is free of Traditional-only characters and of half-width commas next to Chinese', () => {
    const toSimplified = Converter({ from: 't', to: 'cn' });
    for (const reading of Object.values(SIMPLIFIED_QUOTES)) {
      expect(toSimplified(reading)).toBe(reading);
      expect(reading).not.toMatch(/[\u4e00-\u9fff][,;:(]|[,;:)][\u4e00-\u9fff]/);
    }
  });

  it('a quote in no table (a county’s imported list, already Simplified) gets full-width punctuation only', () => {
    expect(readableQuote('各县(市、区)人民政府要统筹城市管理、消防、综合执法、公安等力量开展联合执法,严肃查处违规装修')).toBe(
      '各县（市、区）人民政府要统筹城市管理、消防、综合执法、公安等力量开展联合执法，严肃查处违规装修',
    );
  });
});
