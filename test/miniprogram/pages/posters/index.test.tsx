/**
 * The print-all poster page (issue 19 §4) in jsdom (H5 branch) against a fake backend (global fetch
 * replaced, support/fake-backend.ts): every estate of the jurisdiction gets one sheet — its QR code
 * of the H5 report URL, its name, its units and phones — and the stylesheet breaks the page after
 * each sheet, so the browser's 打印 → 另存为 PDF gives one poster per page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TextEncoder } from 'node:util';
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostersPage from '../../../../miniprogram/pages/posters/index';
import { reportUrl } from '../../../../miniprogram/components/qr';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';

// jest's jsdom lacks TextEncoder, which browsers (and the qrcode package) have.
Object.assign(globalThis, { TextEncoder });

const ESTATES = [
  estateInfo({ id: 'e-1', name: '锦绣花园', jurisdiction: 'yongning', sceneCode: 'e=yn000001' }),
  estateInfo({ id: 'e-2', name: '丽景小区', jurisdiction: 'yongning', sceneCode: 'e=yn000002' }),
  estateInfo({ id: 'e-3', name: '团结小区', jurisdiction: 'yongning', sceneCode: 'e=yn000003' }),
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
  backend.on('report.estates', { items: [...ESTATES, ELSEWHERE].map((e) => ({ ...e, distanceMeters: null })) });
  backend.on('report.noticeboard', (data) => boardOf(String(data.estateId)));
  setPageQuery({ jurisdiction: 'yongning' }, '/pages/posters/index');
});

afterEach(() => backend.restore());

it('lays out one poster sheet per estate of the jurisdiction, each with its QR code, name and units’ phones', async () => {
  const { container } = render(<PostersPage />);
  // Drawing three QR codes takes a while in jsdom: wait for the sheets, not a fixed time.
  await waitFor(() => expect(container.querySelectorAll('[data-sheet]')).toHaveLength(3), { timeout: 8000 });
  const sheets = [...container.querySelectorAll('[data-sheet]')];
  expect(sheets.map((s) => s.getAttribute('data-sheet'))).toEqual(['e-1', 'e-2', 'e-3']);
  sheets.forEach((sheet, i) => {
    const estate = ESTATES[i]!;
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
