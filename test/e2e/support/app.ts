/**
 * What every story does with the app: open a page by its hash route, sign in through the demo-user
 * picker, choose a photo through the browser's file chooser, and (set-up only) call the local API
 * with a person's token.
 */
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import type { Person } from './browser';
import { gcj02ToWgs84 } from '../../../shared/geo-datum';

/** Hash routes of the H5 build (app.config.ts). */
export const ROUTES = {
  signin: '/pages/signin/index',
  report: (estate?: string) => (estate ? `/pages/report/index?estate=${encodeURIComponent(estate)}` : '/pages/report/index'),
  mine: '/pages/mine/index',
  ticket: (id: string) => `/pages/ticket/index?id=${encodeURIComponent(id)}`,
  staffHome: '/staff/pages/home/index',
  queue: (view: string) => `/staff/pages/queue/index?view=${view}`,
  staffTicket: (id: string) => `/staff/pages/ticket/index?id=${encodeURIComponent(id)}`,
  desk: '/staff/pages/desk/index',
  dashboard: '/staff/pages/dashboard/index',
  groups: '/staff/pages/groups/index',
  estates: '/pages/estates/index',
  noticeboard: (estate: string) => `/pages/noticeboard/index?estate=${encodeURIComponent(estate)}`,
  poster: (estate: string) => `/pages/poster/index?estate=${encodeURIComponent(estate)}`,
  share: (id: string) => `/pages/share/index?id=${encodeURIComponent(id)}`,
};

/** 和顺佳苑 (yn-hsjy), a Yongning estate: its scene code and position (local/demo/places.ts). */
/**
 * 和顺佳苑. Stored coordinates are GCJ-02 (what WeChat's getLocation({type: 'gcj02'}) gives); a
 * browser's geolocation is WGS-84, which the H5 build converts to GCJ-02. So the phone at the estate
 * reads the WGS-84 point of the estate's GCJ-02 location.
 */
const HSJY_GCJ02 = { lat: 38.2792, lng: 106.2478 };
const HSJY_WGS84 = gcj02ToWgs84(HSJY_GCJ02);
export const HSJY = { id: 'yn-hsjy', sceneCode: 'yn-hsjy', name: '和顺佳苑', location: HSJY_GCJ02, at: { latitude: HSJY_WGS84.lat, longitude: HSJY_WGS84.lng } };

/** Demo users (local/demo/people.ts). */
export const USERS = {
  resident: 'demo.yongning.resident1',
  grid: 'demo.grid.yn-hsjy.grid',
  zjj: 'demo.dept.yongning.zjj',
  street: 'demo.street.yongning.t.yanghe',
  police: 'demo.yongning.police',
  leadership: 'demo.yongning.leadership',
  property: 'demo.property.pc-yn-anju',
};

/**
 * Opens a page of the app at `baseUrl` as a fresh load (as a scanned QR code or a shared link would):
 * a goto that changed only the hash would let the router show a page instance already in its stack.
 */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#${route}`);
}

/** Signs in as a demo user by tapping them in the picker; waits until the app has left the picker. */
export async function signIn(p: Person, baseUrl: string, userId: string): Promise<void> {
  await open(p.page, baseUrl, ROUTES.signin);
  const row = p.page.locator(`[data-user="${userId}"]`);
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await p.page.waitForURL((u) => !u.hash.startsWith(`#${ROUTES.signin}`), { timeout: 15_000 });
}

/** Taps `trigger` (which calls Taro.chooseImage) and answers the file chooser with a small PNG. */
export async function choosePhoto(page: Page, trigger: Locator, name = 'photo.png'): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), trigger.click()]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: tinyPng() });
}

