/**
 * @jest-environment jsdom
 *
 * The production weapp output (dist/weapp, from `taro build --type weapp`; jest's global setup builds
 * it unless SKIP_MINIPROGRAM_BUILD=1) booted in miniprogram-simulate, WeChat's official component
 * test tool: its templates compiled by the official wcc compiler it ships, its components run by
 * j-component. Only the platform edge is faked (weapp-platform-fakes.ts: App/getApp/getCurrentPages
 * and a Page → Component adapter); everything else is the built JavaScript, wxml and Vant copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import jComponent from 'j-component';
import simulate, { type RootComponent } from 'miniprogram-simulate';
import { CATEGORIES, getCategory } from '../../../shared/taxonomy/categories';
import { installWeappFakes } from './weapp-platform-fakes';

const DIST = path.resolve(__dirname, '../../../dist/weapp');
const ROUTE = 'pages/report/index';
/** The load order of WeChat's app service: webpack runtime and chunks, app.js; pages after. */
const APP_SCRIPTS = ['runtime', 'taro', 'vendors', 'common', 'app'];

type Page = RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; !ok(); waited += 20) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
}

function dom(page: Page): HTMLElement {
  if (!page.dom) throw new Error('page has no dom');
  return page.dom;
}

describe('dist/weapp report page in miniprogram-simulate (fake App/getApp/getCurrentPages and a Page→Component adapter at the platform edge)', () => {
  let page: Page;
  const registered: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, `${ROUTE}.wxml`))) throw new Error(`no weapp build at ${DIST}`);
    // Which component files simulate registers, to tell dist/weapp/vant copies from anything else.
    const register = jComponent.register.bind(jComponent);
    jest.spyOn(jComponent, 'register').mockImplementation((definition) => {
      const file = (definition as { path?: unknown }).path;
      if (typeof file === 'string') registered.push(file);
      return register(definition);
    });
    const fakes = installWeappFakes(ROUTE);
    // The built scripts are CommonJS-style webpack chunks that WeChat loads with its own require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const script of APP_SCRIPTS) require(path.join(DIST, `${script}.js`));
    const app = fakes.app();
    if (!app) throw new Error('app.js did not call App()');
    const launch = { path: ROUTE, query: {}, scene: 1001 };
    for (const hook of ['onLaunch', 'onShow'] as const) (app[hook] as (options: unknown) => void)(launch);

    const id = simulate.load(path.join(DIST, ROUTE), { rootPath: DIST });
    // render() of a path-loaded id is typed as a plain Component; it is the root one, with attach().
    page = simulate.render(id) as Page;
    page.attach(document.createElement('parent-wrapper'));
    await until('the category grid', () => (dom(page).textContent ?? '').includes(getCategory('fly-wire').label));
  });

  it('renders the React page content from the built bundle, every category label included', () => {
    const text = dom(page).textContent ?? '';
    expect(text).toContain('飞线充电');
    for (const category of CATEGORIES) expect(text).toContain(category.label);
  });

  it('resolves van-button to the dist/weapp/vant copy and renders its inner template', () => {
    expect(registered).toContain(path.join(DIST, 'vant/button/index'));
    const buttons = Array.from(dom(page).querySelectorAll('van-button'));
    expect(buttons.length).toBeGreaterThan(0);
    // Vant's own template: a native <button> whose classes come from its bem() wxs helper.
    const inner = buttons.map((button) => button.querySelector('wx-button')?.getAttribute('class') ?? '');
    expect(inner.some((cls) => /van-button--primary\b/.test(cls))).toBe(true);
    expect(buttons.map((button) => button.textContent ?? '')).toContain('提交');
  });

  it('passes each category icon name through Taro\'s template into van-icon', () => {
    expect(registered).toContain(path.join(DIST, 'vant/icon/index'));
    const icons = Array.from(dom(page).querySelectorAll('van-icon > wx-view')).map((view) => view.getAttribute('class') ?? '');
    expect(icons.length).toBeGreaterThanOrEqual(CATEGORIES.length);
    for (const category of CATEGORIES) {
      expect(icons.some((cls) => cls.split(/\s+/).some((c) => c.endsWith(`van-icon-${category.icon}`)))).toBe(true);
    }
  });

  // Last: it changes the page. A tap runs through j-component's event system into Taro's `eh` handler.
  it('handles a tap on a category tile through Taro\'s event handler and re-renders', async () => {
    const flyWire = getCategory('fly-wire');
    const other = CATEGORIES.find((category) => category.code !== flyWire.code);
    if (!other) throw new Error('need two categories');
    const tile = page.querySelectorAll('.category-tile').find((node) => (node.dom?.textContent ?? '').includes(flyWire.label));
    if (!tile) throw new Error('no 飞线充电 tile');
    tile.dispatchEvent('tap');
    await until('the collapsed grid', () => (dom(page).textContent ?? '').includes('更换问题类型'));
    const text = dom(page).textContent ?? '';
    expect(text).toContain(flyWire.label);
    expect(text).not.toContain(other.label);
    expect(text).toContain('立即拨打 119');
  });
});
