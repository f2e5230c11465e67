/**
 * The noticeboard poster on ONE A4 page (issue 19 §4 "print every estate's poster in one PDF-ready
 * page"; issue 20 §5 "the printable poster carries the same content"), on the H5 build served by the
 * local runtime with the demo data, printed to PDF by Chromium (page.pdf, A4):
 * - every demo jurisdiction's print-all page, opened by its admin, prints exactly one page per estate,
 *   and each estate's sheet printed alone is one page, the densest demo boards among them (永宁县's 12
 *   units, 吴忠市's longest duties);
 * - each printed sheet still carries the whole board: every unit the list names for the estate with
 *   its phone, contact person, 投诉举报电话 and its duties in Simplified Chinese, 12345, the 六公开/五公开,
 *   and the documents named;
 * - the QR code prints at 3 cm or more;
 * - the single poster page of the densest estate prints on one page too.
 */
import type { Page } from 'playwright-core';
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { open, ROUTES, signIn } from './support/app';
import { DEMO_ESTATES } from '../../local/demo/places';
import { unitContacts } from '../../local/demo/people';
import { fullNoticeboard } from '../../shared/routing/noticeboard';
import { readableQuote } from '../../shared/jurisdictions/bundled/quotes';
import { DISCLOSURE_FIELDS } from '../../shared/domain/disclosure';

const STORY = '19-poster-print';
jest.setTimeout(300_000);
const stage = useStory(STORY, { demoTickets: false });

/** 3 cm in CSS pixels (96 per inch): what a phone's camera reads at arm's length. */
const THREE_CM_PX = (3 / 2.54) * 96;

/** Pages of the PDF Chromium prints (the page tree's /Count). */
async function pdfPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  return Math.max(...(pdf.match(/\/Count (\d+)/g) ?? []).map((c) => Number(c.slice(7))));
}

const ADMINS: Record<string, string> = { yinchuan: 'demo.yinchuan.admin', yongning: 'demo.yinchuan.admin', wuzhong: 'demo.wuzhong.admin', qitai: 'demo.qitai.admin' };
const contacts = unitContacts(DEMO_ESTATES);

async function printAll(p: Person, url: string, jurisdiction: string): Promise<void> {
  await open(p.page, url, `/pages/posters/index?jurisdiction=${jurisdiction}`);
  const estates = DEMO_ESTATES.filter((e) => e.jurisdiction === jurisdiction);
  await p.see(`本辖区共 ${estates.length} 个小区`);
  const sheets = p.page.locator('[data-sheet]');
  await sheets.nth(estates.length - 1).locator('.poster__url').waitFor({ timeout: 20_000 });
  expect(await sheets.count()).toBe(estates.length);
}

test.each(['yongning', 'yinchuan', 'wuzhong', 'qitai'])('%s: one A4 page per estate, each with its whole noticeboard', async (jurisdiction) => {
  const { story, browser } = stage;
  const admin = await person(browser, story.url, STORY, `admin-${jurisdiction}`);
  await signIn(admin, story.url, ADMINS[jurisdiction]!);
  await printAll(admin, story.url, jurisdiction);
  const estates = DEMO_ESTATES.filter((e) => e.jurisdiction === jurisdiction);

  for (const estate of estates) {
    const sheet = admin.page.locator(`[data-sheet="${estate.id}"]`);
    const text = (await sheet.innerText()).replace(/\s+/g, '');
    const board = fullNoticeboard(estate, contacts);
    expect(board.units.length).toBeGreaterThan(5);
    for (const unit of board.units) {
      const own = (await sheet.locator(`[data-unit="${unit.id}"]`).innerText()).replace(/\s+/g, '');
      expect(own).toContain(unit.name);
      for (const phone of [unit.phone, unit.complaintPhone, unit.contactPerson]) expect(own).toContain(phone as string);
      // Every duty in Simplified Chinese (002 is quoted in Traditional characters), printed once on the
      // sheet; under each unit it leads, its text or its item (a row several units lead: 另见〔…〕).
      for (const duty of unit.duties) {
        const words = readableQuote(duty.text).replace(/\s+/g, '');
        expect(text).toContain(words);
        expect(own.includes(words) || own.includes(`${duty.item.replace(/\s+/g, '')}〕`)).toBe(true);
      }
    }
    expect(text).toContain('12345政务服务便民热线');
    for (const f of DISCLOSURE_FIELDS) expect(text).toContain(f.label);
    expect(text).toMatch(/职责依据：①《[^》]+》/);
  }

  // Printed: the QR code at 3 cm or more, and exactly one page per estate.
  await admin.page.emulateMedia({ media: 'print' });
  for (const estate of estates) {
    const box = await admin.page.locator(`[data-sheet="${estate.id}"] .poster__qr img`).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(THREE_CM_PX);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(THREE_CM_PX);
  }
  // Back to no emulation: page.pdf prints with print media unless screen is emulated.
  await admin.page.emulateMedia({ media: null });
  await admin.shot(`posters-${jurisdiction}`);
  expect(await pdfPages(admin.page)).toBe(estates.length);
  for (const estate of estates) {
    const only = await admin.page.addStyleTag({ content: `[data-sheet]:not([data-sheet="${estate.id}"]) { display: none !important; }` });
    expect([estate.name, await pdfPages(admin.page)]).toEqual([estate.name, 1]);
    await only.evaluate((el) => (el as Element).remove());
  }
});

test('the single poster page of the densest demo estate prints on one A4 page', async () => {
  const { story, browser } = stage;
  // The demo board with the most text: units' names and duties as printed.
  const weight = (id: string) => {
    const board = fullNoticeboard(DEMO_ESTATES.find((e) => e.id === id)!, contacts);
    return board.units.reduce((n, u) => n + u.name.length + u.duties.reduce((m, d) => m + readableQuote(d.text).length + d.item.length + 3, 0), 0);
  };
  const densest = [...DEMO_ESTATES].sort((a, b) => weight(b.id) - weight(a.id))[0]!;
  const resident = await person(browser, story.url, STORY, 'poster');
  await open(resident.page, story.url, ROUTES.poster(densest.id));
  await resident.page.locator('.poster__qr img').waitFor({ timeout: 20_000 });
  await resident.see(densest.name);
  await resident.shot('poster-densest');
  expect([densest.name, await pdfPages(resident.page)]).toEqual([densest.name, 1]);
});
