/**
 * @jest-environment jsdom
 *
 * The staff queue page of the production weapp output (dist/weapp, staff subpackage) booted in
 * miniprogram-simulate, as staff-ticket-page.test.ts boots the ticket page: 全部工单 at scale
 * (issue 18 §2) shows its first page of 100 and, when WeChat fires the page's onReachBottom
 * ("页面上拉触底事件的处理函数", WeChat Page reference; Taro's page config forwards it to the
 * page's useReachBottom), reads and appends the next page with the backend's cursor.
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
import type { Store } from '../../../shared/ports/store';
import { makeApp, type TestApp } from '../../support/app';
import { CLOSED, OPEN, seedAtScale } from '../../support/scale-tickets';
import { installWeappFakes } from './weapp-platform-fakes';

const DIST = path.resolve(__dirname, '../../../dist/weapp');
const ROUTE = 'staff/pages/queue/index';
const APP_SCRIPTS = ['runtime', 'taro', 'vendors', 'common', 'app'];
/** The seed's open and closed tickets and the rejected one they were cloned from. */
const ALL = OPEN + CLOSED + 1;

type Page = RootComponent<WechatMiniprogram.Component.DataOption, WechatMiniprogram.Component.PropertyOption, WechatMiniprogram.Component.MethodOption>;

async function until(what: string, ok: () => boolean, seen: () => string, ms = 15_000): Promise<void> {
  for (let waited = 0; !ok(); waited += 20) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}; ${seen()}`);
    await simulate.sleep(20);
  }
}

jest.setTimeout(120_000);

describe('dist/weapp staff queue page in miniprogram-simulate: 全部工单 reads its next page when the bottom is reached (wx.cloud faked at the platform edge, real function handlers behind it)', () => {
  let app: TestApp<Store>;
  let page: Page;
  const queueCalls: Array<{ after?: string }> = [];
  const nexts: Array<string | null> = [];

  const text = () => page.dom?.textContent ?? '';
  const rows = () => page.querySelectorAll('.ticket-row').length;
  const seen = () => `${rows()} rows, ${queueCalls.length} queue calls, page text: ${text().slice(0, 300)}`;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, `${ROUTE}.wxml`))) throw new Error(`no weapp build at ${DIST}`);
    app = (await makeApp()) as TestApp<Store>;
    await seedAtScale(app);

    // wx.cloud as the page's transport uses it (transport.weapp.ts): init once, then callFunction({ name, data: { action, data } }).
    const handlers = { report, ticket } as const;
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.cloud = {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: keyof typeof handlers; data: { action: string; data: unknown } }) => {
        const result = await app.call(handlers[name], 'grid', data.action, data.data);
        if (name === 'ticket' && data.action === 'queue') {
          queueCalls.push(data.data as { after?: string });
          nexts.push((result.data as { next?: string | null } | undefined)?.next ?? null);
        }
        return { result };
      },
    };

    const fakes = installWeappFakes(ROUTE, { view: 'all' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const script of APP_SCRIPTS) require(path.join(DIST, `${script}.js`));
    const mini = fakes.app();
    if (!mini) throw new Error('app.js did not call App()');
    const launch = { path: ROUTE, query: { view: 'all' }, scene: 1001 };
    for (const hook of ['onLaunch', 'onShow'] as const) (mini[hook] as (options: unknown) => void)(launch);

    const id = simulate.load(path.join(DIST, ROUTE), { rootPath: DIST });
    page = simulate.render(id) as Page;
    page.attach(document.createElement('parent-wrapper'));
    await until('the first page', () => rows() >= 100, seen);
  });
  afterAll(() => app?.close());

  it('shows 共 502 件 and the first 100 rows, newest first', () => {
    expect(text()).toContain(`共 ${ALL} 件`);
    expect(rows()).toBe(100);
    expect(text()).toContain('YN-SCALE-0500');
    expect(text()).toContain(`加载更多（已显示 100 / ${ALL} 件）`);
  });

  it("the page's onReachBottom reads the next page with the cursor the first answer gave, and appends it", async () => {
    const before = queueCalls.length;
    const instance = page.instance as unknown as { onReachBottom?: () => void };
    expect(typeof instance.onReachBottom).toBe('function');
    instance.onReachBottom!();
    await until('the second page', () => rows() >= 200, seen);
    expect(rows()).toBe(200);
    expect(queueCalls).toHaveLength(before + 1);
    expect(queueCalls[before]).toMatchObject({ view: 'all', limit: 100, after: nexts[before - 1] });
    expect(nexts[before - 1]).toEqual(expect.any(String));
    expect(text()).toContain(`加载更多（已显示 200 / ${ALL} 件）`);
  });
});
