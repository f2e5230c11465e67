/** The public view of a ticket in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SharePage from '../../../../miniprogram/pages/share/index';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle } from '../../support/render';
import { setPageQuery } from '../../support/taro';

let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.publicView', {
    id: 't-7',
    no: 'YN-20261123-0007',
    categoryLabel: '车辆乱停乱放',
    category: 'parking',
    state: 'whistled',
    estateId: 'yongning.e.jinxiu',
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T03:00:00.000Z',
    photos: [],
    meToo: 1,
  });
  backend.on('report.meToo', { ticketId: 't-7', added: true, meToo: 2 });
  setPageQuery({ id: 't-7' }, '/pages/share/index');
});

afterEach(() => backend.restore());

it('shows the public view and adds a 我也遇到了', async () => {
  render(<SharePage />);
  await settle();
  expect(await screen.findByText('车辆乱停乱放')).toBeTruthy();
  expect(screen.getByText('已吹哨')).toBeTruthy();
  expect(screen.getByText('已有1位居民附议')).toBeTruthy();
  expect(backend.callsOf('report.publicView')[0]?.data).toEqual({ ticketId: 't-7' });

  await clickAndSettle(screen.getByText('我也遇到了').closest('taro-button-core') as HTMLElement);
  expect(backend.callsOf('report.meToo').map((c) => c.data)).toEqual([{ ticketId: 't-7' }]);
  expect(await screen.findByText('已附议，感谢您的反映')).toBeTruthy();
  expect(screen.getByText('已有2位居民附议')).toBeTruthy();
});
