/**
 * weapp: the reader's WeChat font size (getSystemInfoSync().fontSizeSetting, 「我-设置-通用-字体大小」)
 * sets --xq-text-scale on the page root through <page-meta page-style>, which must be the page's
 * first node (WeChat page-meta documentation; Taro's PageMeta). Put <TextScale /> first on a page.
 */
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

