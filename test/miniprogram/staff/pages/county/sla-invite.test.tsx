/**
 * 时限 and 人员 on the county page (issue 19 §4 "set the SLA policy; invite its staff"), the network
 * faked at fetch:
 * - the SLA form sends admin.putSlaPolicy for the page's jurisdiction with the resolve deadlines as
 *   the policy schema spells them (shared/sla/policy.ts SpanSchema) and shows the policy the server
 *   answers (here the real resolveSlaPolicy); bad numbers are named and nothing is sent; a refusal
 *   shows its stable code;
 * - the invitation form creates a staff record with a grant in the page's jurisdiction only
 *   (admin.putUser), then its invitation (admin.createInvitation), and shows the link once.
 */
import { render as renderPage, screen } from '@testing-library/react';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, Refusal, settle, signIn, type } from '../../support';
import { resolveSlaPolicy } from '../../../../../shared/sla/policy';
import { invitePath } from '../../../../../shared/domain/invitation';

const ADMIN = { id: 'u-yn-admin', name: '县管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
const home = () => ({ user: ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] });
const versions = () => ({ routingNow: 'yongning@1', versions: [] });

beforeEach(() => {
  signIn({ id: ADMIN.id, name: ADMIN.name, roles: ['admin'] });
  setPageQuery({}, '/staff/pages/county/index');
});

it('the steps end 时限 → 人员 → 海报', async () => {
  fakeNetwork({ 'ticket.home': home, 'admin.listVersions': versions });
  render();
  await settle();
  expect(screen.getByText('第8步 时限：设置办结时限')).toBeTruthy();
  expect(screen.getByText('第9步 人员：邀请工作人员')).toBeTruthy();
  expect(screen.getByText('第10步 海报：打印各小区公告牌海报')).toBeTruthy();
});

it('saves the resolve deadlines with admin.putSlaPolicy and shows the policy in force', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.putSlaPolicy': (data) => resolveSlaPolicy(data.policy, String(data.jurisdiction)),
  });
  render();
  await settle();
  await type('普通问题办结时限（工作日）', '3');
  await type('紧急问题办结时限（小时）', '12');
  await click('保存时限');
  expect(net.calls.filter((c) => c.action === 'putSlaPolicy').map((c) => c.data)).toEqual([
    { jurisdiction: 'yongning', policy: { normal: { resolve: { unit: 'workingDays', amount: 3 } }, urgent: { resolve: { unit: 'hours', amount: 12 } } } },
  ]);
  expect(document.querySelector('[data-sla-done]')!.textContent).toBe('已保存：普通问题 3 个工作日内办结，紧急问题 12 小时内办结');
});

it('names bad deadlines and sends nothing; a refusal shows its code', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.putSlaPolicy': () => {
      throw new Refusal('AUTH.FORBIDDEN', '无权管理该辖区');
    },
  });
  render();
  await settle();
  await type('普通问题办结时限（工作日）', '0');
  await type('紧急问题办结时限（小时）', '两天');
  await click('保存时限');
  expect([...document.querySelectorAll('[data-step="sla"] [data-form-error]')].map((e) => e.textContent)).toEqual([
    '普通问题办结时限须为 1–60 的整数（工作日）',
    '紧急问题办结时限须为 1–72 的整数（小时）',
  ]);
  expect(net.calls.filter((c) => c.action === 'putSlaPolicy')).toHaveLength(0);
  await type('普通问题办结时限（工作日）', '5');
  await type('紧急问题办结时限（小时）', '24');
  await click('保存时限');
  expect(document.querySelector('[data-step="sla"]')!.textContent).toContain('（错误码 AUTH.FORBIDDEN）');
  expect(document.querySelector('[data-sla-done]')).toBeNull();
});

it('invites a staff member: a record granted in this jurisdiction only, then its one-time link', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.putUser': (data) => ({ ...data, openid: null }),
    'admin.createInvitation': (data) => ({ userId: data.userId, name: '张三', code: 'c0de-c0de-c0de-c0de', expiresAt: '2026-12-09T04:00:00.000Z', path: invitePath('c0de-c0de-c0de-c0de'), scene: 'c0de-c0de-c0de-c0de', qrImage: null }),
  });
  render();
  await settle();
  await type('姓名', '张三');
  await type('手机号', '13800000000');
  await click(choices('角色').find((c) => c.text === '领导小组办公室')!.el);
  await click('生成邀请');
  const [put] = net.calls.filter((c) => c.action === 'putUser');
  expect(put!.data).toEqual({ id: expect.stringMatching(/^yongning\.staff\.[0-9a-z]+$/), name: '张三', phone: '13800000000', grants: [{ role: 'leadership', jurisdiction: 'yongning' }] });
  expect(net.calls.filter((c) => c.action === 'createInvitation').map((c) => c.data)).toEqual([{ userId: put!.data.id }]);
  expect(document.querySelector('[data-invite-path]')!.textContent).toBe('pages/invite/index?code=c0de-c0de-c0de-c0de');
  expect(document.querySelector('[data-invitation]')!.textContent).toContain('2026-12-09 12:00 前有效');
});

it('an invitation form without a name sends nothing; a refused invitation shows its code', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.putUser': () => {
      throw new Refusal('AUTH.FORBIDDEN', '只能管理本辖区的工作人员账号');
    },
  });
  render();
  await settle();
  await type('手机号', '138');
  await click('生成邀请');
  expect([...document.querySelectorAll('[data-step="invite"] [data-form-error]')].map((e) => e.textContent)).toEqual(['请填写姓名', '手机号须为 11 位数字']);
  expect(net.calls.filter((c) => c.action === 'putUser')).toHaveLength(0);
  await type('姓名', '李四');
  await type('手机号', '');
  await click('生成邀请');
  expect(document.querySelector('[data-step="invite"]')!.textContent).toContain('（错误码 AUTH.FORBIDDEN）');
  expect(document.querySelector('[data-invitation]')).toBeNull();
});

function render() {
  return renderPage(<CountyPage />);
}
