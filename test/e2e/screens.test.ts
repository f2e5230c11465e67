/**
 * Screens: a 375×812 screenshot of every resident page and of each staff role's main screens, on the
 * local runtime with its seeded demo tickets, into test/artifacts/screenshots/screens/. Each screen
 * first shows a piece of the text it exists for, so that a blank or failed page cannot pass.
 * Every screen is also checked with axe-core for the two WCAG rules of issue 18 §6, 'color-contrast'
 * and 'target-size': no violation, and a failure names each element's selector.
 * UPDATE_README_SHOT=1 also writes the README's pictures to docs/screenshots/: the report page
 * (report.png), the resident's ticket page (ticket.png) and the leadership dashboard with its charts
 * (dashboard.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './support/axe';
import { person, VIEWPORT, type Person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = 'screens';
/** The 12345 center's demo desk and its queue page (local/demo/people.ts `demo.<j>.hotline`, issue 20 §6). */
const HOTLINE_USER = 'demo.yongning.hotline';
const HOTLINE_QUEUE = '/staff/pages/hotline-queue/index';
/** The local runtime's demo owner group of 和顺佳苑, bound by the street officer below. */
const GROUP = `${HSJY.name}业主群`;
const README_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
/** resident2 reported the seeded demo tickets of 和顺佳苑 (local/demo/tickets.ts). */
const REPORTER = 'demo.yongning.resident2';
jest.setTimeout(60_000);

const stage = useStory(STORY);
let resident: Person;
/** The seeded 电梯安全 ticket (已报到, 居民看到的是“已派单给…”), 车辆乱停乱放 (待受理). */
let elevatorId: string;
let parkingNo: string;

interface MineItem {
  id: string;
  no: string;
  category: string;
}

beforeAll(async () => {
  const { story, browser } = stage;
  const token = await apiToken(story.url, REPORTER);
  const mine = (await api<{ items: MineItem[] }>(story.url, token, 'report', 'listMine', { limit: 20 })).items;
  const byCategory = (c: string) => {
    const t = mine.find((m) => m.category === c);
    if (!t) throw new Error(`the demo seed has no ${c} ticket of ${REPORTER}`);
    return t;
  };
  elevatorId = byCategory('elevator').id;
  parkingNo = byCategory('parking').no;
  resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
});

/** The page is no wider than the phone: nothing to scroll sideways. */
async function fitsWidth(p: Person): Promise<void> {
  expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
}

/** With UPDATE_README_SHOT=1, what `p` shows now as docs/screenshots/<name>.png. */
async function readmeShot(p: Person, name: string): Promise<void> {
  if (process.env.UPDATE_README_SHOT !== '1') return;
  mkdirSync(README_SHOTS, { recursive: true });
  await p.page.screenshot({ path: join(README_SHOTS, `${name}.png`) });
}

/** axe-core finds no contrast or target-size violation on what `p` shows now. */
async function accessible(p: Person, name: string): Promise<void> {
  expect({ screen: name, violations: await axeViolations(p.page) }).toEqual({ screen: name, violations: [] });
}

/** Shows `route`, waits for each text, then takes the screen. */
async function screen(p: Person, route: string, name: string, texts: Array<string | RegExp>): Promise<void> {
  await open(p.page, stage.story.url, route);
  for (const t of texts) await p.see(t);
  await p.shot(name);
  await fitsWidth(p);
  await accessible(p, name);
}

describe('resident pages', () => {
  test('sign-in (the demo-user picker)', async () => {
    await screen(resident, ROUTES.signin, 'signin', ['本地演示环境：选择一个演示账号登录。正式小程序使用微信身份。', '网格员']);
    await signIn(resident, stage.story.url, REPORTER);
  });

  test('report (opened from the estate QR code)', async () => {
    await screen(resident, ROUTES.report(HSJY.sceneCode), 'report', [HSJY.name, '选择问题类型', '现场照片（最多9张）', '问题描述']);
    await readmeShot(resident, 'report');
  });

  test('estates picker', async () => {
    await screen(resident, ROUTES.estates, 'estates', ['已按离您的距离由近到远排列', HSJY.name]);
  });

  test('my reports', async () => {
    await screen(resident, ROUTES.mine, 'mine', ['电梯安全', '车辆乱停乱放', parkingNo]);
  });

  test('ticket detail', async () => {
    await screen(resident, ROUTES.ticket(elevatorId), 'ticket', ['电梯安全', '已派单给', '办理过程']);
    await readmeShot(resident, 'ticket');
  });

  test('noticeboard', async () => {
    await screen(resident, ROUTES.noticeboard(HSJY.id), 'noticeboard', ['执法部门职责及联系人公告牌', '物业服务企业公示', '牵头负责：']);
  });

  test('poster', async () => {
    await screen(resident, ROUTES.poster(HSJY.id), 'poster', ['执法部门职责及联系人公告牌', '飞线充电、占用消防通道、乱收费……扫码拍照即可上报，处理进度全程可查']);
  });

  test('share view (public, shown in an owner group)', async () => {
    await screen(resident, ROUTES.share(elevatorId), 'share', ['电梯安全', '我也遇到了']);
  });
});

