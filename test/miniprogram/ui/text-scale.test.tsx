/**
 * Large-text mode (适老化, issue 18 §6: "A large-text mode follows the WeChat font-size setting").
 * WeChat reports the reader's 「我-设置-通用-字体大小」 as getSystemInfoSync().fontSizeSetting in px
 * (@tarojs/taro types/api/base/system.d.ts: "用户字体大小（单位px）"); a browser's default is what
 * `font-size: medium` computes to (CSS Fonts 3: medium is the user's preferred size, 16 px unset).
 */
import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextScale, useTextScaleOnDocument } from '../../../miniprogram/ui/TextScale';
import { MAX_TEXT_SCALE, textScaleFor } from '../../../miniprogram/ui/text-scale';

describe('textScaleFor', () => {
  it('keeps the designed sizes at the standard 16 px and below', () => {
    expect([16, 14, 12].map(textScaleFor)).toEqual([1, 1, 1]);
  });

  it('grows text with a larger setting, in steps of 0.05, up to half as large again', () => {
    expect([17, 18, 20, 22, 24, 28, 40].map(textScaleFor)).toEqual([1.05, 1.15, 1.25, 1.4, 1.5, MAX_TEXT_SCALE, MAX_TEXT_SCALE]);
  });

  it('reads no setting (an old client, a failed call) as the standard size', () => {
    expect([undefined, null, Number.NaN, 0, -3].map(textScaleFor)).toEqual([1, 1, 1, 1, 1]);
  });
});

function Shell() {
  useTextScaleOnDocument();
  return <TextScale />;
}

describe('H5: the browser font size scales every page', () => {
  afterEach(() => {
    document.documentElement.style.removeProperty('--xq-text-scale');
    jest.restoreAllMocks();
  });

  function withBrowserFont(px: string) {
    const real = window.getComputedStyle.bind(window);
    jest.spyOn(window, 'getComputedStyle').mockImplementation((el, pseudo) => {
      const style = real(el, pseudo);
      // jsdom computes no font sizes: the reader's browser setting is stood in for here.
      return el instanceof HTMLElement && el.style.fontSize === 'medium' ? ({ ...style, fontSize: px } as CSSStyleDeclaration) : style;
    });
  }

  it('sets --xq-text-scale on the document from the browser’s default font size', () => {
    withBrowserFont('20px');
    render(<Shell />);
    expect(document.documentElement.style.getPropertyValue('--xq-text-scale')).toBe('1.25');
    expect(document.body.children.length).toBeGreaterThan(0); // the probe is gone, the render root stays
    expect(document.querySelectorAll('div[style*="medium"]')).toHaveLength(0);
  });

  it('sets 1 for a browser at the standard size', () => {
    withBrowserFont('16px');
    render(<Shell />);
    expect(document.documentElement.style.getPropertyValue('--xq-text-scale')).toBe('1');
  });
});

describe('the style sheets size text by the scale', () => {
  const sheets = ['miniprogram/app.css', 'miniprogram/ui/ui.css', 'miniprogram/staff/styles.css', 'miniprogram/staff/pages/dashboard/index.css'];
  it.each(sheets)('%s: every text size (but the fixed icon circles) is calc(Npx * var(--xq-text-scale, 1))', (sheet) => {
    const text = readFileSync(join(__dirname, '..', '..', '..', sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const sizes = [...text.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap((m) =>
      (m[1] ?? '').includes('.ui-icon') ? [] : [...(m[2] ?? '').matchAll(/font-size:\s*([^;]+)/g)].map((f) => `${(m[1] ?? '').trim()}: ${f[1]}`),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((s) => !/calc\(\d+px \* var\(--xq-text-scale, 1\)\)$/.test(s))).toEqual([]);
  });
});
