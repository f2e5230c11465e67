/**
 * 县区上线 on the county page (issue 19 §4 "create a jurisdiction, with its parent where it is a
 * county of a city; import its units, estates … and grids, with the same row-level validation";
 * "print every estate's poster"), the network faked at fetch and the files chosen through the H5
 * picker, with 示例县's fixtures (test/fixtures/county; a test fixture, not a real place):
 * - the steps stand in the clerk's order 辖区 → 单位 → 清单 → 预览/启用 → 物业企业 → 小区 → 网格 → 时限 → 人员 → 海报;
 * - 新建辖区 names every problem of the form at once and sends nothing; a valid form sends
 *   createJurisdiction with the parent city and the page then works on the new county;
 * - the units and grids imports send the file's bytes, name what was created, and on a refused
 *   file show every row error with the stable code;
 * - imported estates get a poster link each, and one link prints them all (pages/posters).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, Refusal, settle, signIn, type } from '../../support';

const FIXTURES = join(__dirname, '../../../../fixtures/county');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const CITY_ADMIN = { id: 'u-yc-admin', name: '市管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yinchuan' }] };
const home = () => ({ user: CITY_ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] });
// A created jurisdiction before its first list takes effect routes nothing (routingNow null).
const versions = () => ({ routingNow: null, versions: [] });

beforeEach(() => {
  signIn({ id: CITY_ADMIN.id, name: CITY_ADMIN.name, roles: ['admin'] });
  setPageQuery({}, '/staff/pages/county/index');
});

async function chooseFile(name: string, text: string) {
  const input = document.querySelector('input[data-county-file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })] });
  await act(async () => {
    fireEvent.change(input);
  });
  await settle(8);
}

/** Makes `action` answer the envelope of a refused table: `code` with one issue per row error. */
function refuseRows(action: string, code: string, message: string, rows: string[]): () => void {
  const faked = globalThis.fetch as jest.Mock;
  const base = faked.getMockImplementation()!;
  let on = true;
  faked.mockImplementation(async (url: unknown, init?: { body?: unknown }) => {
    if (on && String(url) === '/api/admin' && String(init?.body).includes(`"${action}"`)) {
      const issues = rows.map((m, i) => ({ path: `${i + 2}`, message: m }));
      return { ok: false, status: 400, json: async () => ({ ok: false, error: { code, message, issues } }) };
    }
    return base(url, init);
  });
  return () => (on = false);
}

const block = (kind: string) => document.querySelector(`[data-import="${kind}"]`) as HTMLElement;
const rowErrors = (kind: string) => [...block(kind).querySelectorAll('[data-row-error]')].map((e) => e.textContent);

it('shows the steps in the clerk order', async () => {
  fakeNetwork({ 'ticket.home': home, 'admin.listVersions': versions });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('上线顺序：辖区 → 单位 → 清单 → 预览/启用 → 物业企业 → 小区 → 网格 → 时限 → 人员 → 海报')).toBeTruthy();
  const titles = [...document.querySelectorAll('.staff-section__title')].map((t) => t.textContent ?? '');
  expect(titles.map((t) => /^第(\d+)步 ([^：]+)：/.exec(t)?.slice(1).join(' '))).toEqual(['1 辖区', '2 单位', '3 清单', '4 预览/启用', '5 物业企业', '6 小区', '7 网格', '8 时限', '9 人员', '10 海报']);
  expect(titles[0]).toBe('第1步 辖区：当前为 银川市');
});

it('新建辖区 names every problem at once and sends nothing; a valid form creates the county under its city and switches to it', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.createJurisdiction': (data) => ({ id: data.id, name: data.name, level: data.level, parent: data.parent ?? null }),
  });
  render(<CountyPage />);
  await settle();
  await type('辖区名称', '示');
  await type('辖区编号', 'Shili County');
  await click('新建辖区');
  expect([...document.querySelectorAll('[data-form-error]')].map((e) => e.textContent)).toEqual(['辖区编号只能用小写字母、数字和 -，并以字母开头（如 shili）', '请填写辖区名称']);
  expect(net.calls.filter((c) => c.action === 'createJurisdiction')).toEqual([]);

  await type('辖区名称', '示例县');
  await type('辖区编号', 'shili');
  // The parent defaults to the admin's city; the level to 县（市）.
  expect(choices('上级辖区').find((c) => c.on)?.text).toBe('银川市');
  expect(choices('层级').map((c) => c.text)).toEqual(['县（县级市）', '区']);
  expect(choices('层级').find((c) => c.on)?.text).toBe('县（县级市）');
  await click('新建辖区');
  expect(net.calls.filter((c) => c.action === 'createJurisdiction').map((c) => c.data)).toEqual([{ id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' }]);
  await settle();
  expect(document.querySelector('[data-form-error]')).toBeNull();
  expect(screen.getByText('第1步 辖区：当前为 示例县')).toBeTruthy();
  expect(net.calls.filter((c) => c.action === 'listVersions').map((c) => c.data.jurisdiction)).toEqual(['yinchuan', 'shili']);
  expect(screen.getByText('已新建辖区 示例县（shili），请按顺序导入单位表、责任清单、小区和网格')).toBeTruthy();
  // Both jurisdictions can be chosen afterwards.
  expect([...document.querySelectorAll('.staff-section')][0]!.textContent).toContain('☑ 示例县');
});

it('a server refusal of 新建辖区 shows its stable code and the page stays where it was', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.createJurisdiction': () => {
      throw new Refusal('JURISDICTION.EXISTS', '辖区编号 yongning 已存在');
    },
  });
  render(<CountyPage />);
  await settle();
  await type('辖区名称', '永宁县');
  await type('辖区编号', 'yongning');
  await click('新建辖区');
  expect(net.calls.find((c) => c.action === 'createJurisdiction')!.data).toEqual({ id: 'yongning', name: '永宁县', level: 'county', parent: 'yinchuan' });
  expect(screen.getByText('辖区编号 yongning 已存在（错误码 JURISDICTION.EXISTS）')).toBeTruthy();
  expect(screen.getByText('第1步 辖区：当前为 银川市')).toBeTruthy();
});