// --- A small valid PNG, made here so that the suite needs no image files. ---

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 16×16 RGB PNG in two colours (a "photo" the server's magic-number check accepts). */
export function tinyPng(size = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const hot = (x + y) % 4 < 2;
      row.set(hot ? [230, 80, 40] : [40, 90, 200], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- The local API, for set-up and for counting what the server holds (never for what a user sees). ---

export async function apiToken(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  const body = (await res.json()) as { ok: boolean; data?: { token: string } };
  if (!body.ok || !body.data) throw new Error(`dev sign-in of ${userId} failed: ${JSON.stringify(body)}`);
  return body.data.token;
}

export async function api<T>(baseUrl: string, token: string, fn: 'report' | 'ticket' | 'admin', action: string, data: unknown = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

export async function runSweep(baseUrl: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api/dev/sweep`, { method: 'POST' });
  return res.json();
}

/**
 * The resident's whole report on screen: the estate from its QR code, a category tile, an optional
 * photo, the description, optionally the consent to the public view, 提交 and the confirmation. Answers the ticket number shown.
 */
export async function report(p: Person, baseUrl: string, r: { estate: string; category: string; description: string; photo?: boolean; photosPublic?: boolean }): Promise<string> {
  const { page } = p;
  await open(page, baseUrl, ROUTES.report(r.estate));
  await p.see('选择问题类型');
  await page.locator(`[data-code="${r.category}"]`).click();
  if (r.photo) {
    await choosePhoto(page, page.locator('.photo--add'));
    await p.see('拍照/相册 1/9');
  }
  await page.locator('textarea').first().fill(r.description);
  if (r.photosPublic) {
    const consent = page.locator('.ui-switch[aria-label="允许在业主群公示照片和问题描述"]');
    await consent.click();
    await consent.and(page.locator('[aria-checked="true"]')).waitFor();
  }
  await page.getByText('提交', { exact: true }).click();
  await p.see('上报成功，已转交承办单位', 20_000);
  return (await page.locator('.ticket-no').innerText()).trim();
}

/** Staff: taps an action button of the ticket's 办理 panel (e.g. 吹哨) and answers its form's scope. */
export async function openAction(p: Person, label: string): Promise<Locator> {
  // The step that moves the ticket on is the full-width button (.actions__primary), the rest small ones.
  await p.page.locator('.actions__primary, .actions__bar').filter({ visible: true }).getByText(label, { exact: true }).click();
  const form = p.page.locator('.action-form').filter({ visible: true }).last();
  await form.waitFor({ state: 'visible', timeout: 10_000 });
  return form;
}

/** Staff: taps 确认<label> in an open action form. */
export async function confirmAction(form: Locator, label: string): Promise<void> {
  await form.getByText(`确认${label}`, { exact: true }).click();
}

/** Staff: opens the row of a ticket (by its number) in the list on screen. */
export async function openRow(p: Person, ticketNo: string): Promise<void> {
  await p.see(ticketNo);
  await p.page.locator('.ticket-row').filter({ hasText: ticketNo, visible: true }).locator('.ticket-row__head').click();
  await p.see('处理记录');
}

/** Geometry of Taro H5's picker columns (taro-picker-group: TOP and LINE_HEIGHT). */
const PICKER_TOP_PX = 102;
const PICKER_ROW_PX = 34;

/** Lets the page render twice (Stencil renders on animation frames). */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/**
 * Taro H5's date/time picker (a slide-up sheet of columns): taps `trigger`, drags each column as a
 * finger would until the wanted item (its text, e.g. '16日') sits in the middle, and taps 确定.
 */
export async function pickInPicker(page: Page, trigger: Locator, choices: ReadonlyArray<{ column: number; item: string }>): Promise<void> {
  await trigger.click();
  const sheet = page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor({ state: 'visible', timeout: 10_000 });
  // The sheet slides up (a 0.3 s transition): grab the columns where they come to rest.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
  for (const { column, item } of choices) {
    const group = sheet.locator('.weui-picker__group').nth(column);
    for (let tries = 0; ; tries += 1) {
      const at = await group.evaluate(
        (el, { wanted, top, row }) => {
          const content = el.querySelector<HTMLElement>('.weui-picker__content');
          const shift = /translate3d\(0(?:px)?, (-?[\d.]+)px/.exec(content?.style.transform ?? '');
          const items = Array.from(content?.querySelectorAll('.weui-picker__item') ?? [], (i) => i.textContent);
          return { index: Math.round((top - Number(shift?.[1] ?? top)) / row), target: items.indexOf(wanted) };
        },
        { wanted: item, top: PICKER_TOP_PX, row: PICKER_ROW_PX },
      );
      if (at.target < 0) throw new Error(`the picker's column ${column} has no item ${item}`);
      if (at.index === at.target) break;
      if (tries >= 10) throw new Error(`could not move the picker's column ${column} to ${item}`);
      const box = await group.boundingBox();
      if (!box) throw new Error(`picker column ${column} is not on screen`);
      // At most 5 rows per drag, so that the pointer stays inside the 7-row column.
      const step = Math.max(-5, Math.min(5, at.target - at.index));
      const x = box.x + box.width / 2;
      const from = step > 0 ? box.y + box.height - 15 : box.y + 15;
      await page.mouse.move(x, from);
      await page.mouse.down();
      await page.mouse.move(x, from - step * PICKER_ROW_PX);
      await frames(page);
      await page.mouse.up();
      await frames(page);
    }
  }
  await sheet.getByText('确定', { exact: true }).click();
  await sheet.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The ticket id of the page on screen (`…?id=` of its hash route). */
export function ticketIdOf(page: Page): string {
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
  if (!id) throw new Error(`no ticket id in ${page.url()}`);
  return id;
}
