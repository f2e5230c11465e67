/**
 * Every resident page follows the WeChat font-size setting (issue 18 §6: "A large-text mode follows
 * the WeChat font-size setting (适老化)"). Each page is rendered with the weapp TextScale (what the
 * weapp build resolves for ui/TextScale: Taro picks *.weapp.tsx) while WeChat reports a reader's
 * 20 px setting (getSystemInfoSync().fontSizeSetting, "用户字体大小（单位px）" in @tarojs/taro
 * types/api/base/system.d.ts), and must put <page-meta page-style="--xq-text-scale: 1.25"> first —
 * in whatever state it renders first (loading, or an error from the fake backend).
 */
import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import { installFakeBackend, type FakeBackend } from '../support/fake-backend';
import { settle } from '../support/render';
import { setPageQuery } from '../support/taro';

// The weapp variant of the module every page imports (the H5 one renders nothing: the document carries the scale there).
jest.mock('../../../miniprogram/ui/TextScale', () => jest.requireActual('../../../miniprogram/ui/TextScale.weapp'));

const PAGES = ['estates', 'invite', 'mine', 'noticeboard', 'poster', 'privacy', 'report', 'share', 'signin', 'ticket'] as const;

let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  // Fake at the platform edge: taro-h5 reports fontSizeSetting NaN; WeChat reports the reader's setting.
  jest.spyOn(Taro, 'getSystemInfoSync').mockReturnValue({ fontSizeSetting: 20 } as ReturnType<typeof Taro.getSystemInfoSync>);
  // Taro's web PageMeta only logs that H5 has no page-meta; this test reads the node the weapp build binds.
  const log = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('PageMeta')) return;
    log(...args);
  });
});

afterEach(() => {
  backend.restore();
  jest.restoreAllMocks();
});

describe.each(PAGES)('pages/%s', (page) => {
  it('renders <page-meta> with the reader’s text scale as its first node', async () => {
    setPageQuery({ estate: 'yn-hsjy', id: 'YN-20261206-0001', code: 'ABCD2345' }, `/pages/${page}/index`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each page module loaded after the mock above
    const Page = (require(`../../../miniprogram/pages/${page}/index`) as { default: ComponentType }).default;
    const { container, unmount } = render(<Page />);
    const first = container.firstElementChild;
    expect(first?.tagName.toLowerCase()).toBe('taro-page-meta-core');
    expect((first as unknown as { pageStyle?: string } | null)?.pageStyle).toBe('--xq-text-scale: 1.25');
    await settle();
    // Still first once the page has loaded or failed.
    expect(container.firstElementChild).toBe(first);
    unmount();
  });
});
