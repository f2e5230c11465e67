/**
 * H5 (and jest): the browser's default font size (what `font-size: medium` computes to, which the
 * reader sets in the browser; Taro H5 overrides the root's own size for rem) sets --xq-text-scale
 * on the document, so every page's text follows it.
 */
import { useEffect, type ComponentType } from 'react';
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

/**
 * A page with the large-text mode: <TextScale /> first, then the page (its loading and error states
 * included); in H5 TextScale renders nothing (the document carries the scale), so this adds no node. Usage: `export default withTextScale(MyPage)`, plus `enablePageMeta: true`
 * in the page's config so that Taro writes <page-meta> into its WXML.
 */
export function withTextScale<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function TextScaledPage(props: P) {
    return (
      <>
        <TextScale />
        <Page {...props} />
      </>
    );
  }
  TextScaledPage.displayName = `withTextScale(${Page.displayName ?? Page.name})`;
  return TextScaledPage;
}
