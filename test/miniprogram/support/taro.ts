/**
 * `@tarojs/taro` for jsdom page tests (jest moduleNameMapper): Taro's H5 API, with the page lifecycle
 * hooks replaced by plain React effects, since the real ones need a booted Taro app and router.
 * Tests set the page query with `setPageQuery` before rendering.
 *
 * The default export carries every named API (Taro.setStorageSync, Taro.showToast …) as in the H5
 * build, where babel-plugin-transform-taroapi rewrites `Taro.x` into taro-h5's named export `x`;
 * without that plugin here, taro-h5's own default object has only a few of them. It is a plain
 * object, so tests can jest.spyOn(Taro, 'makePhoneCall') and the like.
 */
import { useEffect, useRef } from 'react';
import * as TaroH5 from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';

const Taro = Object.assign({}, TaroH5.default, TaroH5) as typeof TaroH5.default;
export default Taro;

type Query = Record<string, string | undefined>;

let pageQuery: Query = {};
let pagePath = '/pages/report/index';

/** The query (and path) the next rendered page sees in useLoad/useRouter. */
export function setPageQuery(query: Query, path = pagePath): void {
  pageQuery = { ...query };
  pagePath = path;
}

/** Runs once after the first render, like a page's onLoad/onReady/onShow. */
function useOnce(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(), []);
}

function useOnUnmount(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => () => latest.current(), []);
}

export function useLoad<T extends object = Query>(callback: (query: T) => void): void {
  useOnce(() => callback({ ...pageQuery } as T));
}

export function useReady(callback: () => void): void {
  useOnce(callback);
}

export function useDidShow(callback: () => void): void {
  useOnce(callback);
}

export function useDidHide(callback: () => void): void {
  useOnUnmount(callback);
}

export function useUnload(callback: () => void): void {
  useOnUnmount(callback);
}

export function useLaunch(callback: () => void): void {
  useOnce(callback);
}

/** Pull-down, scroll and share never fire in jsdom; reach-bottom fires when a test calls reachBottom(). */
export function usePullDownRefresh(_callback: () => void): void {}

/** The mounted pages' reach-bottom callbacks (each kept current, as Taro's hook keeps fnRef). */
const reachBottomCallbacks = new Set<{ current: () => void }>();

export function useReachBottom(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    reachBottomCallbacks.add(latest);
    return () => void reachBottomCallbacks.delete(latest);
  }, []);
}

/**
 * The page's onReachBottom as the platform fires it when the list is scrolled to its end: Taro's
 * runtime (@tarojs/runtime dist/dsl/common.js safeExecute) calls every callback the page's
 * useReachBottom registered (@tarojs/plugin-framework-react createTaroHook), at once, in order.
 */
export function reachBottom(): void {
  for (const callback of [...reachBottomCallbacks]) callback.current();
}
export function usePageScroll(_callback: (event: { scrollTop: number }) => void): void {}
export function useShareAppMessage(_callback: () => object): void {}

export function useRouter(): { params: Query; path: string } {
  return { params: { ...pageQuery }, path: pagePath };
}
