/**
 * H5 (and jest): the browser's default font size (what `font-size: medium` computes to, which the
 * reader sets in the browser; Taro H5 overrides the root's own size for rem) sets --xq-text-scale
 * on the document, so every page's text follows it.
 */
import { useEffect } from 'react';
import { textScaleFor } from './text-scale';

function browserFontPx(): number | null {
  if (typeof document === 'undefined' || !document.body) return null;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(px) ? px : null;
}

/** Called once by the app shell (app.tsx): the scale on <html> reaches every page. */
export function useTextScaleOnDocument(): void {
  useEffect(() => {
    document.documentElement.style.setProperty('--xq-text-scale', String(textScaleFor(browserFontPx())));
  }, []);
}

/** Nothing to render in H5 (the document carries the scale); weapp puts page-meta here. */
export function TextScale() {
  return null;
}

