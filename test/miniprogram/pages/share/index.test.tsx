/** The public view of a ticket in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SharePage from '../../../../miniprogram/pages/share/index';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
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
  // The resident's words: no unit is named on the public card, so a dispatched ticket is 处理中.
  expect(screen.getByText('处理中')).toBeTruthy();
  expect(screen.queryByText('已吹哨')).toBeNull();
  expect(screen.queryByText('办理结果')).toBeNull();
  expect(screen.getByText('已有1位居民附议')).toBeTruthy();
  expect(backend.callsOf('report.publicView')[0]?.data).toEqual({ ticketId: 't-7' });

  await clickAndSettle(screen.getByText('我也遇到了').closest('taro-button-core') as HTMLElement);
  expect(backend.callsOf('report.meToo').map((c) => c.data)).toEqual([{ ticketId: 't-7' }]);
  expect(await screen.findByText('已附议，感谢您的反映')).toBeTruthy();
  expect(screen.getByText('已有2位居民附议')).toBeTruthy();
});

it('shows the description, the fix and the after-photo of a closed ticket when the public view sends them', async () => {
  backend.on('report.publicView', {
    id: 't-7',
    no: 'YN-20261123-0007',
    categoryLabel: '车辆乱停乱放',
    category: 'parking',
    state: 'closed',
    estateId: 'yongning.e.jinxiu',
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-24T03:00:00.000Z',
    photos: ['f-before'],
    meToo: 0,
    description: '消防通道被私家车长期占用',
    resolution: '已联系车主挪车，消防通道已清空',
    afterPhotos: ['f-after'],
  });
  const { container } = render(<SharePage />);
  await settle();
  expect(await screen.findByText('已完成')).toBeTruthy();
  expect(screen.getByText('消防通道被私家车长期占用')).toBeTruthy();
  expect(screen.getByText('办理结果')).toBeTruthy();
  expect(screen.getByText('已联系车主挪车，消防通道已清空')).toBeTruthy();
  expect(screen.getByText('整改后照片')).toBeTruthy();
  expect(container.querySelectorAll('.photo__image')).toHaveLength(2);
});

it('offers a way back when the ticket cannot be shown', async () => {
  backend.on('report.publicView', new FakeBackendError('NOT_FOUND', '没有找到工单', undefined, 404));
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<SharePage />);
  await settle();
  expect(await screen.findByText('没有找到工单')).toBeTruthy();
  await clickAndSettle(screen.getByText('返回').closest('taro-button-core') as HTMLElement);
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/report/index' });
  redirect.mockRestore();
});
