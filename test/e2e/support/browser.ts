/**
 * Debian's Chromium driven by playwright-core (TOOLCHAIN.md): a 375×812 phone viewport, Chinese
 * locale, one fresh context per person. Screenshots land in test/artifacts/screenshots/<story>/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');
export const VIEWPORT = { width: 375, height: 812 };

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
      `--user-data-dir=${mkdtempSync(join(tmpdir(), 'xqcs-chromium-'))}`,
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  shot(name: string): Promise<void>;
  /** Waits until the text is on screen; on failure saves what was there and says what was expected. */
  see(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export async function person(browser: Browser, baseUrl: string, story: string, who: string): Promise<Person> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseUrl, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const dir = join(SCREENSHOTS, story);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const shot = async (name: string) => {
    n += 1;
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${who}-${name}.png`), fullPage: false });
  };
  const see = async (text: string | RegExp, timeoutMs = 15_000) => {
    try {
      await page.getByText(text).first().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      const file = join(dir, `FAILED-${who}-${Date.now()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 800);
      throw new Error(`[${story}/${who}] expected to see ${String(text)} on screen; screenshot: ${file}\nscreen text: ${body}`);
    }
  };
  return { context, page, shot, see };
}
