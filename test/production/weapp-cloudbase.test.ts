/**
 * @jest-environment jsdom
 *
 * The production path (DESIGN.md §9, issue 15 "Deliver 1"): the production weapp build (dist/weapp,
 * built by jest's global setup with a CloudBase env id compiled in) booted in miniprogram-simulate,
 * calling the production function bundles (cloudfunctions/_build/bundle.ts, the deployable
 * esbuild output) in this process through an emulated `wx.cloud` that behaves as WeChat documents
 * (support/wx-platform-emulation.ts), the bundles using the real @cloudbase/node-sdk and
 * wx-server-sdk against the strict loopback CloudBase server (only the collections and unique
 * indexes of cloudfunctions/_deploy/resources.ts exist).
 *
 * Fakes only at the platform edge: the WeChat client (the emulation), App/Page for simulate
 * (test/miniprogram/simulate/weapp-platform-fakes.ts) and CloudBase itself (the loopback).
 *
 * The stories run in order and share one deployment. The resident's story drives the built pages
 * (report, then 我的上报); the grid worker's accept and whistle and the officer's 报到 and 到场 (the
 * page's own GCJ-02 check-in) drive the built staff ticket page (staff subpackage) with that
 * person's account on the phone. The set-up (admin, invitations), the queue reads, the refused
 * WGS-84 check-in and the officer's 办结 with a photo call the bundles through the emulated
 * wx.cloud.callFunction / uploadFile from each person's own phone, with what the staff pages send.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { runInThisContext } from 'node:vm';
import jComponent from 'j-component';
import simulate, { type RootComponent } from 'miniprogram-simulate';
import { photoCloudPath, uploadPrefix } from '../../shared/files';
import { distanceMeters } from '../../shared/geo';
import { CHECK_IN_RADIUS_METERS } from '../../shared/lifecycle/transitions';
import { getCategory } from '../../shared/taxonomy/categories';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { installWeappFakes, type WeappFakes } from '../miniprogram/simulate/weapp-platform-fakes';
import { WeChatServer, WxPlatformEmulation, type WeChatAccount } from './support/wx-platform-emulation';

// jest's jsdom environment leaves out Node's structuredClone (the loopback server, which runs in this
// process, copies documents with it): Node's own, from the main context.
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = runInThisContext('structuredClone') as typeof structuredClone;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCloudEnv, HARNESS_SUBSCRIBE_TEMPLATES } = require('../setup/cloud-env') as {
  buildCloudEnv: () => string;
  HARNESS_SUBSCRIBE_TEMPLATES: { staffTodo: string; residentProgress: string };
};

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'weapp');
/**
 * The bundles, built here by the deploy build itself (`tsx cloudfunctions/_build/bundle.ts <dir>`,
 * what `npm run bundle:functions` runs; in a child process: esbuild refuses jsdom's Buffer) into a
 * directory of their own (per jest worker, removed afterwards): test/cloudfunctions/bundles.test.ts
 * rebuilds dist/cloudfunctions in parallel, and a bundle read while esbuild rewrites it would be half a file.
 */
const FUNCTIONS_DIR = path.join(ROOT, 'dist', 'production-path', String(process.pid), 'cloudfunctions');
const APP_SCRIPTS = ['runtime', 'taro', 'vendors', 'common', 'app'];
const APPID = 'wx5e1f2a3b4c5d6e7f';
const BOOTSTRAP_CODE = 'harness-bootstrap-code-7d1e4c2a9b';
/** SUBSCRIBE_TEMPLATES: compiled into the weapp build (test/setup/builds.js) and given to the notify function. */
const STAFF_TEMPLATE = HARNESS_SUBSCRIBE_TEMPLATES.staffTodo;
const RESIDENT_TEMPLATE = HARNESS_SUBSCRIBE_TEMPLATES.residentProgress;

