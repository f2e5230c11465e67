/**
 * 责任清单管理 page (issue 19 §2 "An admin downloads a template, a filled example (Yongning's list),
 * and the current list for editing"; §4 "import its … estates (CSV with coordinates, township and
 * property company) … with the same row-level validation"), the network faked at fetch:
 * - each download button asks `admin.listFile` for its kind and saves exactly the bytes answered
 *   under the server's file name (jsdom does not navigate: the <a download> click is caught);
 * - a refused estates file shows every row error at once with the refusal's stable code; an
 *   accepted one names the estates imported;
 * - the page's states: loading, no version yet, a refusal with its code, a non-admin.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, Refusal, settle, signIn } from '../../support';

const ADMIN = { id: 'u-admin', name: '管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
const home = (user: unknown) => () => ({ user, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] });

let saved: Array<{ download: string; blob: Blob }> = [];
let blobs = new Map<string, Blob>();

function onAnchorClick(event: Event) {
  const a = event.target;
  if (a instanceof HTMLAnchorElement && a.download) {
    saved.push({ download: a.download, blob: blobs.get(a.getAttribute('href') ?? '')! });
    event.preventDefault();
  }
}
beforeAll(() => document.addEventListener('click', onAnchorClick, true));
afterAll(() => document.removeEventListener('click', onAnchorClick, true));

beforeEach(() => {
  saved = [];
  blobs = new Map();
  // jsdom has no object URLs; the browser's are stood in for.
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:fake-${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  signIn({ id: ADMIN.id, name: ADMIN.name, roles: ['admin'] });
  setPageQuery({}, '/staff/pages/county/index');
});

/** jsdom's Blob has no arrayBuffer(): read it as the browser's FileReader would. */
function bytesOf(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Chooses a file in the picker the page opened (H5: a hidden <input type=file>). */
async function chooseFile(name: string, text: string) {
  const input = document.querySelector('input[data-county-file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })] });
  await act(async () => {
    fireEvent.change(input);
  });
  await settle(8);
}

it('each download button saves the XLSX the server answered for its kind, under its file name', async () => {
  // Not a real workbook: the page must pass the bytes through unchanged, whatever they are.
  const files: Record<string, { fileName: string; bytes: Buffer }> = {
    template: { fileName: '责任清单模板.xlsx', bytes: Buffer.from([0x50, 0x4b, 3, 4, 0, 255, 1]) },
    example: { fileName: '责任清单示例-永宁县.xlsx', bytes: Buffer.from([0x50, 0x4b, 3, 4, 9, 8, 7, 200]) },
    current: { fileName: '责任清单-永宁县.xlsx', bytes: Buffer.from([0x50, 0x4b, 3, 4, 128, 0, 0]) },
  };
  const net = fakeNetwork({
    'ticket.home': home(ADMIN),
    'admin.listVersions': () => ({ routingNow: 'yongning.bundled', versions: [] }),
    'admin.listFile': (data) => {
      const f = files[String(data.kind)]!;
      return { fileName: f.fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: f.bytes.toString('base64') };
    },
  });
  render(<CountyPage />);
  await settle();
  await click('下载空白模板');
  await click('下载填写示例（永宁县）');
  await click('下载现行清单');
  expect(net.calls.filter((c) => c.action === 'listFile').map((c) => c.data)).toEqual([
    { jurisdiction: 'yongning', kind: 'template' },
    { jurisdiction: 'yongning', kind: 'example' },
    { jurisdiction: 'yongning', kind: 'current' },
  ]);
  expect(saved.map((s) => s.download)).toEqual(['责任清单模板.xlsx', '责任清单示例-永宁县.xlsx', '责任清单-永宁县.xlsx']);
  for (const [i, kind] of (['template', 'example', 'current'] as const).entries()) {
    expect(saved[i]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await bytesOf(saved[i]!.blob)).equals(files[kind]!.bytes)).toBe(true);
  }
  expect(screen.getByText('已下载 责任清单-永宁县.xlsx')).toBeTruthy();
});

it('a refused download says why, with the stable code', async () => {
  fakeNetwork({
    'ticket.home': home(ADMIN),
    'admin.listVersions': () => ({ routingNow: 'yongning.bundled', versions: [] }),
    'admin.listFile': () => {
      throw new Refusal('AUTH.FORBIDDEN', '需要该辖区的管理员权限');
    },
  });
  render(<CountyPage />);
  await settle();
  await click('下载现行清单');
  expect(saved).toEqual([]);
  expect(screen.getByText('需要该辖区的管理员权限（错误码 AUTH.FORBIDDEN）')).toBeTruthy();
});

it('a refused estates file shows all its row errors at once; an accepted one names the estates', async () => {
  const net = fakeNetwork({
    'ticket.home': home(ADMIN),
    'admin.listVersions': () => ({ routingNow: 'yongning.bundled', versions: [] }),
    'admin.importEstates': () => ({ imported: 2, estates: [{ id: 'yn-a', name: '和顺佳苑', townshipId: 'yongning.t.yanghe' }, { id: 'yn-b', name: '丽景花园', townshipId: 'yongning.t.yanghe' }] }),
  });
  // The envelope of ESTATES.INVALID_ROWS carries the row errors as issues (the fake's refusals carry none).
  const faked = globalThis.fetch as jest.Mock;
  const base = faked.getMockImplementation()!;
  let refuse = true;
  faked.mockImplementation(async (url: unknown, init?: { body?: unknown }) => {
    if (refuse && String(url) === '/api/admin' && String(init?.body).includes('"importEstates"')) {
      const messages = ['第2行「纬度」应为3–54之间的数字(GCJ-02)', '第3行「乡镇(街道)」示例镇 不在本辖区乡镇(街道)表中', '第4行「小区编号」yn-a 与第2行重复'];
      const issues = messages.map((message, i) => ({ path: `${i + 2}`, message }));
      return { ok: false, status: 400, json: async () => ({ ok: false, error: { code: 'ESTATES.INVALID_ROWS', message: '小区表有 3 处错误，未导入任何内容', issues } }) };
    }
    return base(url, init);
  });
  render(<CountyPage />);
  await settle();
  const block = () => document.querySelector('[data-import="estates"]') as HTMLElement;
  expect(block().textContent).toContain('表头：小区编号 / 小区名称 / 区县 / 乡镇(街道) / 地址 / 纬度 / 经度 / 物业企业 / 二维码场景值');

  await click('选择小区表并导入');
  await chooseFile('小区.csv', 'x');
  expect([...block().querySelectorAll('[data-row-error]')].map((e) => e.textContent)).toEqual([
    '第2行「纬度」应为3–54之间的数字(GCJ-02)',
    '第3行「乡镇(街道)」示例镇 不在本辖区乡镇(街道)表中',
    '第4行「小区编号」yn-a 与第2行重复',
  ]);
  expect(block().textContent).toContain('小区表有 3 处错误，未导入任何内容（错误码 ESTATES.INVALID_ROWS）');
  expect(block().querySelector('[data-import-done]')).toBeNull();

  refuse = false;
  await click('选择小区表并导入');
  await chooseFile('小区.csv', '小区编号,小区名称\r\n');
  const sent = net.calls.find((c) => c.action === 'importEstates')!.data;
  expect(sent).toMatchObject({ jurisdiction: 'yongning', fileName: '小区.csv' });
  expect(Buffer.from(String(sent.contentBase64), 'base64').toString('utf8')).toBe('小区编号,小区名称\r\n');
  expect(block().querySelector('[data-import-done]')!.textContent).toBe('已导入 2 个小区：和顺佳苑、丽景花园');
  // The earlier refusal is gone once a file is accepted.
  expect(block().querySelectorAll('[data-row-error]')).toHaveLength(0);
});

it('shows 加载中 until the versions answer, then says when no list was imported yet', async () => {
  let answer: (v: unknown) => void = () => undefined;
  fakeNetwork({
    'ticket.home': home(ADMIN),
    'admin.listVersions': () => new Promise((resolve) => (answer = resolve)),
  });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('加载中…')).toBeTruthy();
  answer({ routingNow: 'yongning.bundled', versions: [] });
  await settle();
  expect(screen.queryByText('加载中…')).toBeNull();
  expect(screen.getByText('现行版本：yongning.bundled')).toBeTruthy();
  expect(screen.getByText('本辖区还没有导入过清单，现按内置清单派单。')).toBeTruthy();
});

it('a refused version list shows the reason with its stable code; a non-admin is told so', async () => {
  fakeNetwork({
    'ticket.home': home(ADMIN),
    'admin.listVersions': () => {
      throw new Refusal('AUTH.FORBIDDEN', '需要该辖区的管理员权限');
    },
  });
  const first = render(<CountyPage />);
  await settle();
  expect(screen.getByText('需要该辖区的管理员权限（错误码 AUTH.FORBIDDEN）')).toBeTruthy();
  expect(screen.queryByText('加载中…')).toBeNull();
  first.unmount();

  const officer = { id: 'u-zjj', name: '王强', roles: ['department'], grants: [{ role: 'department', jurisdiction: 'yongning', unitId: 'yongning.zjj' }] };
  const net = fakeNetwork({ 'ticket.home': home(officer) });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('需要管理员权限')).toBeTruthy();
  expect(screen.queryByText('选择文件并导入')).toBeNull();
  expect(net.calls.filter((c) => c.fn === 'admin')).toEqual([]);
});
