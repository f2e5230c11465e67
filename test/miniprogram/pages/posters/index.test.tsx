/**
 * The print-all poster page (issue 19 §4) in jsdom (H5 branch) against a fake backend (global fetch
 * replaced, support/fake-backend.ts; its admin.listEstates pages with the server's own
 * shared/lists/estate-page.ts): every estate of the jurisdiction, or of the chosen township, gets one
 * sheet — its QR code of the H5 report URL, its name, its units and phones — with the count shown;
 * an admin whose grants do not reach the jurisdiction is refused and gets no sheet; the stylesheet
 * breaks the page after each sheet, so the browser's 打印 → 另存为 PDF gives one poster per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TextEncoder } from 'node:util';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostersPage from '../../../../miniprogram/pages/posters/index';
import { reportUrl } from '../../../../miniprogram/components/qr';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';
import { estatePage } from '../../../../shared/lists/estate-page';
import type { Estate } from '../../../../shared/domain/directory';

// jest's jsdom lacks TextEncoder, which browsers (and the qrcode package) have.
Object.assign(globalThis, { TextEncoder });

const ESTATES = [
  estateInfo({ id: 'e-1', name: '锦绣花园', jurisdiction: 'yongning', sceneCode: 'e=yn000001', townshipId: 'yongning.t.a' }),
  estateInfo({ id: 'e-2', name: '丽景小区', jurisdiction: 'yongning', sceneCode: 'e=yn000002', townshipId: 'yongning.t.a' }),
  estateInfo({ id: 'e-3', name: '团结小区', jurisdiction: 'yongning', sceneCode: 'e=yn000003', townshipId: 'yongning.t.b' }),
];
const TOWNSHIPS = [
  { id: 'yongning.t.a', name: '甲镇' },
  { id: 'yongning.t.b', name: '乙镇' },
];
const ELSEWHERE = estateInfo({ id: 'w-1', name: '别处小区', jurisdiction: 'wuzhong', sceneCode: 'e=wz000001' });

let backend: FakeBackend;

function boardOf(estateId: string) {
  const estate = [...ESTATES, ELSEWHERE].find((e) => e.id === estateId)!;
  return {
    estate,
    units: [
      {
        id: 'yongning.zjj',
        name: '县住建局',
        leads: ['contract'],
        leadLabels: ['违规签订物业服务合同'],
        phone: `0951-61234${estateId.slice(-1)}0`,
        contactPerson: null,
        duties: [],
        complaintPhone: null,
      },
    ],
    property: null,
    hotline: HOTLINE_12345,
    disclosure: [],
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  // The server answers only the jurisdiction asked (admin.listEstates), one page at a time.
  backend.on('admin.listEstates', (data) => estatePage([...ESTATES, ELSEWHERE].filter((e) => e.jurisdiction === data.jurisdiction) as unknown as Estate[], { township: data.township as string | undefined, limit: Number(data.limit), after: data.after as string | undefined }));
  backend.on('admin.directory', { departments: [], areas: [], townships: TOWNSHIPS });
  backend.on('report.noticeboard', (data) => boardOf(String(data.estateId)));
  setPageQuery({ jurisdiction: 'yongning' }, '/pages/posters/index');
});

afterEach(() => backend.restore());

it('lays out one poster sheet per estate of the jurisdiction, each with its QR code, name and units’ phones', async () => {
  const { container } = render(<PostersPage />);
  // Drawing three QR codes takes a while in jsdom: wait for the sheets, not a fixed time.
  await waitFor(() => expect(container.querySelectorAll('[data-sheet]')).toHaveLength(3), { timeout: 8000 });
  const sheets = [...container.querySelectorAll('[data-sheet]')];
  // Township by township, then by name in pinyin order (锦 jin before 丽 li).
  expect(sheets.map((s) => s.getAttribute('data-sheet'))).toEqual(['e-1', 'e-2', 'e-3']);
  expect(screen.getByText(/^本辖区共 3 个小区/)).toBeTruthy();
  sheets.forEach((sheet) => {
    const estate = ESTATES.find((e) => e.id === sheet.getAttribute('data-sheet'))!;
    expect(sheet.querySelector('.poster__estate')?.textContent).toBe(estate.name);
    expect(sheet.querySelector('taro-image-core.poster__qr')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(sheet.querySelector('.poster__url')?.textContent).toBe(reportUrl(estate.sceneCode));
    expect(sheet.textContent).toContain(`0951-61234${estate.id.slice(-1)}0`);
    expect(sheet.textContent).toContain(HOTLINE_12345.phone);
  });
  // Another jurisdiction's estate is not printed; every noticeboard asked is this jurisdiction's.
  expect(screen.queryByText('别处小区')).toBeNull();
  expect(backend.callsOf('report.noticeboard').map((c) => c.data.estateId).sort()).toEqual(['e-1', 'e-2', 'e-3']);
  expect(screen.getByText('打印全部海报')).toBeTruthy();
  expect(backend.callsOf('admin.listEstates').map((c) => c.data)).toEqual([{ jurisdiction: 'yongning', limit: 50 }]);
});

it('prints one township on choosing it: only its estates are read and laid out, with its count', async () => {
  const { container } = render(<PostersPage />);
  await waitFor(() => expect(container.querySelectorAll('[data-sheet]')).toHaveLength(3), { timeout: 8000 });
  fireEvent.click(container.querySelector('[data-township="yongning.t.b"]') as Element);
  await waitFor(() => expect(container.querySelectorAll('[data-sheet]')).toHaveLength(1), { timeout: 8000 });
  expect(container.querySelector('[data-sheet]')?.getAttribute('data-sheet')).toBe('e-3');
  expect(screen.getByText(/^乙镇共 1 个小区/)).toBeTruthy();
  expect(backend.callsOf('admin.listEstates').at(-1)?.data).toEqual({ jurisdiction: 'yongning', township: 'yongning.t.b', limit: 50 });
});

it('answers another county’s admin with the refusal: no estate, no noticeboard, nothing to print', async () => {
  // What the server answers an admin whose grants do not reach 永宁县 (usecases/admin.ts requireAdmin).
  backend.on('admin.listEstates', new FakeBackendError('AUTH.FORBIDDEN', '需要该辖区的管理员权限', undefined, 403));
  const { container } = render(<PostersPage />);
  await waitFor(() => expect(screen.getByText('您没有权限进行此操作')).toBeTruthy());
  expect(container.querySelector('[data-sheet]')).toBeNull();
  expect(backend.callsOf('report.noticeboard')).toHaveLength(0);
  expect(screen.queryByText('打印全部海报')).toBeNull();
});

it('prints each sheet on its own page: the stylesheet breaks after every sheet but the last, on A4', () => {
  const dir = path.join(__dirname, '../../../../miniprogram/pages/posters');
  const css = fs.readFileSync(path.join(dir, 'index.css'), 'utf8');
  expect(css).toMatch(/\.posters__sheet \{[^}]*break-after: page;[^}]*\}/);
  expect(css).toMatch(/\.posters__sheet:last-child \{[^}]*break-after: auto;/);
  expect(fs.readFileSync(path.join(dir, 'page-size.css'), 'utf8')).toMatch(/@page \{[^}]*size: A4/);
});

it('shows a refused noticeboard as that estate’s error and still prints the others', async () => {
  backend.on('report.noticeboard', (data) => (data.estateId === 'e-2' ? new FakeBackendError('NOT_FOUND', '小区不存在', undefined, 404) : boardOf(String(data.estateId))));
  const { container } = render(<PostersPage />);
  await waitFor(() => expect(container.querySelectorAll('[data-sheet]')).toHaveLength(3), { timeout: 8000 });
  expect(container.querySelectorAll('[data-poster-sheet]')).toHaveLength(2);
  expect(container.querySelector('[data-sheet="e-2"]')?.textContent).toContain('丽景小区：');
});

it('asks for the jurisdiction when opened without one, and calls nothing', async () => {
  setPageQuery({}, '/pages/posters/index');
  render(<PostersPage />);
  await settle();
  expect(screen.getByText('请从县区上线页面打开，并指明辖区')).toBeTruthy();
  expect(backend.calls).toHaveLength(0);
});