describe('staff screens', () => {
  const staff = async (who: string, userId: string): Promise<Person> => {
    const p = await person(stage.browser, stage.story.url, STORY, who, { geolocation: HSJY.at });
    await signIn(p, stage.story.url, userId);
    return p;
  };

  test('grid worker: home, queue, ticket', async () => {
    const grid = await staff('grid', USERS.grid);
    await screen(grid, ROUTES.staffHome, 'home', ['网格员', '网格工单（受理、就地办结、吹哨、核验）', '新工单']);
    await screen(grid, ROUTES.queue('grid'), 'queue', ['网格工单', parkingNo, '车辆乱停乱放']);
    await grid.page.locator('.ticket-row').filter({ hasText: parkingNo }).locator('.ticket-row__head').click();
    await grid.see('办理进度');
    await grid.see('吹哨');
    await grid.see('处理记录');
    await grid.shot('ticket');
    await fitsWidth(grid);
    await accessible(grid, 'staff ticket');
  });

  test('street officer: home, groups', async () => {
    const street = await staff('street', USERS.street);
    await screen(street, ROUTES.staffHome, 'home', ['社区/街道', '退单待重新派单', '延期申请审批', '超时工单督办']);
    await screen(street, ROUTES.groups, 'groups', ['选择小区', HSJY.name]);
  });

  test('department officer: home, unit queue', async () => {
    const zjj = await staff('department', USERS.zjj);
    await screen(zjj, ROUTES.staffHome, 'home', ['部门', '本单位待办（报到、到场、办结）']);
    await screen(zjj, ROUTES.queue('unit'), 'queue', ['本单位待办', /共 \d+ 件/]);
  });

  test('police officer: home, owner-group desk', async () => {
    const police = await staff('police', USERS.police);
    await screen(police, ROUTES.staffHome, 'home', ['民警', '业主群警务台', '本单位待办（报到、到场、办结）']);
    await screen(police, ROUTES.desk, 'desk', ['辖区小区的纠纷、治安、停车、消防通道等涉警工单及业主群转发的工单', '全部业主群', '车辆乱停乱放']);
  });

  test('police officer: 业主群 of their estates (a group the street officer bound)', async () => {
    const street = await staff('street-binder', USERS.street);
    await open(street.page, stage.story.url, ROUTES.groups);
    await street.page.locator('.choice').filter({ hasText: HSJY.name }).click();
    await street.see(`${HSJY.name}的业主群`);
    await street.page.locator('.group-row').filter({ hasText: GROUP }).filter({ hasNotText: '二群' }).getByText('绑定此群', { exact: true }).click();
    await street.see(`已绑定「${GROUP}」`);
    const police = await staff('police-groups', USERS.police);
    await screen(police, ROUTES.groups, 'police-groups', ['我辖区小区的业主群', GROUP, '查看群内涉警工单', '仅社区/街道工作人员可以绑定或解绑业主群。']);
  });

  test('12345 center: the 催办/督办 queue', async () => {
    const hotline = await staff('hotline', HOTLINE_USER);
    await screen(hotline, HOTLINE_QUEUE, 'hotline-queue', ['12345工单催办督办', parkingNo, '催办', '督办']);
    // A form open as well: the note field and its 确认 button are checked too.
    await hotline.page.locator('.hotline-row').filter({ hasText: parkingNo }).getByText('督办', { exact: true }).click();
    await hotline.see('督办意见');
    await hotline.shot('hotline-queue-supervise');
    await fitsWidth(hotline);
    await accessible(hotline, 'hotline-queue with the 督办 form');
  });

  test('leadership office: home, dashboard', async () => {
    const office = await staff('leadership', USERS.leadership);
    await screen(office, ROUTES.staffHome, 'home', ['领导小组办公室', '统计与通报', '全部工单']);
    // The 三率 headline and its trend chart come from the seeded demo tickets; the ranking bars follow.
    await screen(office, ROUTES.dashboard, 'dashboard', [/\d{4}年\d{2}月 三率/, '三率月度趋势', '排名依据', '响应率排名', '月通报', '下载XLSX']);
    await readmeShot(office, 'dashboard');
  });

  test('property company: home', async () => {
    const property = await staff('property', USERS.property);
    await screen(property, ROUTES.staffHome, 'home', ['物业服务企业', '安居物业', '服务小区的工单']);
  });
});

describe('large text (适老化)', () => {
  /** The page's body text size in CSS px and the scale the app set, on the report page. */
  async function bodyText(p: Person): Promise<{ scale: string; px: number; button: number }> {
    await open(p.page, stage.story.url, ROUTES.report(HSJY.sceneCode));
    await p.see('选择问题类型');
    return p.page.evaluate(() => ({
      scale: getComputedStyle(document.documentElement).getPropertyValue('--xq-text-scale').trim(),
      px: parseFloat(getComputedStyle(document.querySelector('.taro_page') ?? document.body).fontSize),
      // A normal-size H5 button (ui/button-h5.css): Taro's own 18 px at the standard setting.
      button: parseFloat(getComputedStyle(document.querySelector('taro-button-core:not([size="mini"])') ?? document.body).fontSize),
    }));
  }

  test('the text follows the browser’s font size: 20 px instead of 16 makes it 1.25 times as large', async () => {
    const standard = await bodyText(resident);
    const reader = await person(stage.browser, stage.story.url, STORY, 'large-text', { geolocation: HSJY.at });
    // Chromium's own setting (chrome://settings/fonts, "Font size"), set through the DevTools protocol: Page.setFontSizes.
    const cdp = await reader.context.newCDPSession(reader.page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20 } });
    const large = await bodyText(reader);
    await reader.shot('report-large-text');
    expect(standard.scale).toBe('1');
    expect(large.scale).toBe('1.25');
    expect(large.px / standard.px).toBeCloseTo(1.25, 2);
    expect(standard.button).toBe(18);
    expect(large.button / standard.button).toBeCloseTo(1.25, 2);
    await fitsWidth(reader);
  });
});

