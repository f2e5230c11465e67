/**
 * Issue 15, declarations in the app config (miniprogram/app.config.ts → dist/weapp/app.json):
 * - `permission['scope.userLocation'].desc`, the purpose WeChat shows when asking for the location;
 * - `requiredPrivateInfos` lists every location API the sources call (WeChat refuses undeclared ones);
 * - `sitemapLocation` names a sitemap.json that keeps every staff page out of WeChat search (rules
 *   match from top to bottom: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/sitemap.html);
 * - the privacy policy page is in the main package.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  requiredPrivateInfos: string[];
  permission?: Record<string, { desc?: string }>;
  sitemapLocation?: string;
}
interface Sitemap {
  rules: Array<{ action?: 'allow' | 'disallow'; page: string; params?: string[]; priority?: number }>;
}

function loadAppConfig(): AppConfig {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../miniprogram/app.config') as { default: AppConfig }).default;
}

/** Whether WeChat may index this page: the first rule that names it (or '*') decides; no rule = allowed. */
function indexable(sitemap: Sitemap, page: string): boolean {
  const rule = sitemap.rules.find((r) => r.page === page || r.page === '*');
  return rule ? (rule.action ?? 'allow') === 'allow' : true;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const app = loadAppConfig();

describe('app config declarations', () => {
  it('describes why the location permission is asked for', () => {
    const desc = app.permission?.['scope.userLocation']?.desc ?? '';
    expect(desc).toMatch(/位置/);
    expect(desc.length).toBeGreaterThan(5);
    // WeChat limits the description to 30 characters.
    expect(Array.from(desc).length).toBeLessThanOrEqual(30);
  });

  it('declares in requiredPrivateInfos every location API the sources call', () => {
    const LOCATION_APIS = ['getLocation', 'chooseLocation', 'getFuzzyLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange'];
    const used = new Set<string>();
    for (const file of sources(path.join(root, 'miniprogram'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bTaro\.(\w+)\(/g)) if (LOCATION_APIS.includes(m[1]!)) used.add(m[1]!);
    }
    expect([...used].sort()).toEqual(['chooseLocation', 'getLocation']);
    for (const api of used) expect(app.requiredPrivateInfos).toContain(api);
  });

  it('keeps every staff page out of WeChat search with sitemap.json, and the resident pages in', () => {
    expect(app.sitemapLocation).toBe('sitemap.json');
    const sitemap = JSON.parse(fs.readFileSync(path.join(root, 'miniprogram', app.sitemapLocation!), 'utf8')) as Sitemap;
    expect(sitemap.rules.some((r) => r.priority !== undefined)).toBe(false); // top-to-bottom order is the whole story
    const staffPages = app.subPackages.flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`));
    expect(staffPages.length).toBeGreaterThan(0);
    for (const page of staffPages) expect(`${page}: ${indexable(sitemap, page)}`).toBe(`${page}: false`);
    expect(indexable(sitemap, 'pages/signin/index')).toBe(false);
    for (const page of ['pages/report/index', 'pages/noticeboard/index', 'pages/privacy/index']) expect(indexable(sitemap, page)).toBe(true);
  });

  it('copies sitemap.json into the weapp output (Taro does not)', () => {
    const config = fs.readFileSync(path.join(root, 'config', 'index.ts'), 'utf8');
    expect(config).toMatch(/from: 'miniprogram\/sitemap\.json', to: `\$\{outputRoot\}\/sitemap\.json`/);
  });

  it('has the privacy policy page in the main package', () => {
    expect(app.pages).toContain('pages/privacy/index');
    expect(fs.existsSync(path.join(root, 'miniprogram', 'pages', 'privacy', 'index.tsx'))).toBe(true);
  });
});