const ESTATE = {
  id: 'yn-jinxiu',
  name: '锦绣花园',
  jurisdiction: 'yongning',
  areaId: null,
  townshipId: 'yongning.t.tuanjiexilu',
  address: '永宁县团结西路88号',
  location: { lat: 38.2801, lng: 106.2532 },
  sceneCode: 'yn-jinxiu',
  propertyCompanyId: null,
  propertyInfo: null,
};
const GRID = { id: 'yn-grid-1', name: '锦绣花园网格', jurisdiction: 'yongning', townshipId: ESTATE.townshipId, estateIds: [ESTATE.id] };
const GRID_WORKER = { id: 'yn-grid-li', name: '网格员小李', phone: null, grants: [{ role: 'grid', jurisdiction: 'yongning', estates: [ESTATE.id], grids: [GRID.id] }] };
const OFFICER = { id: 'yn-zjj-wang', name: '县住建局·王强', phone: null, grants: [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }] };

const ACCOUNTS = {
  admin: { openid: 'oADMIN-harness-0001' },
  resident: { openid: 'oRESIDENT-harness-0001' },
  grid: { openid: 'oGRID-harness-0001' },
  // The officer refuses the staff template when asked: the notify story's dead letter.
  officer: { openid: 'oOFFICER-harness-0001', subscribeAnswers: { [STAFF_TEMPLATE]: 'reject' } },
} satisfies Record<string, WeChatAccount>;

/** Bytes that start like a JPEG (SOI + APP0), different per photo. */
const jpeg = (n: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, n, 0xff, 0xd9]);

type Page = RootComponent<WechatMiniprogram.Component.DataOption, WechatMiniprogram.Component.PropertyOption, WechatMiniprogram.Component.MethodOption>;
type Node = ReturnType<Page['querySelectorAll']>[number];
type Answer = { ok: boolean; data?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any

let loopback: CloudbaseLoopback;
let wechat: WeChatServer;
/** The resident's phone: its emulation is the `wx` the booted weapp build calls. */
let phone: WxPlatformEmulation;
let fakes: WeappFakes;
let restoreEnvironment: () => void = () => undefined;
let bundleMs = 0;

/** A ticket's events: the timeline its CloudBase document holds (issue 17 §2). */
const eventsOf = (id: string) => ((loopback.docs('tickets').find((t) => t._id === id)?.timeline ?? []) as Array<Record<string, unknown>>);

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !ok(); waited += 20) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
}

const textOf = (node: { dom?: HTMLElement } | Page): string => node.dom?.textContent ?? '';

function byText(page: Page, selector: string, text: string): Node {
  const node = page.querySelectorAll(selector).find((n) => textOf(n).includes(text));
  if (!node) throw new Error(`no ${selector} with text ${text}; page: ${textOf(page).slice(0, 400)}`);
  return node;
}

/** The <van-button> element whose text is exactly `text`. */
function vanButtonElement(page: Page, text: string): Element | undefined {
  return Array.from(page.dom?.querySelectorAll('van-button') ?? []).find((el) => (el.textContent ?? '').trim() === text);
}

/** Waits for a button, then taps it: a tap on a <van-button> lands on Vant's inner <button>, whose handler emits `click` to Taro's `eh`. */
async function tapButton(page: Page, text: string): Promise<void> {
  await until(`the ${text} button`, () => vanButtonElement(page, text) !== undefined, 15_000);
  // Taro gives every element the id `uid || sid` (base.wxml), rendered as data-sid: it names the component node.
  const sid = vanButtonElement(page, text)?.getAttribute('data-sid');
  const inner = sid ? page.querySelector(`#${sid}`)?.querySelector('.van-button') : undefined;
  if (!inner) throw new Error(`van-button ${text} is not rendered by Vant (not registered in this page's load?)`);
  inner.dispatchEvent('tap');
}

/**
 * Custom components registered so far, by tag (van-button, comp, …) → j-component id. simulate.load
 * runs each component's script through `require` and deletes it from require.cache to run it again
 * on the next load; jest's module registry ignores that deletion, so a component whose script ran
 * for an earlier page never registers again. Later pages are given the earlier registrations
 * (simulate.load's `usingComponents` override) so they render the same Vant components.
 */
const registeredTags = new Map<string, string>();
/**
 * The same for a page opened a second time: its script (Taro's createPageConfig + Page()) is kept
 * by jest, so the Page() config it passed the first time is passed again, as WeChat runs Page() for
 * the page's script once and creates one instance per open.
 */
const pageConfigs = new Map<string, Record<string, unknown>>();
let runningScript: string | null = null;

