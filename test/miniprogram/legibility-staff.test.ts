/**
 * Legibility of the staff screens (issue 18 §6: "Text contrast ≥ 4.5:1, tap targets ≥ 44 px, and
 * body text ≥ 14 px", after "Staff buttons are 60×30 px and grey … Grey text is #969799 at 11–12 px
 * (contrast 2.9:1)"), read from their style sheets in design px (750 wide: 28 = 14 CSS px, 88 = 44).
 * The browser screens test runs axe-core on the rendered staff screens as well.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrast, HEX, names, overWhite, prop, px, ROOT, rules, VANT_LIGHT } from './support/stylesheets';

const SHEETS = ['miniprogram/staff/styles.css', 'miniprogram/staff/pages/dashboard/index.css', 'miniprogram/ui/ui.css', 'miniprogram/staff/pages/ticket/index.css'];
/** WCAG 1.4.3: large text (24 CSS px, 48 design px) needs 3:1, other text 4.5:1. */
const LARGE_TEXT_DESIGN_PX = 48;
/** The page backgrounds a rule without its own background sits on (app.css, the cards). */
const PAGE_BACKGROUNDS = ['#ffffff', '#f7f8fa'];
/** Rules whose text sits on a background set by another rule (the chosen segment is filled). */
const ON_BACKGROUND: Record<string, string> = { '.ui-segmented__item--on': '#0a6cce' };
/** Large glyphs whose size is set by their base rule: the rating stars (ui.css, resident legibility test). */
const LARGE_SELECTORS = new Set(['.ui-rate__star--on']);

describe('staff screens: legibility from the style sheets', () => {
  const all = rules(SHEETS);

  it('reads every sheet', () => {
    for (const sheet of SHEETS) expect(all.filter((r) => r.sheet === sheet).length).toBeGreaterThan(5);
  });

  it('gives every text colour at least 4.5:1 on its background (3:1 for large text)', () => {
    const failures: string[] = [];
    for (const rule of all) {
      const color = prop(rule.body, 'color');
      if (!color || !HEX.test(color)) continue;
      const own = prop(rule.body, 'background-color') ?? prop(rule.body, 'background');
      const shade = own ? overWhite(own) : null;
      const backgrounds = shade ? [shade] : ON_BACKGROUND[rule.selector] ? [ON_BACKGROUND[rule.selector] as string] : PAGE_BACKGROUNDS;
      const needed = (px(rule.body, 'font-size') ?? 0) >= LARGE_TEXT_DESIGN_PX || LARGE_SELECTORS.has(rule.selector) ? 3 : 4.5;
      for (const bg of backgrounds) {
        const ratio = contrast(color, bg);
        if (ratio < needed) failures.push(`${rule.sheet} ${rule.selector}: ${color} on ${bg} is ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('uses none of Vant’s light colours (#969799 grey is 2.9:1 on white)', () => {
    for (const sheet of SHEETS) {
      const text = readFileSync(join(ROOT, sheet), 'utf8').toLowerCase();
      expect({ sheet, light: VANT_LIGHT.filter((c) => text.includes(c)) }).toEqual({ sheet, light: [] });
    }
  });

  it('sets no text under 12 px, and body text at 14 px or more', () => {
    const small = all.filter((r) => (px(r.body, 'font-size') ?? 99) < 24).map((r) => `${r.sheet} ${r.selector}: ${prop(r.body, 'font-size')}`);
    expect(small).toEqual([]);
    // The words staff read, not chips: hints, meta lines, labels, timelines, definitions, errors.
    const body = ['.staff-muted', '.staff-error', '.staff-warning', '.ticket-row__meta', '.staff-field__label', '.timeline__time', '.timeline__detail', '.detail__line', '.detail__no', '.staff-message__body', '.definition', '.metric__label', '.choice', '.countdown', '.dash-headline__label', '.dash-bars__name', '.ui-segmented__item'];
    const under = body.filter((selector) => {
      const sizes = all.filter((r) => names(r, selector)).map((r) => px(r.body, 'font-size'));
      return !sizes.some((s) => s !== null && s >= 28);
    });
    expect(under).toEqual([]);
  });

  it('makes every tappable row, chip, tab, picker and segment at least 44 px tall', () => {
    const tappable = ['.staff-link', '.choice', '.tabs__item', '.staff-picker', '.ui-segmented__item'];
    const low = tappable.filter((selector) => {
      const heights = all.filter((r) => names(r, selector)).map((r) => px(r.body, 'min-height') ?? px(r.body, 'height') ?? 0);
      return !heights.some((h) => h >= 88);
    });
    expect(low).toEqual([]);
  });
});
