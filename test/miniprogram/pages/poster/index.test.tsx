/** The printable poster in jsdom (H5 branch) against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PosterPage from '../../../../miniprogram/pages/poster/index';
import { reportUrl } from '../../../../miniprogram/components/qr';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';

// jest's jsdom lacks TextEncoder, which browsers (and the qrcode package) have.
Object.assign(globalThis, { TextEncoder });

let backend: FakeBackend;
const ESTATE = estateInfo({ sceneCode: 'e=yn000001' });

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.noticeboard', {
    estate: ESTATE,
    units: [
      {
        id: 'yongning.zjj',
        name: '县住建局',
        leads: ['contract'],
        leadLabels: ['违规签订物业服务合同'],
        phone: '0951-6123456',
        contactPerson: null,
        duties: [{ source: '002_bbc741157aca8db7.txt', item: '二(二)2(2)', text: '違規簽訂物業服務合同', categories: ['contract'] }],
        complaintPhone: '0951-6123400',
      },
    ],
    property: null,
    hotline: HOTLINE_12345,
    disclosure: [{ key: 'maintenanceFund', label: '维修资金使用', text: '2026年使用维修资金3.2万元更换水泵', updatedAt: '2026-11-20T02:00:00.000Z' }],
  });
  setPageQuery({ estate: ESTATE.id }, '/pages/poster/index');
});

afterEach(() => backend.restore());

it('draws a QR code of the H5 report URL carrying the estate’s scene code', async () => {
  const { container } = render(<PosterPage />);
  await settle();
  const url = `${window.location.origin}/#/pages/report/index?estate=e%3Dyn000001`;
  expect(reportUrl(ESTATE.sceneCode)).toBe(url);
  expect(await screen.findByText(url)).toBeTruthy();
  const image = container.querySelector('taro-image-core.poster__qr');
  expect(image?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(screen.getByText('县住建局')).toBeTruthy();
  expect(screen.getByText('0951-6123456')).toBeTruthy();
});

it('carries the same content as the noticeboard: duties, 投诉举报电话, 12345 and the 六公开 fields (issue 20 §5)', async () => {
  render(<PosterPage />);
  await settle();
  expect(await screen.findByText('职责：違規簽訂物業服務合同')).toBeTruthy();
  expect(screen.getByText('投诉举报电话：0951-6123400')).toBeTruthy();
  expect(screen.getByText('12345政务服务便民热线')).toBeTruthy();
  expect(screen.getByText(`职责：${HOTLINE_12345.duty}`)).toBeTruthy();
  expect(screen.getByText('维修资金使用：2026年使用维修资金3.2万元更换水泵（更新于 2026-11-20）')).toBeTruthy();
});
