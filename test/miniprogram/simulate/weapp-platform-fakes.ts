/**
 * Fakes of the WeChat platform edge that miniprogram-simulate does not provide, so the real Taro
 * weapp output (dist/weapp) can boot inside it:
 * - `App(config)` records the app instance; `getApp()` returns it.
 * - `getCurrentPages()` returns the stack of open pages, the current one last ("获取当前页面栈。数组中第一个
 *   元素为首页，最后一个元素为当前页面", WeChat API reference, getCurrentPages). It is empty while app.js
 *   loads (Taro's API layer calls it then); a page joins it when it is attached and leaves when it is
 *   detached. Taro's weapp runtime writes a page's <page-meta> (a transfer element, enablePageMeta)
 *   through the last page's setData (@tarojs/plugin-platform-weapp `transferHydrateData`).
 * - `Page(config)` turns Taro's page config into a `Component` definition: simulate (j-component) only
 *   knows components, and a WeChat page is itself a component whose lifecycle runs onLoad → onShow
 *   → onReady. Taro's handlers (`onLoad`, `eh`, …) become methods, `data` stays `data`.
 * `wx`, `Component` and `Behavior` are miniprogram-simulate's own (it installs them when required).
 */

type Handler = (this: PageInstance, ...args: unknown[]) => unknown;
interface PageInstance {
  route?: string;
  [method: string]: unknown;
}
interface TaroPageConfig {
  data?: Record<string, unknown>;
  [key: string]: unknown;
}
interface PlatformGlobals {
  App?: (config: Record<string, unknown>) => void;
  getApp?: () => unknown;
  getCurrentPages?: () => unknown[];
  Page?: (config: TaroPageConfig) => void;
  Component?: (definition: Record<string, unknown>) => void;
}

export interface WeappFakes {
  /** The object the output's app.js passed to App(), once it has run. */
  app(): Record<string, unknown> | undefined;
  /**
   * The route and query of the page whose script loads next (simulate.load of another page): what
   * WeChat would give that page as `this.route` and onLoad's options when it is opened.
   */
  nextPage(route: string, query?: Record<string, string>): void;
}

function call(instance: PageInstance, name: string, ...args: unknown[]): void {
  const method = instance[name];
  if (typeof method === 'function') (method as Handler).apply(instance, args);
}

/** Installs the fakes on globalThis. `route` is what WeChat sets as `this.route` on the page. */
export function installWeappFakes(route: string, query: Record<string, string> = {}): WeappFakes {
  const g = globalThis as unknown as PlatformGlobals;
  if (typeof g.Component !== 'function') throw new Error('require miniprogram-simulate before installing the fakes');
  let appInstance: Record<string, unknown> | undefined;
  let opening = { route, query };
  const stack: PageInstance[] = [];
  g.App = (config) => {
    appInstance = config;
  };
  g.getApp = () => appInstance;
  g.getCurrentPages = () => [...stack];
  g.Page = (config) => {
    const page = opening;
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    // Looked up at call time: simulate's Component reads which file is loading from its own state.
    const component = g.Component;
    if (!component) throw new Error('Component is not defined');
    component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = page.route;
          stack.push(this);
          call(this, 'onLoad', { ...page.query });
          call(this, 'onShow');
        },
        ready(this: PageInstance) {
          call(this, 'onReady');
        },
        detached(this: PageInstance) {
          call(this, 'onUnload');
          const at = stack.indexOf(this);
          if (at >= 0) stack.splice(at, 1);
        },
      },
    });
  };
  return {
    app: () => appInstance,
    nextPage: (nextRoute, nextQuery = {}) => {
      opening = { route: nextRoute, query: nextQuery };
    },
  };
}