it('a county admin, who administers no city, is not offered 新建辖区 (the server creates a county only under a city its admin administers)', async () => {
  const countyAdmin = { ...CITY_ADMIN, grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
  fakeNetwork({ 'ticket.home': () => ({ ...home(), user: countyAdmin }), 'admin.listVersions': () => ({ routingNow: 'yongning.bundled', versions: [] }) });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('第1步 辖区：当前为 永宁县')).toBeTruthy();
  expect(screen.getByText('新建县（区）须由所属市的管理员操作；不属于任何市的辖区由部署方创建。')).toBeTruthy();
  expect(screen.queryByText('新建辖区')).toBeNull();
  expect(document.querySelector('[data-step="jurisdiction"]')).toBeNull();
});

it('imports the units and the grids of 示例县: the file as chosen, what was created, and every row error of a refused file', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.importUnits': () => ({
      jurisdiction: 'yinchuan',
      departments: [{ id: 'shili.u1', name: '示例县住房和城乡建设局', kind: 'housing', level: 'county' }],
      townships: [
        { id: 'shili.t1', name: '示例街道' },
        { id: 'shili.t2', name: '示例东镇' },
      ],
    }),
    // The file is the whole grid set: the server removed a grid it no longer names (usecases/county.ts).
    'admin.importGrids': () => ({ jurisdiction: 'yinchuan', grids: [{ id: 'shili.g1', name: '示例街道第一网格', townshipId: 'shili.t1', estateIds: ['sl-shhy'] }], removed: [{ id: 'shili.g9', name: '示例街道旧网格', townshipId: 'shili.t1' }] }),
  });
  render(<CountyPage />);
  await settle();
  expect(block('units').textContent).toContain('表头：单位名称 / 类别 / 层级 / 联系人 / 电话 / 投诉举报电话');
  expect(block('grids').textContent).toContain('表头：网格名称 / 乡镇(街道) / 小区');

  const units = fixture('shili-units.csv');
  await click('选择单位表并导入');
  await chooseFile('shili-units.csv', units);
  const sent = net.calls.find((c) => c.action === 'importUnits')!.data;
  expect(sent).toMatchObject({ jurisdiction: 'yinchuan', fileName: 'shili-units.csv' });
  expect(Buffer.from(String(sent.contentBase64), 'base64').toString('utf8')).toBe(units);
  expect(block('units').querySelector('[data-import-done]')!.textContent).toBe('已导入 1 个单位、2 个乡镇（街道）：示例街道、示例东镇');

  const stop = refuseRows('importGrids', 'GRIDS.INVALID_ROWS', '网格表有 3 处错误，未导入任何内容', [
    '第2行「乡镇(街道)」示例南镇 不在本辖区乡镇(街道)表中',
    '第3行「小区」示例雅苑 未登记',
    '第4行「网格名称」为空',
  ]);
  await click('选择网格表并导入');
  await chooseFile('grids.csv', 'x');
  expect(rowErrors('grids')).toEqual(['第2行「乡镇(街道)」示例南镇 不在本辖区乡镇(街道)表中', '第3行「小区」示例雅苑 未登记', '第4行「网格名称」为空']);
  expect(block('grids').textContent).toContain('网格表有 3 处错误，未导入任何内容（错误码 GRIDS.INVALID_ROWS）');
  // The other imports keep what they showed.
  expect(block('units').querySelector('[data-import-done]')).not.toBeNull();

  stop();
  await click('选择网格表并导入');
  await chooseFile('shili-grids.csv', fixture('shili-grids.csv'));
  expect(rowErrors('grids')).toEqual([]);
  expect(block('grids').querySelector('[data-import-done]')!.textContent).toBe('已导入 1 个网格：示例街道第一网格；已删除表中没有的 1 个网格：示例街道旧网格');
});

