/**
 * The print-all poster page where nothing can print (weapp: components/print.weapp.ts, CAN_PRINT
 * false — faked here at that platform edge by mocking the print module): it lists each estate of the
 * jurisdiction with a link to its own poster page and fetches no noticeboard. A county of 120
 * estates is read page by page (admin.listEstates answers at most 100 a call; the fake pages with the
 * server's shared/lists/estate-page.ts): all 120 listed, the count shown.
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PostersPage from '../../../../miniprogram/pages/posters/index';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { estatePage } from '../../../../shared/lists/estate-page';
import type { Estate } from '../../../../shared/domain/directory';

jest.mock('../../../../miniprogram/components/print', () => ({ CAN_PRINT: false, printPage: () => undefined }));

let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  const estates = [estateInfo({ id: 'e-1', name: '锦绣花园', jurisdiction: 'yongning' }), estateInfo({ id: 'e-2', name: '丽景小区', jurisdiction: 'yongning' })];
  backend.on('admin.listEstates', (data) => estatePage(estates as unknown as Estate[], { limit: Number(data.limit), after: data.after as string | undefined }));
  backend.on('admin.directory', { departments: [], areas: [], townships: [] });
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

it('reads a county of 120 estates page by page and lists every one, with the count', async () => {
  const many = Array.from({ length: 120 }, (_, i) => estateInfo({ id: `m-${String(i).padStart(3, '0')}`, name: `小区${String(i).padStart(3, '0')}`, jurisdiction: 'yongning' }));
  backend.on('admin.listEstates', (data) => estatePage(many as unknown as Estate[], { limit: Number(data.limit), after: data.after as string | undefined }));
  const { container } = render(<PostersPage />);
  await settle();
  await settle();
  expect(container.querySelectorAll('[data-estate]')).toHaveLength(120);
  expect(container.querySelector('[data-count]')?.textContent).toMatch(/^本辖区共 120 个小区/);
  // Three requests of at most 50, each after the last estate of the one before.
  expect(backend.callsOf('admin.listEstates').map((c) => c.data.after ?? null)).toEqual([null, 'm-049', 'm-099']);
});
