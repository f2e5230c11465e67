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

// jest's jsdom lacks TextEncoder, which browsers (and the qrcode package) have.
Object.assign(globalThis, { TextEncoder });

let backend: FakeBackend;
const ESTATE = estateInfo({ sceneCode: 'e=yn000001' });

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.noticeboard', {
    estate: ESTATE,
    units: [{ id: 'yongning.zjj', name: '县住建局', leads: ['contract'], leadLabels: ['违规签订物业服务合同'], phone: '0951-6123456', contactPerson: null }],
    property: null,
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
