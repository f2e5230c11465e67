/**
 * @jest-environment jsdom
 *
 * The staff ticket page of the production weapp output (dist/weapp, staff subpackage) booted in
 * miniprogram-simulate, as report-page.test.ts boots the report page: its 现场与联系 section renders
 * WeChat's <map> (Taro `Map`, staff/components/PlaceMap.weapp.tsx) centred on the ticket's location
 * with a marker there whose icon is a file of the package (WeChat map component docs, marker:
 * "iconPath 显示的图标 … 项目目录下的图片路径"), issue 18 §4: "a map (Taro `Map` in weapp)".
 *
 * Fakes only at the platform edge: App/getApp/getCurrentPages/Page (weapp-platform-fakes.ts) and
 * `wx.cloud` (init, callFunction), whose callFunction hands `{ action, data }` to the real `report`
 * and `ticket` function handlers on a SQLite store in this process, as the grid worker of the estate.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate, { type RootComponent } from 'miniprogram-simulate';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { GeoPoint, Ticket } from '../../../shared/domain/ticket';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';
import { installWeappFakes } from './weapp-platform-fakes';

const DIST = path.resolve(__dirname, '../../../dist/weapp');
const ROUTE = 'staff/pages/ticket/index';
const APP_SCRIPTS = ['runtime', 'taro', 'vendors', 'common', 'app'];
const MARKER = 'staff/assets/map-marker.png';

type Page = RootComponent<WechatMiniprogram.Component.DataOption, WechatMiniprogram.Component.PropertyOption, WechatMiniprogram.Component.MethodOption>;

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !ok(); waited += 20) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
}

describe('dist/weapp staff ticket page in miniprogram-simulate: the <map> with the ticket\'s marker (wx.cloud faked at the platform edge, real function handlers behind it)', () => {
  let app: TestApp;
  let stored: Ticket;
  let page: Page;
  const calls: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, `${ROUTE}.wxml`))) throw new Error(`no weapp build at ${DIST}`);
    app = await makeApp();
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
    stored = (await app.store.getTicket(res.data.ticket.id as string)) as Ticket;

    // wx.cloud as the page's transport uses it (transport.weapp.ts): init once, then callFunction({ name, data: { action, data } }).
    const handlers = { report, ticket } as const;
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.cloud = {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: keyof typeof handlers; data: { action: string; data: unknown } }) => {
        calls.push(`${name}.${data.action}`);
        return { result: await app.call(handlers[name], 'grid', data.action, data.data) };
      },
    };

    const fakes = installWeappFakes(ROUTE, { id: stored.id });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const script of APP_SCRIPTS) require(path.join(DIST, `${script}.js`));
    const mini = fakes.app();
    if (!mini) throw new Error('app.js did not call App()');
    const launch = { path: ROUTE, query: { id: stored.id }, scene: 1001 };
    for (const hook of ['onLaunch', 'onShow'] as const) (mini[hook] as (options: unknown) => void)(launch);

    const id = simulate.load(path.join(DIST, ROUTE), { rootPath: DIST });
    page = simulate.render(id) as Page;
    page.attach(document.createElement('parent-wrapper'));
    await until('the ticket', () => (page.dom?.textContent ?? '').includes(stored.no));
  }, 60_000);
  afterAll(() => app?.close());

  it('loads the ticket through wx.cloud from the real ticket function', () => {
    expect(calls).toContain('ticket.detail');
    expect(page.dom?.textContent).toContain('现场与联系');
  });

  /**
   * The attributes the map element was rendered with: the wxml's bindings (`latitude="{{i.p14}}"` …)
   * evaluated by the official compiler's template, as j-component keeps them on the node it rendered
   * (src/render/render.js and diff.js: `exparserNode._vt = options`, its `attrs` a list of name/value).
   */
  function renderedAttrs(node: unknown): Record<string, unknown> {
    const vt = (node as { _exparserNode?: { _vt?: { attrs?: Array<{ name: string; value: unknown }> } } })._exparserNode?._vt;
    return Object.fromEntries((vt?.attrs ?? []).map((a) => [a.name, a.value]));
  }

  it('renders <map> centred on the ticket\'s location, with one marker there whose icon is a PNG of the package', () => {
    const maps = page.querySelectorAll('.place-map__map');
    expect(maps).toHaveLength(1);
    expect(maps[0]!.dom?.tagName.toLowerCase()).toBe('wx-map');
    const point = stored.location as GeoPoint;
    // The resident's reported point, as the ticket holds it.
    expect(point).toEqual(REPORT.location);
    const attrs = renderedAttrs(maps[0]);
    expect({ latitude: attrs.latitude, longitude: attrs.longitude }).toEqual({ latitude: point.lat, longitude: point.lng });
    const markers = attrs.markers as Array<{ latitude: number; longitude: number; iconPath: string; title?: string }>;
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ latitude: point.lat, longitude: point.lng, iconPath: `/${MARKER}` });
    // iconPath from the mini-program root: the file is in the build, a PNG (its signature).
    const icon = fs.readFileSync(path.join(DIST, MARKER));
    expect([...icon.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('a tap on the marker opens WeChat\'s map at the same point (wx.openLocation faked at the platform edge)', async () => {
    const opened: Array<Record<string, unknown>> = [];
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.openLocation = (options: Record<string, unknown>) => {
      opened.push(options);
      (options.success as (() => void) | undefined)?.();
    };
    const map = page.querySelectorAll('.place-map__map')[0]!;
    map.dispatchEvent('markertap', { detail: { markerId: 1 } });
    await until('openLocation', () => opened.length > 0, 3000);
    const point = stored.location as GeoPoint;
    expect(opened[0]).toMatchObject({ latitude: point.lat, longitude: point.lng });
  });
});