function reuseScriptsAcrossLoads(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as { runJs: (file: string) => void };
  const runJs = utils.runJs;
  utils.runJs = (file) => {
    const config = pageConfigs.get(file);
    const g = globalThis as unknown as { Page: (config: Record<string, unknown>) => void };
    if (config) return g.Page(config);
    runningScript = file;
    try {
      runJs(file);
    } finally {
      runningScript = null;
    }
  };
  const g = globalThis as unknown as { Page: (config: Record<string, unknown>) => void };
  const page = g.Page;
  g.Page = (config) => {
    if (runningScript) pageConfigs.set(runningScript, config);
    page(config);
  };
}

let opened = 0;

/**
 * Opens a page of the build as WeChat would: its script registered, then the page attached (onLoad →
 * onShow → onReady). The query carries `$taroTimestamp`, as Taro's navigateTo adds to tell instances apart.
 */
function openPage(route: string, query: Record<string, string> = {}): Page {
  fakes.nextPage(route, { ...query, $taroTimestamp: String(Date.now() + (opened += 1)) });
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST, usingComponents: Object.fromEntries(registeredTags) });
  const page = simulate.render(id) as Page;
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** A staff member's (or the admin's) own phone, running the app: wx.cloud initialized with the build's env, as the app does first. */
interface StaffPhone {
  emulation: WxPlatformEmulation;
  wx: {
    cloud: {
      init(o: { env: string }): void;
      callFunction(o: { name: string; data: unknown }): Promise<{ result: Answer }>;
      uploadFile(o: { cloudPath: string; filePath: string }): Promise<{ fileID: string }>;
    };
    requestSubscribeMessage(o: { tmplIds: string[] }): Promise<Record<string, string>>;
    getLocation(o: { type?: string; isHighAccuracy?: boolean }): Promise<{ latitude: number; longitude: number }>;
  };
}
const staffPhones = new Map<string, StaffPhone>();

function phoneOf(account: WeChatAccount): StaffPhone {
  let staff = staffPhones.get(account.openid);
  if (!staff) {
    const emulation = new WxPlatformEmulation({ loopback, server: wechat, functionsDir: FUNCTIONS_DIR, appid: APPID, account, gps: { lat: 38.2866, lng: 106.2402 } });
    const wx: Record<string, unknown> = {};
    emulation.install(wx);
    staff = { emulation, wx: wx as unknown as StaffPhone['wx'] };
    staff.wx.cloud.init({ env: loopback.env });
    staffPhones.set(account.openid, staff);
  }
  return staff;
}

/** A call from the person's own phone, as the staff pages make it (transport.weapp.ts: `{ action, data }`). */
async function call(account: WeChatAccount, name: 'report' | 'ticket' | 'admin', action: string, data: unknown = {}): Promise<Answer> {
  const seen = loopback.requests.length;
  try {
    const res = await phoneOf(account).wx.cloud.callFunction({ name, data: { action, data } });
    return res.result;
  } catch (error) {
    // What CloudBase refused during the call, to say where the production path broke.
    const refused = loopback.requests.slice(seen).filter((r) => r.error !== undefined || r.endedAt === undefined);
    const detail = refused.map((r) => `${r.action} ${String(r.body.collectionName ?? '')} ${r.error ?? ''}`).join('; ');
    throw new Error(`${name}.${action} failed: ${(error as { errMsg?: string }).errMsg ?? String(error)}${detail ? ` — CloudBase requests: ${detail}` : ''}`);
  }
}

