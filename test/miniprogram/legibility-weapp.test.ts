/**
 * Large-text mode in the weapp build (issue 18 §6, 适老化), read from dist/weapp (jest's global setup
 * builds it): the dashboard's WXML starts with <page-meta> whose page-style the page binds (WeChat:
 * page-meta must be the page's first node; Taro writes it only for pages with enablePageMeta), and
 * pxtransform keeps the scale variable in the text sizes it turns into rpx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEAPP = join(__dirname, '..', '..', 'dist', 'weapp');

describe('weapp large-text mode (dist/weapp)', () => {
  it('has a build to read', () => {
    expect(existsSync(join(WEAPP, 'app.json'))).toBe(true);
  });

  it('writes <page-meta> with a bound page-style before the dashboard page’s content', () => {
    const wxml = readFileSync(join(WEAPP, 'staff', 'pages', 'dashboard', 'index.wxml'), 'utf8');
    const meta = wxml.indexOf('<page-meta');
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(wxml.indexOf('<template is="taro_tmpl"'));
    expect(wxml).toMatch(/<page-meta[^>]*page-style="\{\{[^"]+\}\}"/);
  });

  it('sizes the app’s body text as 28rpx times the scale', () => {
    // app.wxss @imports the app's own sheet (Taro: app-origin.wxss) and common.wxss.
    const app = readFileSync(join(WEAPP, 'app.wxss'), 'utf8');
    const imported = [...app.matchAll(/@import\s*"\.\/([^"]+)"/g)].map((m) => readFileSync(join(WEAPP, m[1] ?? ''), 'utf8'));
    const css = [app, ...imported].join('\n').replace(/\s+/g, '');
    expect(css).toMatch(/page\{[^}]*font-size:calc\(28rpx\*var\(--xq-text-scale,1\)\)/);
  });
});

/**
 * A page's own rules in the build. A sheet that two pages import (pages/poster/index.css, also read by
 * the print-all pages/posters) is moved by Taro's webpack split into common.wxss, and the page then has
 * no index.wxss: its rules are those of common.wxss whose selector is the page's block (.poster…).
 */
function pageSheet(page: string): string {
  const own = join(WEAPP, 'pages', page, 'index.wxss');
  if (existsSync(own)) return readFileSync(own, 'utf8');
  const common = readFileSync(join(WEAPP, 'common.wxss'), 'utf8');
  const rules = [...common.matchAll(/(?:^|})([^{}]+)\{([^}]*)/g)].filter((m) => (m[1] ?? '').trim().startsWith(`.${page}`)).map((m) => `${m[1]}{${m[2]}}`);
  expect(rules.length).toBeGreaterThan(0);
  return rules.join('\n');
}

/** The resident pages (main package): each follows the WeChat font-size setting too (ui/withTextScale). */
const RESIDENT_PAGES = ['estates', 'invite', 'mine', 'noticeboard', 'poster', 'privacy', 'report', 'share', 'signin', 'ticket'];

describe('weapp large-text mode on the resident pages (dist/weapp)', () => {
  it.each(RESIDENT_PAGES)('pages/%s: <page-meta> with a bound page-style before the content, every text size scaled', (page) => {
    const wxml = readFileSync(join(WEAPP, 'pages', page, 'index.wxml'), 'utf8');
    const meta = wxml.indexOf('<page-meta');
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(wxml.indexOf('<template is="taro_tmpl"'));
    expect(wxml).toMatch(/<page-meta[^>]*page-style="\{\{[^"]+\}\}"/);
    // pxtransform turns calc(28px * var(--xq-text-scale, 1)) into calc(28rpx*var(--xq-text-scale, 1)).
    const sizes = [...pageSheet(page).matchAll(/font-size:([^;}]+)/g)].map((m) => m[1] ?? '');
    expect(sizes.filter((v) => !/^calc\(\d+rpx\*var\(--xq-text-scale, ?1\)\)$/.test(v))).toEqual([]);
  });

  it('scales the resident components’ body text in common.wxss (muted, list meta, timeline, key-value rows)', () => {
    const common = readFileSync(join(WEAPP, 'common.wxss'), 'utf8');
    for (const selector of ['.muted', '.list-item__meta', '.timeline__note', '.kv']) {
      const rule = new RegExp(`(?:^|})${selector.replace('.', '\\.')}\\{[^}]*font-size:calc\\(28rpx\\*var\\(--xq-text-scale, ?1\\)\\)`);
      expect({ selector, scaled: rule.test(common) }).toEqual({ selector, scaled: true });
    }
  });

  it('scales the text of Vant’s buttons through the variables its button reads', () => {
    // @vant/weapp button/index.wxss: font-size:var(--button-default-font-size,16px) and var(--button-normal-font-size,14px).
    const vant = readFileSync(join(WEAPP, 'vant', 'button', 'index.wxss'), 'utf8');
    expect(vant).toContain('var(--button-normal-font-size,14px)');
    const common = readFileSync(join(WEAPP, 'common.wxss'), 'utf8').replace(/\s+/g, '');
    expect(common).toMatch(/page\{[^}]*--button-normal-font-size:calc\(28rpx\*var\(--xq-text-scale,1\)\)/);
    expect(common).toMatch(/page\{[^}]*--button-default-font-size:calc\(32rpx\*var\(--xq-text-scale,1\)\)/);
  });
});
