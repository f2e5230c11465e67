/**
 * Debian's Chromium driven by playwright-core (TOOLCHAIN.md): a 375×812 phone viewport, Chinese
 * locale, one fresh context per person. Screenshots land in test/artifacts/screenshots/<story>/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');
export const VIEWPORT = { width: 375, height: 812 };

/** Launches Chromium; playwright gives it a fresh profile folder of its own (it refuses --user-data-dir here). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