it('every imported estate gets a poster link that opens its poster', async () => {
  fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.importEstates': () => ({
      imported: 2,
      estates: [
        { id: 'sl-shhy', name: '示例花园', townshipId: 'shili.t1' },
        { id: 'sl-dzya', name: '东镇雅苑', townshipId: 'shili.t2' },
      ],
    }),
  });
  const opened: string[] = [];
  jest.spyOn(Taro, 'navigateTo').mockImplementation(((o: { url: string }) => (opened.push(o.url), Promise.resolve())) as unknown as typeof Taro.navigateTo);
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('导入小区后，可在此打开每个小区的海报打印。')).toBeTruthy();
  await click('选择小区表并导入');
  await chooseFile('shili-estates.csv', fixture('shili-estates.csv'));
  expect([...document.querySelectorAll('[data-poster]')].map((e) => e.textContent)).toEqual(['示例花园 · 打开海报 ›', '东镇雅苑 · 打开海报 ›']);
  await click(document.querySelector('[data-poster="sl-dzya"]') as HTMLElement);
  expect(opened).toEqual(['/pages/poster/index?estate=sl-dzya']);
  // Every estate's poster in one PDF-ready page (pages/posters), for the jurisdiction on the page.
  await click('打印全部海报（每个小区一页）');
  expect(opened).toEqual(['/pages/poster/index?estate=sl-dzya', '/pages/posters/index?jurisdiction=yinchuan']);
});

it('?jurisdiction= opens a county the city admin created, beside the city of their grant', async () => {
  const net = fakeNetwork({ 'ticket.home': home, 'admin.listVersions': versions });
  setPageQuery({ jurisdiction: 'shili' }, '/staff/pages/county/index');
  render(<CountyPage />);
  await settle();
  expect(net.calls.filter((c) => c.action === 'listVersions').map((c) => c.data.jurisdiction)).toEqual(['shili']);
  expect(screen.getByText('第1步 辖区：当前为 shili')).toBeTruthy();
  expect(screen.getByText('本辖区的责任清单尚未生效，暂不派单：请导入清单并启用（生效日期为今天即可开始派单）。')).toBeTruthy();
  expect(screen.queryByText(/现行版本/)).toBeNull();
  await click(screen.getByText('☐ 银川市'));
  expect(net.calls.filter((c) => c.action === 'listVersions').map((c) => c.data.jurisdiction)).toEqual(['shili', 'yinchuan']);
});

it('the units and grids steps download their empty tables (admin.directoryTemplate)', async () => {
  // jsdom has no object URLs; the browser's are stood in for, and the <a download> click is caught.
  Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => undefined });
  const saved: string[] = [];
  const onClick = (event: Event) => {
    if (event.target instanceof HTMLAnchorElement && event.target.download) {
      saved.push(event.target.download);
      event.preventDefault();
    }
  };
  document.addEventListener('click', onClick, true);
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.directoryTemplate': (data) => ({ fileName: data.kind === 'units' ? '单位表模板.xlsx' : '网格表模板.xlsx', contentType: 'application/octet-stream', contentBase64: Buffer.from('PK').toString('base64') }),
  });
  try {
    render(<CountyPage />);
    await settle();
    await click('下载单位表模板');
    await click('下载网格表模板');
  } finally {
    document.removeEventListener('click', onClick, true);
  }
  expect(net.calls.filter((c) => c.action === 'directoryTemplate').map((c) => c.data)).toEqual([{ kind: 'units' }, { kind: 'grids' }]);
  expect(saved).toEqual(['单位表模板.xlsx', '网格表模板.xlsx']);
  expect(screen.getByText('已下载 网格表模板.xlsx')).toBeTruthy();
});

it('lists what the admin administers from admin.jurisdictions, the created county by its name, and offers only the city as parent', async () => {
  const status = (id: string, name: string, level: string, parent: string | null, created: boolean) => ({ id, name, level, parent, created, units: 0, townships: 0, live: !created, routingNow: created ? null : `${id}.bundled` });
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.jurisdictions': () => [status('yinchuan', '银川市', 'city', null, false), status('yongning', '永宁县', 'county', 'yinchuan', false), status('shili', '示例县', 'county', 'yinchuan', true)],
  });
  setPageQuery({ jurisdiction: 'shili' }, '/staff/pages/county/index');
  render(<CountyPage />);
  await settle();
  expect(net.calls.find((c) => c.action === 'jurisdictions')!.data).toEqual({});
  expect(screen.getByText('第1步 辖区：当前为 示例县')).toBeTruthy();
  const chooser = [...document.querySelectorAll('.staff-section')][0]!.querySelector('.choice-list')!;
  expect([...chooser.querySelectorAll('.choice')].map((c) => c.textContent)).toEqual(['☐ 银川市', '☐ 永宁县', '☑ 示例县']);
  expect(choices('上级辖区').map((c) => c.text)).toEqual(['银川市']);
});
