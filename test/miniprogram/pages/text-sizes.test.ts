/**
 * Text sizes of the resident pages (issue 18 §6: "body text ≥ 14 px. A large-text mode follows the
 * WeChat font-size setting (适老化)"), read from their source style sheets (design px, 750 wide:
 * 28 design px = 14 CSS px on a 375 px phone). The rule:
 *  - every font-size in the resident page sheets and the resident components' sheet is
 *    calc(Npx * var(--xq-text-scale, 1)) — no fixed size, so every text follows the reader's setting
 *    (the variable is set on the page root by ui/TextScale's page-meta, test text-scale.test.tsx);
 *  - N is at least 28 (14 px at the standard setting), except the labels named below (a badge on a
 *    tile, the upload status over a photo thumbnail, the poster's printed web address), which are at
 *    least 24 (12 px);
 *  - every resident page config sets enablePageMeta (Taro writes <page-meta> into the page's WXML
 *    only then).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prop, ROOT, rules } from '../support/stylesheets';

const PAGES = ['estates', 'invite', 'mine', 'noticeboard', 'poster', 'privacy', 'report', 'share', 'signin', 'ticket'];
const SHEETS = [...PAGES.map((p) => `miniprogram/pages/${p}/index.css`), 'miniprogram/components/components.css'];

/** Short labels, not body text: at least 12 px. */
const LABELS = new Set(['.category-tile__badge', '.photo__status', '.poster__url']);
const BODY_MIN_DESIGN_PX = 28;
const LABEL_MIN_DESIGN_PX = 24;
const SCALED = /^calc\((\d+)px \* var\(--xq-text-scale, 1\)\)$/;

const sizes = () =>
  rules(SHEETS).flatMap((r) => {
    const value = prop(r.body, 'font-size');
    return value ? [{ where: `${r.sheet} ${r.selector}`, selector: r.selector, value }] : [];
  });

describe('resident pages: text sizes', () => {
  it('reads the text sizes of every sheet', () => {
    const all = sizes();
    expect(all.length).toBeGreaterThan(60);
    for (const sheet of SHEETS) expect(all.some((s) => s.where.startsWith(`${sheet} `))).toBe(true);
  });

  it('sizes every text by the reader’s scale: calc(Npx * var(--xq-text-scale, 1)), no fixed size', () => {
    expect(sizes().filter((s) => !SCALED.test(s.value)).map((s) => `${s.where}: ${s.value}`)).toEqual([]);
  });

  it('sets body text at 14 px or more at the standard setting, labels at 12 px or more', () => {
    const small = sizes().filter((s) => {
      const n = Number(SCALED.exec(s.value)?.[1] ?? 0);
      return n < (LABELS.has(s.selector) ? LABEL_MIN_DESIGN_PX : BODY_MIN_DESIGN_PX);
    });
    expect(small.map((s) => `${s.where}: ${s.value}`)).toEqual([]);
  });

  it('names only labels that exist (no stale exception)', () => {
    const selectors = new Set(sizes().map((s) => s.selector));
    for (const label of LABELS) expect(selectors.has(label)).toBe(true);
  });

  it.each(PAGES)('pages/%s config enables page-meta', (page) => {
    const config = readFileSync(join(ROOT, 'miniprogram', 'pages', page, 'index.config.ts'), 'utf8');
    expect(config).toMatch(/^\s*enablePageMeta: true,/m);
  });
});
