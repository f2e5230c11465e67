/**
 * The Chromium that `npm install` brings (@sparticuz/chromium, TOOLCHAIN.md "A browser from npm"),
 * or a system one named by CHROMIUM_PATH, driven by playwright-core: a 375×812 phone viewport,
 * Chinese locale, one fresh context per person. Screenshots land in test/artifacts/screenshots/<story>/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { fontconfigWithCjk } from './cjk-font';

export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');
export const VIEWPORT = { width: 375, height: 812 };

/** Flags for a closed network: without them Chromium keeps dialling Google's hosts (env/machines/node.md). */
const QUIET = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * @sparticuz/chromium's serverless flags that would change what a story checks: same-origin rules,
 * and --single-process, under which the browser contexts of one story (one person each) shared their
 * storage, so a second person's sign-in replaced the first's session (seen: the street officer's
 * page showed the department officer signed in after them).
 */
const UNSAFE = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

interface Executable {
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

let packaged: Executable | undefined;

/** Unpacks the packaged browser once per process (a child process: the package is ES-module only). */
function packagedChromium(): Executable {
  if (packaged) return packaged;
  const out = execFileSync(process.execPath, [join(__dirname, 'unpack-chromium.mjs')], { encoding: 'utf8' });
  const { executablePath, args } = JSON.parse(out) as { executablePath: string; args: string[] };
  packaged = {
    executablePath,
    args: [...args.filter((a) => !UNSAFE.has(a) && !a.startsWith('--headless')), ...QUIET],
    env: { FONTCONFIG_PATH: fontconfigWithCjk(tmpdir(), join(tmpdir(), 'fonts')) },
  };
  return packaged;
}

/** CHROMIUM_PATH (a system Chromium, with the system's fonts) or the packaged one. */
export function browserExecutable(): Executable {
  const system = process.env.CHROMIUM_PATH;
  return system ? { executablePath: system, args: ['--headless', ...QUIET] } : packagedChromium();
}

/** Launches Chromium; playwright gives it a fresh profile folder of its own (it refuses --user-data-dir here). */
export async function launch(): Promise<Browser> {
  const { executablePath, args, env } = browserExecutable();
  return chromium.launch({ executablePath, args, headless: true, ...(env ? { env: { ...process.env, ...env } } : {}) });
}

/**
 * Waits for the router's page slide-in to end, so that a screenshot (and a width check) sees the
 * page in place. Taro's H5 router adds `taro_page_show` after a delay (a setTimeout) and
 * `taro_page_stationed` when the slide is over; before the first class no transition is running
 * yet, so "no running transition" alone passes too early.
 */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const pages = document.querySelectorAll<HTMLElement>('.taro_router > .taro_page');
        const top = pages[pages.length - 1];
        if (top && (!top.classList.contains('taro_page_stationed') || Math.abs(top.getBoundingClientRect().left) > 0.5)) return false;
        return document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running');
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** Screens taken so far per story: one sequence across its people, so that files sort in story order. */
const shotCounts = new Map<string, number>();

/** Empties the story's screenshot folder (call once, before the story), so it shows the last run only. */
export function resetScreenshots(story: string): void {
  rmSync(join(SCREENSHOTS, story), { recursive: true, force: true });
  shotCounts.set(story, 0);
}

export interface PersonOptions {
  /** Where the phone is (WGS-84): granted to the page's geolocation. */
  geolocation?: { latitude: number; longitude: number };
  /** Start the page's clock here (ISO with offset) and let it run, to agree with a simulated runtime clock. */
  clockAt?: string;
}

export interface Person {
  context: BrowserContext;
  page: Page;
  shot(name: string): Promise<void>;
  /** Waits until the text is on screen; on failure saves what was there and says what was expected. */
  see(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** The same, inside one part of the screen (a list row, a card). */
  seeIn(scope: Locator, text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Fails (with a screenshot) when the text is on screen now (call it after the page has shown what it loaded). */
  notSee(text: string | RegExp, scope?: Locator): Promise<void>;
}

export async function person(browser: Browser, baseUrl: string, story: string, who: string, opts: PersonOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl,
    deviceScaleFactor: 1,
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  });
  if (opts.clockAt) {
    await context.clock.install({ time: new Date(opts.clockAt) });
    await context.clock.resume();
  }
  const page = await context.newPage();
  const dir = join(SCREENSHOTS, story);
  mkdirSync(dir, { recursive: true });
  const shot = async (name: string) => {
    const n = (shotCounts.get(story) ?? 0) + 1;
    shotCounts.set(story, n);
    await settled(page);
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${who}-${name}.png`), fullPage: false });
  };
  const fail = async (what: string): Promise<never> => {
    const file = join(dir, `FAILED-${who}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 1200);
    throw new Error(`[${story}/${who}] ${what}; screenshot: ${file}\nscreen text: ${body}`);
  };
  const seeIn = async (scope: Locator, text: string | RegExp, timeoutMs = 15_000) => {
    try {
      await scope.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      await fail(`expected to see ${String(text)} on screen`);
    }
  };
  const see = (text: string | RegExp, timeoutMs?: number) => seeIn(page.locator('body'), text, timeoutMs);
  const notSee = async (text: string | RegExp, scope: Locator = page.locator('body')) => {
    if ((await scope.getByText(text).filter({ visible: true }).count()) > 0) await fail(`expected NOT to see ${String(text)} on screen`);
  };
  return { context, page, shot, see, seeIn, notSee };
}
