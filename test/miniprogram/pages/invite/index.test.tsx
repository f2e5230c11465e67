/** 绑定工作人员账号 in jsdom (H5 branch) against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import InvitePage, { inviteCode } from '../../../../miniprogram/pages/invite/index';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle } from '../../support/render';
import { setPageQuery } from '../../support/taro';

const CODE = 'Q2hvb3NlIGEgY29kZSBvbmNl';
let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
});

afterEach(() => backend.restore());

it('reads the code from the link or from a mini-program code’s scene, and refuses anything else', () => {
  expect(inviteCode({ code: CODE })).toBe(CODE);
  expect(inviteCode({ scene: encodeURIComponent(CODE) })).toBe(CODE);
  expect(inviteCode({})).toBeNull();
  expect(inviteCode({ code: 'short' })).toBeNull();
  expect(inviteCode({ code: `${CODE}<script>` })).toBeNull();
});

it('binds only on a tap, sends nothing but the code, shows the result and opens the staff home', async () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  backend.on('report.redeemInvitation', { userId: 'yn-grid-new', name: '网格员小王', roles: ['grid'] });
  setPageQuery({ code: CODE }, '/pages/invite/index');
  render(<InvitePage />);
  await settle();
  expect(screen.getByText('绑定工作人员账号')).toBeTruthy();
  expect(backend.calls).toEqual([]);

  await clickAndSettle(screen.getByText('确认绑定'));
  expect(backend.callsOf('report.redeemInvitation').map((c) => c.data)).toEqual([{ code: CODE }]);
  expect(screen.getByText('绑定成功')).toBeTruthy();
  expect(screen.getByText('网格员小王')).toBeTruthy();
  expect(screen.getByText('身份：网格员')).toBeTruthy();
  expect(redirect).not.toHaveBeenCalled();
  // The result stays on screen for 1.5 s.
  await settle(1600);
  expect(redirect).toHaveBeenCalledWith({ url: '/staff/pages/home/index' });
  redirect.mockRestore();
});

it('shows the server’s sentence for a used, expired or unknown code and stays on the page', async () => {
  for (const [code, message] of [
    ['INVITE.USED', '邀请码已被使用'],
    ['INVITE.EXPIRED', '邀请码已过期，请联系管理员重新生成'],
    ['RATE.LIMITED', '尝试次数过多，请一小时后再试'],
  ]) {
    backend.on('report.redeemInvitation', new FakeBackendError(code as string, message as string, undefined, 409));
    setPageQuery({ code: CODE }, '/pages/invite/index');
    const { unmount } = render(<InvitePage />);
    await settle();
    await clickAndSettle(screen.getByText('确认绑定'));
    expect(screen.getByText(message as string)).toBeTruthy();
    expect(screen.queryByText('绑定成功')).toBeNull();
    unmount();
  }
});

it('says so when the link carries no valid code, and calls nothing', async () => {
  setPageQuery({}, '/pages/invite/index');
  render(<InvitePage />);
  await settle();
  expect(screen.getByText('没有找到有效的邀请码，请重新扫描管理员提供的二维码')).toBeTruthy();
  expect(screen.queryByText('确认绑定')).toBeNull();
  expect(backend.calls).toEqual([]);
});
