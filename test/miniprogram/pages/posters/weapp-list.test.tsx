/**
 * The print-all poster page where nothing can print (weapp: components/print.weapp.ts, CAN_PRINT
 * false — faked here at that platform edge by mocking the print module): it lists each estate of the
 * jurisdiction with a link to its own poster page and fetches no noticeboard.
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostersPage from '../../../../miniprogram/pages/posters/index';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';

jest.mock('../../../../miniprogram/components/print', () => ({ CAN_PRINT: false, printPage: () => undefined }));

let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.estates', {
    items: [
      { ...estateInfo({ id: 'e-1', name: '锦绣花园', jurisdiction: 'yongning' }), distanceMeters: null },
      { ...estateInfo({ id: 'w-1', name: '别处小区', jurisdiction: 'wuzhong' }), distanceMeters: null },
      { ...estateInfo({ id: 'e-2', name: '丽景小区', jurisdiction: 'yongning' }), distanceMeters: null },
    ],
  });
  setPageQuery({ jurisdiction: 'yongning' }, '/pages/posters/index');
});

afterEach(() => backend.restore());

it('lists each estate of the jurisdiction with a link to its poster, and asks for no noticeboard', async () => {
  const opened: string[] = [];
  jest.spyOn(Taro, 'navigateTo').mockImplementation(((o: { url: string }) => (opened.push(o.url), Promise.resolve())) as unknown as typeof Taro.navigateTo);
  const { container } = render(<PostersPage />);
  await settle();
  expect([...container.querySelectorAll('[data-estate]')].map((e) => e.textContent)).toEqual(['锦绣花园 · 打开海报 ›', '丽景小区 · 打开海报 ›']);
  expect(container.querySelector('[data-sheet]')).toBeNull();
  expect(screen.queryByText('打印全部海报')).toBeNull();
  expect(backend.callsOf('report.noticeboard')).toHaveLength(0);
  (container.querySelector('[data-estate="e-2"]') as HTMLElement).click();
  await settle();
  expect(opened).toEqual(['/pages/poster/index?estate=e-2']);
});
