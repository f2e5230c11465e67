/**
 * Large-text mode (适老化, issue 18 §6): the text grows with the reader's own font-size setting —
 * WeChat's 「我-设置-通用-字体大小」 (wx.getSystemInfo fontSizeSetting, in px) in weapp, the browser's
 * default font size in H5. The style sheets size text as calc(Npx * var(--xq-text-scale, 1)).
 */

/** The standard size both report (WeChat's standard setting, the browser's `medium`). */
export const STANDARD_FONT_PX = 16;
/** Past half as large again the 375 px layouts stop fitting; smaller settings keep the designed sizes. */
export const MAX_TEXT_SCALE = 1.5;

/** The text scale for a reported font size: size ÷ 16, kept within 1–1.5, in steps of 0.05. */
export function textScaleFor(fontPx: number | null | undefined): number {
  if (typeof fontPx !== 'number' || !Number.isFinite(fontPx) || fontPx <= 0) return 1;
  const scale = Math.min(MAX_TEXT_SCALE, Math.max(1, fontPx / STANDARD_FONT_PX));
  return Math.round(scale * 20) / 20;
}

/** The CSS declaration that sets the scale on a page root or the document. */
export function textScaleStyle(scale: number): string {
  return `--xq-text-scale: ${scale}`;
}
