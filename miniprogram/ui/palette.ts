/**
 * Colours with at least 4.5:1 contrast for white text on them, and for them as text on white
 * (issue 18 §6; Vant's defaults — #1989fa, #07c160, #ff976a, #ee0a24, #969799 — reach 2.1–4.5:1).
 * The H5 styles (ui.css, components.css) use the same values.
 */
export const PALETTE = {
  default: '#646566',
  primary: '#0a6cce',
  success: '#06814a',
  warning: '#b35100',
  danger: '#c8102e',
} as const;
