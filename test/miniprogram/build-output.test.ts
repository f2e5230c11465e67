/**
 * Production builds of the mini-program, checked on their output: weapp (pages, subpackage,
 * usingComponents, main-package size, only the used Vant components) and H5 (index.html, bundle).
 * The builds run once per jest run in the global setup (test/setup/builds.ts), before any test, so
 * these checks and the browser stories read the same output. Figures are printed with console.log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES } from '../../shared/taxonomy/categories';
import { VANT_COMPONENTS, VANT_OUTPUT_DIR, vantClosure } from '../../config/vant';

const root = path.resolve(__dirname, '..', '..');
const MAIN_PACKAGE_LIMIT = 1024 * 1024;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Minified bundles may spell Chinese as \uXXXX escapes. */
const unescapeUnicode = (text: string): string =>
  text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  requiredPrivateInfos?: string[];
  __usePrivacyCheck__?: boolean;
  permission?: Record<string, { desc?: string }>;
  sitemapLocation?: string;
}

describe('weapp production build', () => {
  const out = path.join(root, 'dist', 'weapp');
  let app: AppJson;

  beforeAll(() => {
    app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as AppJson;
  });

  it('app.json lists the resident pages, the staff subpackage and the privacy settings', () => {
    // The page map of miniprogram/app.config.ts.
    expect(app.pages).toEqual([
      'pages/report/index',
      'pages/mine/index',
      'pages/ticket/index',
      'pages/noticeboard/index',
      'pages/estates/index',
      'pages/signin/index',
      'pages/poster/index',
      'pages/share/index',
      'pages/privacy/index',
      'pages/invite/index',
      'pages/posters/index',
    ]);
    expect(app.subPackages).toEqual([
      {
        root: 'staff',
        pages: [
          'pages/home/index',
          'pages/queue/index',
          'pages/ticket/index',
          'pages/dashboard/index',
          'pages/desk/index',
          'pages/groups/index',
          // Issue 20: the rectification ledger, the "123" class and visits; company assessment, the hotline, disclosure.
          'pages/ledger/index',
          'pages/governance/index',
          'pages/companies/index',
          'pages/hotline/index',
          'pages/disclosure/index',
          // Issue 19: the jurisdiction's responsibility lists (import, preview, activate).
          'pages/county/index',
          // Issue 20 §6: the 12345 center's queue with 催办 and 督办.
          'pages/hotline-queue/index',
        ],
      },
    ]);
    expect(app.requiredPrivateInfos).toEqual(['getLocation', 'chooseLocation']);
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/位置/);
    // The sitemap named by app.json is in the output (copied by config/index.ts) and keeps staff pages out.
    expect(app.sitemapLocation).toBe('sitemap.json');
    const sitemap = JSON.parse(fs.readFileSync(path.join(out, 'sitemap.json'), 'utf8')) as { rules: Array<{ action?: string; page: string }> };
    expect(sitemap.rules.find((rule) => rule.page === 'staff/pages/ticket/index')?.action).toBe('disallow');
  });

  it('initializes wx.cloud with the build\'s env (TARO_APP_CLOUD_ENV compiled in, no process.env left)', () => {
    const scripts = filesUnder(out).filter((file) => file.endsWith('.js'));
    const code = scripts.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect(code).toMatch(/\.cloud\.init\(\{env:[\w$]+,traceUser:!0\}\)/);
    expect(code).not.toContain('process.env.TARO_APP_CLOUD_ENV');
  });

  it('every page has its .js, .wxml and .json', () => {
    const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
    expect(pages).toHaveLength(24);
    for (const page of pages) {
      for (const ext of ['.js', '.wxml', '.json']) {
        expect(fs.existsSync(path.join(out, page + ext)) ? page + ext : `missing ${page + ext}`).toBe(page + ext);
      }
    }
  });

  it('every usingComponents path in the output resolves to a component (.json, .js, .wxml)', () => {
    const jsonFiles = filesUnder(out).filter((file) => file.endsWith('.json') && !/project(\.private)?\.config\.json$/.test(file));
    const unresolved: string[] = [];
    let checked = 0;
    for (const file of jsonFiles) {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
      for (const [tag, ref] of Object.entries(parsed.usingComponents ?? {})) {
        if (ref.startsWith('plugin://')) continue;
        const base = ref.startsWith('/') ? path.join(out, ref) : path.resolve(path.dirname(file), ref);
        checked += 1;
        for (const ext of ['.json', '.js', '.wxml']) {
          if (!fs.existsSync(base + ext)) unresolved.push(`${path.relative(out, file)}: ${tag} → ${ref}${ext}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
    // The report page's van-button and Vant's own icon/loading/info references at least.
    expect(checked).toBeGreaterThanOrEqual(4);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'pages/report/index.json'), 'utf8')) as { usingComponents?: Record<string, string> };
    expect(report.usingComponents?.['van-button']).toBe(`/${VANT_OUTPUT_DIR}/button/index`);
  });

  it('the main package (everything outside subpackage roots) is at most 1 MB', () => {
    const subRoots = (app.subPackages ?? []).map((sub) => path.join(out, sub.root) + path.sep);
    const files = filesUnder(out);
    const main = files.filter((file) => !subRoots.some((subRoot) => file.startsWith(subRoot)));
    const mainBytes = main.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const totalBytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const vantBytes = filesUnder(path.join(out, VANT_OUTPUT_DIR)).reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const largest = main
      .map((file) => ({ file: path.relative(out, file), size: fs.statSync(file).size }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map(({ file, size }) => `${file} ${kb(size)}`);
    console.log(
      `weapp main package: ${mainBytes} bytes (${kb(mainBytes)}) of ${MAIN_PACKAGE_LIMIT}; all packages ${kb(totalBytes)}; ` +
        `vant ${kb(vantBytes)}; largest: ${largest.join(', ')}`,
    );
    expect(mainBytes).toBeGreaterThan(0);
    expect(mainBytes).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT);
  });

  it('copies only the Vant components in use, their dependencies and shared parts', () => {
    expect(vantClosure(['button'], root)).toEqual(['button', 'icon', 'info', 'loading']);
    const copied = fs.readdirSync(path.join(out, VANT_OUTPUT_DIR)).sort();
    expect(copied).toEqual([...vantClosure(VANT_COMPONENTS, root), 'common', 'mixins', 'wxs'].sort());
    expect(fs.existsSync(path.join(out, VANT_OUTPUT_DIR, 'calendar'))).toBe(false);
    expect(filesUnder(path.join(out, VANT_OUTPUT_DIR)).filter((file) => file.endsWith('.d.ts'))).toEqual([]);
  });

  it('every relative require, <wxs src> and @import inside the copied Vant files resolves', () => {
    const refs: Record<string, RegExp> = {
      '.js': /require\(["'](\.{1,2}\/[^"']+)["']\)/g,
      '.wxs': /require\(["'](\.{1,2}\/[^"']+)["']\)/g,
      '.wxml': /<wxs[^>]*\ssrc="(\.{1,2}\/[^"]+)"/g,
      '.wxss': /@import\s+["'](\.{1,2}\/[^"']+)["']/g,
    };
    const missing: string[] = [];
    let checked = 0;
    for (const file of filesUnder(path.join(out, VANT_OUTPUT_DIR))) {
      const pattern = refs[path.extname(file)];
      if (!pattern) continue;
      for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) {
        const target = path.resolve(path.dirname(file), match[1] ?? '');
        checked += 1;
        // CommonJS requires may omit the extension.
        if (!fs.existsSync(target) && !fs.existsSync(`${target}.js`)) missing.push(`${path.relative(out, file)} → ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('declares in each page the Vant components its primitives render', () => {
    // Only the van-* entries: Taro adds its own 'comp' (the custom wrapper that renders deep trees).
    const using = (page: string) =>
      Object.keys((JSON.parse(fs.readFileSync(path.join(out, `${page}.json`), 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {})
        .filter((tag) => tag.startsWith('van-'))
        .sort();
    expect(using('pages/report/index')).toEqual(['van-button', 'van-icon', 'van-progress', 'van-switch']);
    expect(using('pages/ticket/index')).toEqual(['van-button', 'van-icon', 'van-rate', 'van-switch', 'van-tag']);
    expect(using('pages/mine/index')).toEqual(['van-button', 'van-tag']);
    expect(using('pages/noticeboard/index')).toEqual(['van-button', 'van-tag']);
    // Taro puts every template in base.wxml: each van-* tag there is copied and declared by some page.
    const templated = new Set([...fs.readFileSync(path.join(out, 'base.wxml'), 'utf8').matchAll(/<(van-[a-z-]+)/g)].map((m) => m[1] ?? ''));
    const allPages = [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
    const declared = new Set(allPages.flatMap(using));
    expect([...templated].sort()).toEqual(VANT_COMPONENTS.map((c) => `van-${c}`).sort());
    for (const tag of templated) expect(declared.has(tag) ? tag : `undeclared ${tag}`).toBe(tag);
  });

  it('leaves the H5-only QR library out of the weapp package', () => {
    const js = filesUnder(out).filter((file) => file.endsWith('.js') && !file.includes(`${path.sep}${VANT_OUTPUT_DIR}${path.sep}`));
    const bundle = js.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect(bundle).not.toContain('No input text');
    expect(unescapeUnicode(bundle)).toContain('小程序码由后台生成');
  });

  it('compiles shared/ into the report page: category labels are in its bundle', () => {
    // Several resident pages use the taxonomy, so webpack moves it into the main package's shared chunks,
    // which app.js requires before any page: the report page's code is its own file plus those.
    expect(fs.readFileSync(path.join(out, 'app.js'), 'utf8')).toContain('require("./common"),require("./vendors")');
    const bundle = unescapeUnicode(['pages/report/index.js', 'common.js', 'vendors.js'].map((file) => fs.readFileSync(path.join(out, file), 'utf8')).join('\n'));
    for (const cat of CATEGORIES) expect(bundle).toContain(cat.label);
  });
});

describe('h5 production build', () => {
  const out = path.join(root, 'dist', 'h5');

  beforeAll(() => {
    const bytes = filesUnder(out).reduce((sum, file) => sum + fs.statSync(file).size, 0);
    console.log(`h5 production build output: ${kb(bytes)}`);
  });

  it('writes index.html whose scripts exist', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<title>小区吹哨</title>');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('/')).toBe(true);
      expect(fs.existsSync(path.join(out, src)) ? src : `missing ${src}`).toBe(src);
    }
  });

  it('bundles the shared category labels (Chinese text survives the build)', () => {
    const js = filesUnder(path.join(out, 'js')).filter((file) => file.endsWith('.js'));
    const bundle = unescapeUnicode(js.map((file) => fs.readFileSync(file, 'utf8')).join('\n'));
    expect(bundle).toContain('飞线充电');
    expect(bundle).toContain('占用堵塞消防车道/疏散通道/安全出口');
  });

  it('carries the QR library for the poster (H5 draws the estate QR code itself)', () => {
    const js = filesUnder(path.join(out, 'js')).filter((file) => file.endsWith('.js'));
    expect(js.map((file) => fs.readFileSync(file, 'utf8')).join('\n')).toContain('No input text');
  });

  it('uses hash routing, so any static server can serve it', () => {
    const app = filesUnder(path.join(out, 'js')).filter((file) => /\/app\.[0-9a-f]+\.js$/.test(file));
    expect(app).toHaveLength(1);
    expect(fs.readFileSync(app[0] ?? '', 'utf8')).toContain('"router":{"mode":"hash"}');
  });
});
