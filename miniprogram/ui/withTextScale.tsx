/**
 * A page with the large-text mode: <TextScale /> first, then the page (its loading and error states
 * included). './TextScale' is the platform's own: in weapp (Taro resolves TextScale.weapp.tsx) a
 * page-meta transfer element bound to the page's data, so it reaches the page root from any render
 * path; in H5 nothing (the document carries the scale). Usage: `export default withTextScale(MyPage)`,
 * plus `enablePageMeta: true` in the page's config so that Taro writes <page-meta> into its WXML.
 */
import type { ComponentType } from 'react';
import { TextScale } from './TextScale';

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
