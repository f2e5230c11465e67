/**
 * Legibility of the resident screens (issue 18 §6), read from their style sheets: text colours reach
 * 4.5:1 on their background (3:1 for the large rating stars), no text is under 12 px (24 design
 * px; body text 14 px = 28), and the tap targets are at least 44 px (88 design px). The poster page
 * is print and keeps its own sizes. The browser stories run axe-core on the rendered screens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PALETTE } from '../../miniprogram/ui/palette';
import { contrast, HEX, overWhite, prop, px, ROOT, rules as rulesOf } from './support/stylesheets';

const SHEETS = [
  'miniprogram/ui/ui.css',
  'miniprogram/ui/button-h5.css',
  'miniprogram/components/components.css',
  ...['estates', 'mine', 'noticeboard', 'report', 'share', 'signin', 'ticket'].map((p) => `miniprogram/pages/${p}/index.css`),
];
const rules = () => rulesOf(SHEETS);

/** Text 24 CSS px and up (48 design px) is large: 3:1 is enough (WCAG 1.4.3). */
const LARGE_TEXT_DESIGN_PX = 48;
/** The page backgrounds a rule without its own background sits on. */
const PAGE_BACKGROUNDS = ['#ffffff', '#f7f8fa'];
/** Modifiers of large text whose size is set by the base rule. */
const LARGE_SELECTORS = new Set(['.ui-rate__star--on']);
/** Rules whose text sits on a background set by another rule. */
const ON_BACKGROUND: Record<string, string> = { '.board__head .muted': '#1f4e8c' };

describe('resident screens: legibility from the style sheets', () => {
  const all = rules();

  it('reads every sheet', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it('gives every text colour at least 4.5:1 on its background (3:1 for large text)', () => {
    const failures: string[] = [];
    for (const rule of all) {
      const color = prop(rule.body, 'color');
      if (!color || !HEX.test(color)) continue;
      const own = prop(rule.body, 'background-color') ?? prop(rule.body, 'background');
      const shade = own ? overWhite(own) : null;
      const backgrounds = shade ? [shade] : ON_BACKGROUND[rule.selector] ? [ON_BACKGROUND[rule.selector] as string] : PAGE_BACKGROUNDS;
      const size = Number(/(\d+)px/.exec(prop(rule.body, 'font-size') ?? '')?.[1] ?? 0);
      const needed = size >= LARGE_TEXT_DESIGN_PX || LARGE_SELECTORS.has(rule.selector) ? 3 : 4.5;
      for (const bg of backgrounds) {
        const ratio = contrast(color, bg);
        if (ratio < needed) failures.push(`${rule.sheet} ${rule.selector}: ${color} on ${bg} is ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('uses no Vant grey #969799 (2.9:1) and no Vant fill too light for white text', () => {
    const text = SHEETS.map((s) => readFileSync(join(ROOT, s), 'utf8')).join('\n');
    for (const light of ['#969799', '#1989fa', '#07c160', '#ff976a', '#ee0a24']) expect(text.toLowerCase()).not.toContain(light);
  });

  it('keeps every palette colour at 4.5:1 with white, both ways (weapp Vant tags and buttons)', () => {
    for (const hex of Object.values(PALETTE)) expect(contrast(hex, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('sets no text under 12 px, and body text at 14 px', () => {
    const small = all.filter((r) => Number(/(\d+)px/.exec(prop(r.body, 'font-size') ?? '')?.[1] ?? 99) < 24).map((r) => `${r.sheet} ${r.selector}`);
    expect(small).toEqual([]);
    const body = ['.muted', '.error-text', '.link', '.banner', '.kv', '.list-item__meta', '.timeline__who', '.timeline__time', '.timeline__note', '.ui-field__error', '.ui-field__input'];
    for (const selector of body) {
      const rule = all.find((r) => r.selector === selector && prop(r.body, 'font-size'));
      // 28 design px, whether written plainly or scaled by the large-text mode (calc(28px * var(--xq-text-scale, 1))).
      expect({ selector, size: rule ? px(rule.body, 'font-size') : null }).toEqual({ selector, size: 28 });
    }
  });

  it('makes links, buttons, switches, stars and the photo remover at least 44 px tall', () => {
    const tall = (selector: string) => {
      const rule = all.find((r) => r.selector === selector);
      const h = Number(/(\d+)px/.exec(prop(rule?.body ?? '', 'min-height') ?? prop(rule?.body ?? '', 'height') ?? '')?.[1] ?? 0);
      return { selector, atLeast88: h >= 88 };
    };
    for (const selector of ['.link', 'taro-button-core', ".ui-switch", '.ui-rate__star', '.photo__remove', '.ui-field__input']) {
      expect(tall(selector)).toEqual({ selector, atLeast88: true });
    }
  });

  it('scales the H5 buttons’ text with the large-text mode, at Taro’s own sizes at the standard setting', () => {
    // @tarojs/components button style (H5): taro-button-core{…font-size:18px…} and [size=mini]{…font-size:13px…};
    // Taro's H5 build leaves its own modules out of pxtransform (webpack5-runner H5WebpackModule getPostCSSRule),
    // so 18 CSS px = 36 design px on the 375 px phone (designWidth 750).
    const taro = readFileSync(join(ROOT, 'node_modules/@tarojs/components/dist/collection/components/button/style/index.css'), 'utf8');
    expect(taro).toMatch(/taro-button-core\{[^}]*font-size:18px/);
    const scaled = (selector: string) => {
      const rule = all.find((r) => r.sheet === 'miniprogram/ui/button-h5.css' && r.selector === selector);
      const size = prop(rule?.body ?? '', 'font-size') ?? '';
      return { selector, size: px(rule?.body ?? '', 'font-size'), scaled: /^calc\(\d+px \* var\(--xq-text-scale, 1\)\)$/.test(size) };
    };
    expect(scaled('taro-button-core')).toEqual({ selector: 'taro-button-core', size: 36, scaled: true });
    expect(scaled("taro-button-core[size='mini']")).toEqual({ selector: "taro-button-core[size='mini']", size: 28, scaled: true });
  });
});
