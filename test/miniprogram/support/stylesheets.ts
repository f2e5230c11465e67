/**
 * Style sheets read as rules, and WCAG 2.x contrast (relative luminance, "G18"), for the legibility
 * tests. Sizes are design px (750 wide): 2 design px = 1 CSS px on a 375 px phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Rule {
  sheet: string;
  selector: string;
  body: string;
}

/** Every rule of the sheets (paths from the project root), comments removed; a selector list is kept whole. */
export function rules(sheets: readonly string[]): Rule[] {
  return sheets.flatMap((sheet) => {
    const text = readFileSync(join(ROOT, sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return [...text.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => ({ sheet, selector: (m[1] ?? '').trim(), body: m[2] ?? '' }));
  });
}

/** Whether a rule's selector list names `selector` ('.a,\n.b' names '.b'). */
export function names(rule: Rule, selector: string): boolean {
  return rule.selector.split(',').some((s) => s.trim() === selector);
}

export function prop(body: string, name: string): string | null {
  const m = new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]+)`).exec(body);
  return m ? (m[1] ?? '').trim() : null;
}

/** The px number of a declaration ('28px' → 28), or null. */
export function px(body: string, name: string): number | null {
  const m = /(\d+)px/.exec(prop(body, name) ?? '');
  return m ? Number(m[1]) : null;
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two hex colours, 1–21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export const HEX = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

/** A background as a hex colour: itself, or a translucent black (rgba(0, 0, 0, a)) laid over white — the lightest it can be over a photo's light parts. */
export function overWhite(value: string): string | null {
  if (HEX.test(value)) return value;
  const m = /^rgba\(\s*0\s*,\s*0\s*,\s*0\s*,\s*([\d.]+)\s*\)$/.exec(value);
  if (!m) return null;
  const level = Math.round(255 * (1 - Number(m[1])));
  const hex = level.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

/** Vant's default colours that fail 4.5:1 as text on white or under white text (#969799 is 2.9:1). */
export const VANT_LIGHT = ['#969799', '#1989fa', '#07c160', '#ff976a', '#ee0a24', '#ed6a0c'];
