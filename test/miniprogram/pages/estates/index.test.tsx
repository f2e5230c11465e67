/** The estate picker in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EstatesPage from '../../../../miniprogram/pages/estates/index';
import { rememberedEstate } from '../../../../miniprogram/components/estate-choice';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle, typeInto } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';

let backend: FakeBackend;
const A = estateInfo({ name: '锦绣花园', sceneCode: 'yn-jxhy' });
const B = estateInfo({ name: '华盛佳苑', sceneCode: 'yn-hsjy', address: '永宁县杨和镇' });

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.estates', (data) => ({
    items: [A, B].filter((e) => !data.query || e.name.includes(String(data.query))).map((e) => ({ ...e, distanceMeters: null })),
  }));
  setPageQuery({}, '/pages/estates/index');
});

afterEach(() => backend.restore());

it('lists estates by name without a location, searches by name, and opens the report page for the one picked', async () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  const { container } = render(<EstatesPage />);
  await settle();
  expect(await screen.findByText('华盛佳苑')).toBeTruthy();
  expect(screen.getByText('未获取到位置，按小区名称排列')).toBeTruthy();
  expect(backend.callsOf('report.estates')[0]?.data).toEqual({ near: null, limit: 30 });

  await typeInto(container, 'query', '华盛');
  await clickAndSettle(screen.getByText('搜索').closest('taro-button-core') as HTMLElement);
  expect(backend.callsOf('report.estates')[1]?.data).toEqual({ near: null, limit: 30, query: '华盛' });
  expect(screen.queryByText('锦绣花园')).toBeNull();

  await clickAndSettle(screen.getByText('华盛佳苑'));
  expect(rememberedEstate()?.id).toBe(B.id);
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/report/index?estate=yn-hsjy' });
  redirect.mockRestore();
});
