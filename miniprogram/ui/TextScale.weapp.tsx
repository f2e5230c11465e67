/**
 * weapp: the reader's WeChat font size (getSystemInfoSync().fontSizeSetting, 「我-设置-通用-字体大小」)
 * sets --xq-text-scale on the page root through <page-meta page-style>, which must be the page's
 * first node (WeChat page-meta documentation; Taro's PageMeta). Put <TextScale /> first on a page.
 */
import type { ComponentType } from 'react';
import { PageMeta } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { textScaleFor, textScaleStyle } from './text-scale';

function wechatFontPx(): number | null {
  try {
    return Taro.getSystemInfoSync().fontSizeSetting ?? null;
  } catch {
    return null;
  }
}

/** weapp has no shared document: each page carries the scale on its own root (TextScale below). */
export function useTextScaleOnDocument(): void {}

export function TextScale() {
  return <PageMeta pageStyle={textScaleStyle(textScaleFor(wechatFontPx()))} />;
}

/**
 * A page with the large-text mode: <TextScale /> first, then the page (its loading and error states
 * included); its page-meta is a transfer element bound to the page's own data (Taro), so it reaches the page root from any render path. Usage: `export default withTextScale(MyPage)`, plus `enablePageMeta: true`
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
