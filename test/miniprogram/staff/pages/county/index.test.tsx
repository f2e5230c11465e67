/**
 * 责任清单管理 page (issue 19) with the network faked at fetch and the file chosen through the H5
 * picker's <input type=file> (jsdom's File and FileReader): import → preview with the changed
 * categories highlighted → activate; a refused file shows every row error and no preview.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { render } from '@testing-library/react';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import type { PreviewRow } from '../../../../../miniprogram/staff/lib/county';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn, type } from '../../support';

const ADMIN = { id: 'u-admin', name: '管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
const side = (lead: string[], versionId: string) => ({ lead, responsible: ['乡镇(街道)'], basis: ['《永宁县清单》序号6'], versionId });
const PREVIEW: PreviewRow[] = [
  { category: 'fly-wire', label: '飞线充电', current: side(['县住建局', '县应急管理局'], 'yongning.bundled'), draft: side(['县消防救援大队', '县应急管理局'], 'yongning.v1'), leadChanged: true, responsibleChanged: false, changed: true },
  { category: 'dog', label: '违规饲养犬只、家禽', current: side(['县综合执法局'], 'yongning.bundled'), draft: side(['县综合执法局'], 'yongning.bundled'), leadChanged: false, responsibleChanged: false, changed: false },
];
const DRAFT = { versionId: 'yongning.v1', status: 'draft', effectiveFrom: null, rows: 11, sources: ['永宁县清单'], createdAt: '2026-12-06T02:00:00.000Z' };

/** Chooses a file in the picker the page opened (H5: a hidden <input type=file>). */
async function chooseFile(name: string, text: string) {
  const input = document.querySelector('input[data-county-file]') as HTMLInputElement;
  expect(input.accept).toBe('.xlsx,.csv');
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })] });
  await act(async () => {
    fireEvent.change(input);
  });
  await settle(8);
}

beforeEach(() => {
  signIn({ id: ADMIN.id, name: ADMIN.name, roles: ['admin'] });
  setPageQuery({}, '/staff/pages/county/index');
});

it('imports a file, highlights the changed categories, and activates the draft from the date given', async () => {
  let active = false;
  const net = fakeNetwork({
    'ticket.home': () => ({ user: ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
    'admin.listVersions': () => ({ routingNow: active ? 'yongning.v1' : 'yongning.bundled', versions: active ? [{ ...DRAFT, status: 'active', effectiveFrom: '2027-01-01' }] : [] }),
    'admin.importList': () => ({ version: DRAFT, preview: PREVIEW }),
    'admin.activateList': (data) => ((active = true), { version: { ...DRAFT, status: 'active', effectiveFrom: data.effectiveFrom } }),
  });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('现行版本：yongning.bundled')).toBeTruthy();

  await type('清单文件名称', '永宁县物业管理责任清单(修订)');
  await click('选择文件并导入');
  await chooseFile('永宁县清单.csv', '序号,问题,牵头单位,责任单位,依据\r\n');
  const sent = net.calls.find((c) => c.action === 'importList')!.data;
  expect(sent).toMatchObject({ jurisdiction: 'yongning', fileName: '永宁县清单.csv', document: '永宁县物业管理责任清单(修订)' });
  expect(Buffer.from(String(sent.contentBase64), 'base64').toString('utf8')).toBe('序号,问题,牵头单位,责任单位,依据\r\n');

  const fly = document.querySelector('[data-category="fly-wire"]') as HTMLElement;
  expect(fly.className).toContain('county-row--changed');
  expect(fly.textContent).toContain('现行 牵头：县住建局、县应急管理局');
  expect(fly.textContent).toContain('新版 牵头：县消防救援大队、县应急管理局');
  const dog = document.querySelector('[data-category="dog"]') as HTMLElement;
  expect(dog.className).not.toContain('county-row--changed');
  expect(dog.textContent).not.toContain('新版');
  expect(screen.getByText('1 个类别有变化（已标出）')).toBeTruthy();

  await type('生效日期', '2027-01-01');
  await click('启用新版清单');
  expect(net.calls.find((c) => c.action === 'activateList')!.data).toEqual({ jurisdiction: 'yongning', versionId: 'yongning.v1', effectiveFrom: '2027-01-01' });
  expect(screen.getByText('新版清单自 2027-01-01 起生效')).toBeTruthy();
  expect(screen.getByText('现行版本：yongning.v1')).toBeTruthy();
  expect(document.querySelector('[data-category]')).toBeNull();
});

it('a refused file shows every row error and no preview', async () => {
  fakeNetwork({
    'ticket.home': () => ({ user: ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
    'admin.listVersions': () => ({ routingNow: 'yongning.bundled', versions: [] }),
  });
  // The envelope of LIST.INVALID_ROWS carries the row errors as issues (the fake's refusals carry none).
  const faked = globalThis.fetch as jest.Mock;
  const base = faked.getMockImplementation()!;
  faked.mockImplementation(async (url: unknown, init?: { body?: unknown }) => {
    if (String(url) === '/api/admin' && String(init?.body).includes('"importList"')) {
      const issues = ['第3行「牵头单位」为空', '第4行「问题」未知问题类别：飞线冲电', '第5行「责任单位」县城管局 不在本辖区单位表中'].map((message, i) => ({ path: `${i + 3}`, message }));
      return { ok: false, status: 400, json: async () => ({ ok: false, error: { code: 'LIST.INVALID_ROWS', message: '清单有 3 处错误，未导入任何内容', issues } }) };
    }
    return base(url, init);
  });
  render(<CountyPage />);
  await settle();
  await type('清单文件名称', '某清单');
  await click('选择文件并导入');
  await chooseFile('bad.csv', 'x');
  expect([...document.querySelectorAll('[data-row-error]')].map((e) => e.textContent)).toEqual([
    '第3行「牵头单位」为空',
    '第4行「问题」未知问题类别：飞线冲电',
    '第5行「责任单位」县城管局 不在本辖区单位表中',
  ]);
  // The refusal's line keeps the stable code, so an admin can quote it.
  expect(screen.getByText('清单有 3 处错误，未导入任何内容（错误码 LIST.INVALID_ROWS）')).toBeTruthy();
  expect(document.querySelector('[data-category]')).toBeNull();
});
