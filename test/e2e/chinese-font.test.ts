/**
 * The browser that `npm install` brings renders Chinese (issue 13): on a machine with no CJK font
 * installed, every story's screenshot must show text, not blanks or boxes. Two different
 * characters are drawn on a canvas: a missing font draws nothing (blank) or the same .notdef box
 * for both, so they must both have ink and differ.
 */
import type { Browser } from 'playwright-core';
import { launch } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser.close();
});

it('draws 飞 and 线 as two different glyphs with ink', async () => {
  const page = await browser.newPage();
  const glyphs = await page.evaluate(() =>
    ['飞', '线'].map((ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.font = '40px sans-serif';
      g.fillText(ch, 4, 40);
      const alpha = Array.from(g.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3));
      return { ink: alpha.filter((a) => a > 0).length, bits: alpha.map((a) => (a > 127 ? 1 : 0)).join('') };
    }),
  );
  const [fei, xian] = glyphs;
  expect(fei?.ink).toBeGreaterThan(50);
  expect(xian?.ink).toBeGreaterThan(50);
  expect(fei?.bits).not.toBe(xian?.bits);
  await page.close();
});
