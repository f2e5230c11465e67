/**
 * The H5 demo sign-in in jsdom. Global fetch is replaced by a fake of the local runtime's
 * /api/dev/users and /api/dev/signin (the only network edge of this page).
 */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SignInPage from '../../../../miniprogram/pages/signin/index';
import { getSessionUser, getToken } from '../../../../miniprogram/api';
import { clickAndSettle, settle } from '../../support/render';
import { setPageQuery } from '../../support/taro';

const USERS = [
  { id: 'demo.grid.1', name: '王芳', roles: ['grid'], jurisdiction: '永宁县' },
  { id: 'demo.resident.1', name: '张伟', roles: ['resident'] },
  { id: 'demo.police.1', name: '赵军', grants: [{ role: 'police', jurisdiction: 'yongning' }] },
  { id: 'demo.resident.2', name: '李敏', roles: ['resident'] },
];

let original: unknown;
let signins: unknown[];

function fakeLocalRuntimeFetch(): void {
  original = (globalThis as { fetch?: unknown }).fetch;
  signins = [];
  (globalThis as { fetch?: unknown }).fetch = async (url: string, init?: { method?: string; body?: string }) => {
    if (url === '/api/dev/users') return { ok: true, status: 200, json: async () => ({ ok: true, data: { users: USERS } }) };
    if (url === '/api/dev/signin' && init?.method === 'POST') {
      const body = JSON.parse(init.body ?? '{}') as { userId: string };
      signins.push(body);
      const user = USERS.find((u) => u.id === body.userId);
      return { ok: true, status: 200, json: async () => ({ token: `token-${body.userId}`, user: { id: user?.id, name: user?.name, roles: user?.roles ?? ['police'] } }) };
    }
    return { ok: false, status: 404, json: async () => ({}) };
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  fakeLocalRuntimeFetch();
  setPageQuery({}, '/pages/signin/index');
});

afterEach(() => {
  (globalThis as { fetch?: unknown }).fetch = original;
});

it('groups the demo users by role with Chinese role labels, residents first', async () => {
  const { container } = render(<SignInPage />);
  await settle();
  await screen.findByText('张伟');
  const groups = [...container.querySelectorAll('.signin__group')].map((g) => g.getAttribute('data-role'));
  expect(groups).toEqual(['resident', 'grid', 'police']);
  const residents = container.querySelector('[data-role="resident"]') as HTMLElement;
  expect(within(residents).getByText('居民')).toBeTruthy();
  expect(within(residents).getByText('李敏')).toBeTruthy();
  expect(within(container.querySelector('[data-role="grid"]') as HTMLElement).getByText('网格员')).toBeTruthy();
  expect(within(container.querySelector('[data-role="police"]') as HTMLElement).getByText('民警')).toBeTruthy();
});

it('signs a resident in, keeps the token and opens the report page', async () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<SignInPage />);
  await settle();
  await clickAndSettle(await screen.findByText('张伟'));
  expect(signins).toEqual([{ userId: 'demo.resident.1' }]);
  expect(getToken()).toBe('token-demo.resident.1');
  expect(getSessionUser()).toEqual({ id: 'demo.resident.1', name: '张伟', roles: ['resident'] });
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/report/index' });
  redirect.mockRestore();
});

it('sends staff to the staff home', async () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<SignInPage />);
  await settle();
  await clickAndSettle(await screen.findByText('王芳'));
  expect(redirect).toHaveBeenCalledWith({ url: '/staff/pages/home/index' });
  redirect.mockRestore();
});

it('says in Chinese when the local runtime is not there', async () => {
  (globalThis as { fetch?: unknown }).fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  render(<SignInPage />);
  await settle();
  expect(await screen.findByText('网络连接失败，请确认本地服务已启动（npm start）')).toBeTruthy();
});