async function ok(account: WeChatAccount, name: 'report' | 'ticket' | 'admin', action: string, data: unknown = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await call(account, name, action, data);
  if (!res.ok) throw new Error(`${name}.${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data;
}

/** A staff action on the ticket's current version (what the staff ticket page sends). */
async function act(account: WeChatAccount, action: string, ticketId: string, data: Record<string, unknown> = {}) {
  const { ticket } = (await ok(account, 'ticket', 'detail', { ticketId })) as { ticket: { version: number } };
  return (await ok(account, 'ticket', action, { ticketId, version: ticket.version, ...data })).ticket as { state: string; version: number };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'pages/report/index.wxml'))) throw new Error(`no weapp build at ${DIST}`);
  const started = performance.now();
  fs.rmSync(FUNCTIONS_DIR, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'cloudfunctions', '_build', 'bundle.ts'), FUNCTIONS_DIR], { cwd: ROOT, timeout: 120_000 });
  bundleMs = performance.now() - started;

  // CloudBase under the env id the build was given (its fileIDs must be in the functions' env).
  loopback = await CloudbaseLoopback.start({ env: buildCloudEnv() });
  // The functions' configured environment: the SDK pointed at the loopback (main.ts optionsFromEnv),
  // the deploy-time first-admin code and the template ids per hand-over kind.
  restoreEnvironment = WxPlatformEmulation.setFunctionEnvironment({
    TCB_SERVICE_URL: loopback.serviceUrl,
    TCB_ENV: loopback.env,
    TENCENTCLOUD: 'true',
    BOOTSTRAP_ADMIN_CODE: BOOTSTRAP_CODE,
    SUBSCRIBE_TEMPLATES: JSON.stringify(HARNESS_SUBSCRIBE_TEMPLATES),
  });

  wechat = new WeChatServer(loopback);
  // The resident's phone, at the estate (GPS reads WGS-84).
  phone = new WxPlatformEmulation({ loopback, server: wechat, functionsDir: FUNCTIONS_DIR, appid: APPID, account: ACCOUNTS.resident, gps: { lat: 38.2779, lng: 106.2471 } });
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  phone.install(wx);
  const register = jComponent.register.bind(jComponent);
  jest.spyOn(jComponent, 'register').mockImplementation((definition) => {
    const { id, tagName } = definition as { id?: unknown; tagName?: unknown };
    if (typeof id === 'string' && typeof tagName === 'string' && tagName !== 'main' && !registeredTags.has(tagName)) registeredTags.set(tagName, id);
    return register(definition);
  });
  fakes = installWeappFakes('pages/report/index');
  reuseScriptsAcrossLoads();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const script of APP_SCRIPTS) require(path.join(DIST, `${script}.js`));
  const app = fakes.app();
  if (!app) throw new Error('app.js did not call App()');
  // Opened from the estate's mini-program code: scene 1047, the code's `scene` in the query.
  const launch = { path: 'pages/report/index', query: { scene: ESTATE.sceneCode }, scene: 1047 };
  for (const hook of ['onLaunch', 'onShow'] as const) (app[hook] as (options: unknown) => void)(launch);

  // The deployment: the first admin (deploy-time code), the directory, staff records and their invitations.
  await ok(ACCOUNTS.admin, 'admin', 'bootstrap', { code: BOOTSTRAP_CODE, name: '县住建局管理员', jurisdiction: 'yongning' });
  await ok(ACCOUNTS.admin, 'admin', 'putEstate', ESTATE);
  await ok(ACCOUNTS.admin, 'admin', 'putGrid', GRID);
  for (const [user, account] of [
    [GRID_WORKER, ACCOUNTS.grid],
    [OFFICER, ACCOUNTS.officer],
  ] as const) {
    await ok(ACCOUNTS.admin, 'admin', 'putUser', user);
    const { code } = (await ok(ACCOUNTS.admin, 'admin', 'createInvitation', { userId: user.id })) as { code: string };
    // Redeemed from the staff member's own WeChat (pages/invite).
    expect(await ok(account, 'report', 'redeemInvitation', { code })).toMatchObject({ userId: user.id });
  }
}, 120_000);

afterAll(async () => {
  phone?.dispose();
  for (const staff of staffPhones.values()) staff.emulation.dispose();
  restoreEnvironment();
  await loopback?.close();
  fs.rmSync(path.dirname(FUNCTIONS_DIR), { recursive: true, force: true });
  process.stdout.write(`[production path] function bundles built in ${(bundleMs / 1000).toFixed(1)} s\n`);
});

describe('production path: dist/weapp in simulate → emulated wx.cloud → production bundles → real SDK → strict loopback CloudBase', () => {
  let ticketId = '';
  let ticketNo = '';
  let reportedAt = { lat: 0, lng: 0 };

  it('wx.cloud refuses every call before init, as the platform does', async () => {
    const fresh = new WxPlatformEmulation({ loopback, server: wechat, functionsDir: FUNCTIONS_DIR, appid: APPID, account: ACCOUNTS.resident, gps: { lat: 38.28, lng: 106.25 } });
    const wx: Record<string, unknown> = {};
    fresh.install(wx);
    const cloud = wx.cloud as { callFunction(o: unknown): Promise<unknown>; uploadFile(o: unknown): Promise<unknown>; init(o: unknown): void };
    await expect(cloud.callFunction({ name: 'report', data: { action: 'me', data: {} } })).rejects.toMatchObject({ errMsg: expect.stringContaining('init') });
    await expect(cloud.uploadFile({ cloudPath: 'photos/x/a.jpg', filePath: 'wxfile://none' })).rejects.toMatchObject({ errMsg: expect.stringContaining('init') });
    expect(fresh.functionCalls).toEqual([]);
    fresh.dispose();
  });

  it('story 1: a resident opens the QR scene, reports 飞线充电 with two photos and a location, and sees it under 我的上报', async () => {
    const photos = [phone.takePhoto(jpeg(1)), phone.takePhoto(jpeg(2))];
    const report = openPage('pages/report/index', { scene: encodeURIComponent(ESTATE.sceneCode) });
    // The estate from the scene (report.estateByScene), and the position in GCJ-02.
    await until('the estate from the QR scene', () => textOf(report).includes(ESTATE.name));
    await until('the located position', () => phone.locationTypes.length > 0 && !textOf(report).includes('正在定位'));
    expect(phone.initCalls).toEqual([{ env: loopback.env }]);
    expect(phone.locationTypes).toEqual(['gcj02']);
    reportedAt = phone.gcj02();

    const flyWire = getCategory('fly-wire');
    byText(report, '.category-tile', flyWire.label).dispatchEvent('tap');
    await until('飞线充电 chosen', () => textOf(report).includes('更换问题类型'));

    phone.nextChoice = photos;
    byText(report, '.photo--add', '拍照/相册').dispatchEvent('tap');
    await until('two uploaded photos', () => loopback.files.size >= 2 && !textOf(report).includes('待上传') && report.querySelectorAll('.photo__status').length === 0, 15_000);

    const description = '3号楼2单元有人从窗户拉电线给电动车充电，楼道里全是电线';
    const textarea = report.querySelector('.ui-field__textarea');
    if (!textarea) throw new Error('no description field');
    textarea.dispatchEvent('input', { detail: { value: description } });
    await until('the description', () => textOf(report).includes(`${description.length}/500`));

    await tapButton(report, '提交');
    await until('the submit result', () => textOf(report).includes('上报成功'), 15_000);
    const text = textOf(report);
    expect(text).toContain('县住建局');

    // What reached CloudBase: one ticket, reported by the resident's own user record, with both photos as fileIDs of this env.
    const tickets = loopback.docs('tickets');
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0] as { _id: string; id?: string; no: string; category: string; estateId: string; photos: string[]; location: { lat: number; lng: number }; reporter: { userId: string } };
    ticketId = ticket.id ?? ticket._id;
    ticketNo = ticket.no;
    expect(text).toContain(ticketNo);
    expect(ticket).toMatchObject({ category: 'fly-wire', estateId: ESTATE.id, description });
    const resident = loopback.docs('users').find((u) => u.openid === ACCOUNTS.resident.openid) as { _id: string };
    expect(ticket.reporter.userId).toBe(resident._id);
    expect(ticket.photos).toHaveLength(2);
    for (const fileId of ticket.photos) {
      expect(fileId.startsWith(`cloud://${loopback.env}.`)).toBe(true);
      expect(fileId).toContain(`/${photoCloudPath(resident._id, '').replace(/\.jpg$/, '')}`);
      expect(loopback.files.has(fileId)).toBe(true);
    }
    expect(ticket.photos.map((id) => loopback.files.get(id)?.[10]).sort()).toEqual([1, 2]);
    // The position the phone gave in GCJ-02 is the ticket's.
    expect(distanceMeters(ticket.location, reportedAt)).toBeLessThan(1);

    // The resident subscribes to progress messages from the result screen.
    await tapButton(report, '订阅办理进度通知');
    await until('the subscribe answer', () => textOf(report).includes('已订阅'));
    expect(wechat.subscriptions.get(`${ACCOUNTS.resident.openid} ${RESIDENT_TEMPLATE}`)).toBe(1);

    // 我的上报 lists it (report.listMine through the bundle).
    const mine = openPage('pages/mine/index');
    await until('the ticket under 我的上报', () => textOf(mine).includes(ticketNo), 15_000);
    const item = byText(mine, '.mine__item', ticketNo);
    expect(textOf(item)).toContain(flyWire.label);
    expect(mine.dom?.querySelector('van-button wx-button')).not.toBeNull();

    // Every call of the build went through wx.cloud as the resident; the same photos can be read back.
    expect(new Set(phone.functionCalls.filter((c) => c.name === 'report').map((c) => c.openid))).toContain(ACCOUNTS.resident.openid);
    const wx = (globalThis as unknown as { wx: { cloud: { getTempFileURL(o: unknown): Promise<{ fileList: Array<{ status: number; tempFileURL: string }> }>; downloadFile(o: unknown): Promise<{ tempFilePath: string }> } } }).wx;
    const urls = await wx.cloud.getTempFileURL({ fileList: ticket.photos });
    expect(urls.fileList.map((f) => f.status)).toEqual([0, 0]);
    const downloaded = await wx.cloud.downloadFile({ fileID: ticket.photos[0] });
    expect(phone.files.get(downloaded.tempFilePath)?.equals(loopback.files.get(ticket.photos[0] as string) as Buffer)).toBe(true);
  });

  it('story 2: the grid worker sees it in the queue, accepts and whistles on the staff ticket page of the build', async () => {
    expect(ticketId).not.toBe('');
    // Subscribes to the staff template where they act (the staff pages' SubscribeButton asks WeChat the same way).
    expect(await phoneOf(ACCOUNTS.grid).wx.requestSubscribeMessage({ tmplIds: [STAFF_TEMPLATE] })).toMatchObject({ [STAFF_TEMPLATE]: 'accept' });
    const queue = (await ok(ACCOUNTS.grid, 'ticket', 'queue', { view: 'grid' })) as { items: Array<{ id: string }> };
    expect(queue.items.map((t) => t.id)).toContain(ticketId);

    // The same build on the grid worker's phone: the staff subpackage's ticket page, opened from the queue.
    phone.account = ACCOUNTS.grid;
    const stateOf = () => (loopback.docs('tickets').find((t) => t._id === ticketId) as { state: string }).state;
    const page = openPage('staff/pages/ticket/index', { id: ticketId });
    await until('the ticket', () => textOf(page).includes(ticketNo), 15_000);
    await tapButton(page, '受理');
    await tapButton(page, '确认受理');
    await until('the ticket accepted', () => stateOf() === 'accepted', 15_000);
    // The answer comes a round trip after the stored state (the hand-over's copy to the outbox): wait for the page to show it.
    await until('the page to show it accepted', () => textOf(page).includes('已受理'), 15_000);
    // The view reloads with the next actions: 吹哨, the lead units (县住建局 …) pre-selected from the responsibility list.
    await tapButton(page, '吹哨');
    await tapButton(page, '确认吹哨');
    await until('the ticket whistled', () => stateOf() === 'whistled', 15_000);
    // Whistled to the responsibility list's lead units, 县住建局 among them.
    const ticket = loopback.docs('tickets').find((t) => t._id === ticketId) as { assignedUnits: string[]; route: { lead: Array<{ id: string }> } };
    expect(ticket.assignedUnits).toEqual(ticket.route.lead.map((u) => u.id));
    expect(ticket.assignedUnits).toContain('yongning.zjj');
    const actors = eventsOf(ticketId).filter((e) => (e.action === 'accept' || e.action === 'whistle'));
    expect(actors.map((e) => (e.actor as { userId: string }).userId)).toEqual([GRID_WORKER.id, GRID_WORKER.id]);
    phone.account = ACCOUNTS.resident;
  });

  it('story 3: the 县住建局 officer reports in (报到), arrives within 200 m in GCJ-02 and resolves with a photo', async () => {
    const officerPhone = phoneOf(ACCOUNTS.officer);
    const { wx } = officerPhone;
    // The officer declines the staff template when the page asks.
    expect(await wx.requestSubscribeMessage({ tmplIds: [STAFF_TEMPLATE] })).toMatchObject({ [STAFF_TEMPLATE]: 'reject' });

    const inbox = (await ok(ACCOUNTS.officer, 'ticket', 'queue', { view: 'unit' })) as { items: Array<{ id: string }> };
    expect(inbox.items.map((t) => t.id)).toContain(ticketId);

    // 报到 and 到场 on the built staff ticket page, the officer's account on the phone, standing where the resident reported.
    phone.account = ACCOUNTS.officer;
    phone.standAtGcj02(reportedAt);
    const stateOf = () => (loopback.docs('tickets').find((t) => t._id === ticketId) as { state: string }).state;
    const page = openPage('staff/pages/ticket/index', { id: ticketId });
    await until('the ticket', () => textOf(page).includes(ticketNo), 15_000);
    await tapButton(page, '报到');
    await until('the report-in form', () => page.querySelector('.staff-input') !== undefined && page.querySelector('.staff-input') !== null);
    const name = page.querySelector('.staff-input');
    if (!name) throw new Error('no officer name field');
    name.dispatchEvent('input', { detail: { value: '王强' } });
    await simulate.sleep(50);
    await tapButton(page, '确认报到');
    await until('the ticket acknowledged', () => stateOf() === 'acknowledged', 15_000);

    // The two datums are hundreds of metres apart here: a WGS-84 fix where the resident stood is beyond
    // the 200 m radius, and the server refuses such a check-in without a reason.
    officerPhone.emulation.standAtGcj02(reportedAt);
    const wgs = await wx.getLocation({ type: 'wgs84', isHighAccuracy: true });
    expect(distanceMeters({ lat: wgs.latitude, lng: wgs.longitude }, reportedAt)).toBeGreaterThan(CHECK_IN_RADIUS_METERS);
    const { ticket: acknowledged } = (await ok(ACCOUNTS.officer, 'ticket', 'detail', { ticketId })) as { ticket: { version: number } };
    const far = await call(ACCOUNTS.officer, 'ticket', 'arrive', { ticketId, version: acknowledged.version, location: { lat: wgs.latitude, lng: wgs.longitude } });
    expect(far.error?.code).toBe('TICKET.MISSING_REASON');
    expect(stateOf()).toBe('acknowledged');

    await tapButton(page, '到场');
    const asked = phone.locationTypes.length;
    await tapButton(page, '定位打卡');
    await until('the check-in fix', () => textOf(page).includes('已打卡，距工单位置约'));
    // The page asked for GCJ-02, the datum the ticket's position is in: on the spot, no far warning.
    expect(phone.locationTypes.slice(asked)).toEqual(['gcj02']);
    expect(textOf(page)).not.toContain('超过 200 米');
    await tapButton(page, '确认到场');
    await until('the ticket on site', () => stateOf() === 'on_site', 15_000);
    const arriveEvent = eventsOf(ticketId).find((e) => e.action === 'arrive') as { actor: { userId: string }; payload?: { distanceMeters?: number } } | undefined;
    expect(arriveEvent?.actor.userId).toBe(OFFICER.id);
    expect(arriveEvent?.payload?.distanceMeters).toBeLessThanOrEqual(CHECK_IN_RADIUS_METERS);
    const ack = eventsOf(ticketId).find((e) => e.action === 'acknowledge') as { payload?: { officerName?: string } } | undefined;
    expect(ack?.payload?.officerName).toBe('王强');
    phone.account = ACCOUNTS.resident;

    // 办结 from the officer's own phone: the after photo to the slot the function reserves for the officer
    // (report.photoSlot, as transport.weapp.ts does), then resolve.
    const slot = (await ok(ACCOUNTS.officer, 'report', 'photoSlot', {})) as { cloudPath: string; fileId: string };
    expect(slot.cloudPath.startsWith(uploadPrefix(OFFICER.id))).toBe(true);
    officerPhone.emulation.nextChoice = [officerPhone.emulation.takePhoto(jpeg(3))];
    const chosen = (await new Promise((resolve, reject) => (wx as unknown as { chooseImage(o: unknown): void }).chooseImage({ count: 1, success: resolve, fail: reject }))) as { tempFilePaths: string[] };
    const { fileID } = await wx.cloud.uploadFile({ cloudPath: slot.cloudPath, filePath: chosen.tempFilePaths[0] as string });
    expect(fileID).toBe(slot.fileId);
    expect(fileID).toMatch(new RegExp(`^cloud://${loopback.env}\\.[A-Za-z0-9-]+/photos/${OFFICER.id}/[A-Za-z0-9_-]+\\.jpg$`));
    // A file the officer writes under their own prefix without a slot is refused: the allowance cannot be gone around.
    const { fileID: sneaked } = await wx.cloud.uploadFile({ cloudPath: photoCloudPath(OFFICER.id, `no-slot-${Date.now()}`), filePath: chosen.tempFilePaths[0] as string });
    const refused = await call(ACCOUNTS.officer, 'ticket', 'resolve', { ticketId, version: (await ok(ACCOUNTS.officer, 'ticket', 'detail', { ticketId }) as { ticket: { version: number } }).ticket.version, note: '已整改', photos: [sneaked] });
    expect(refused.error?.code).toBe('FILE.UNKNOWN');
    const resolved = await act(ACCOUNTS.officer, 'resolve', ticketId, { note: '已拆除飞线，楼下加装充电桩', photos: [fileID] });
    expect(resolved.state).toBe('resolved');
    expect((loopback.docs('tickets').find((t) => t._id === ticketId) as { afterPhotos: string[] }).afterPhotos).toEqual([fileID]);
  });

  it('story 4: the notify timer sends the subscribed messages and records a dead letter for the unsubscribed one', async () => {
    const result = (await phone.fireTimer('notify', 'notify-every-minute')) as Answer;
    expect(result.ok).toBe(true);
    type Message = { recipientUserId: string; kind: string; sentAt: string | null; deadAt?: string | null; lastError?: string | null };
    const outbox = loopback.docs('outbox') as Message[];
    const resident = loopback.docs('users').find((u) => u.openid === ACCOUNTS.resident.openid) as { _id: string };
    const to = (userId: string) => outbox.filter((m) => m.recipientUserId === userId);
    const dead = outbox.filter((m) => typeof m.deadAt === 'string');
    const sent = outbox.filter((m) => typeof m.sentAt === 'string');

    // Each one-time subscription carried exactly one message: the grid worker's staff template and the resident's progress template.
    expect(wechat.delivered.map((m) => [m.touser, m.templateId])).toEqual(
      expect.arrayContaining([
        [ACCOUNTS.grid.openid, STAFF_TEMPLATE],
        [ACCOUNTS.resident.openid, RESIDENT_TEMPLATE],
      ]),
    );
    expect(wechat.delivered).toHaveLength(2);
    expect(to(GRID_WORKER.id).length).toBeGreaterThan(0);
    expect(to(resident._id).length).toBeGreaterThan(0);
    // The officer refused the template: every message to them was refused (43101) and is a dead letter, not pending.
    const officerMessages = to(OFFICER.id);
    expect(officerMessages.map((m) => m.kind)).toContain('whistled');
    for (const m of officerMessages) {
      expect(m.sentAt ?? null).toBeNull();
      expect(m.deadAt).toEqual(expect.any(String));
      expect(m.lastError).toContain('43101');
    }
    // Whatever had no subscription left was refused by WeChat and recorded dead at once; the rest was sent.
    expect(dead).toHaveLength(wechat.refused.length);
    expect(sent.length + dead.length).toBe(outbox.length);
    expect(result.data).toMatchObject({ sent: sent.length, failed: 0, dead: dead.length });
    // The messages open the app where the recipient acts (staff: the staff ticket page of the subpackage), with the ticket number filled in.
    const gridMessage = wechat.delivered.find((m) => m.touser === ACCOUNTS.grid.openid);
    expect(gridMessage?.page).toBe(`staff/pages/ticket/index?id=${ticketId}`);
    expect(wechat.delivered.find((m) => m.touser === ACCOUNTS.resident.openid)?.page).toBe(`pages/ticket/index?id=${ticketId}`);
    expect(JSON.stringify(gridMessage?.data)).toContain(ticketNo);
    // Nothing is left pending: a second run sends nothing.
    const again = (await phone.fireTimer('notify', 'notify-every-minute')) as Answer;
    expect(again.data).toMatchObject({ sent: 0, failed: 0, dead: 0 });
  });

  it('every query the production path sent is on a declared collection and served by a declared index', () => {
    expect(observedQueries.length).toBeGreaterThan(20);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});
