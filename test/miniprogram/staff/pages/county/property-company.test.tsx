/**
 * 物业企业 on the county page (issue 19 §4; the browser story had to call admin.putPropertyCompany
 * through the API): the form registers a company of the page's jurisdiction before the estates
 * import, names bad input before sending anything, and shows a refusal with its stable code.
 * The credit code below is a test fixture in the GB 32100-2015 character set, not a real company's.
 */
import { render, screen } from '@testing-library/react';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, Refusal, settle, signIn, type } from '../../support';
import { AdminInputs } from '../../../../../shared/actions/admin';

const ADMIN = { id: 'u-yn-admin', name: '县管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
const home = () => ({ user: ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] });
const versions = () => ({ routingNow: 'yongning@1', versions: [] });
const companyStep = () => document.querySelector('[data-step="company"]') as HTMLElement;

beforeEach(() => {
  signIn({ id: ADMIN.id, name: ADMIN.name, roles: ['admin'] });
  setPageQuery({}, '/staff/pages/county/index');
});

it('stands before the estates import', async () => {
  fakeNetwork({ 'ticket.home': home, 'admin.listVersions': versions });
  render(<CountyPage />);
  await settle();
  expect(screen.getByText('第5步 物业企业：登记物业服务企业')).toBeTruthy();
  expect(screen.getByText('第6步 小区：导入小区（坐标、乡镇街道、物业企业）')).toBeTruthy();
});

it('registers a company of this jurisdiction with admin.putPropertyCompany, the credit code as its id', async () => {
  const net = fakeNetwork({ 'ticket.home': home, 'admin.listVersions': versions, 'admin.putPropertyCompany': (data) => data });
  render(<CountyPage />);
  await settle();
  await type('企业名称', '永宁示例物业服务有限公司');
  await type('统一社会信用代码', '91640121ma7abcde1f');
  await click('登记物业企业');
  const sent = net.calls.filter((c) => c.action === 'putPropertyCompany').map((c) => c.data);
  expect(sent).toEqual([{ id: 'pc-91640121MA7ABCDE1F', name: '永宁示例物业服务有限公司', jurisdiction: 'yongning' }]);
  // What the page sends is what the action's own schema accepts.
  expect(AdminInputs.putPropertyCompany.safeParse(sent[0]).success).toBe(true);
  expect(companyStep().querySelector('[data-company]')!.textContent).toBe('已登记 永宁示例物业服务有限公司（编号 pc-91640121MA7ABCDE1F）');

  // Without a code the company still gets an id of its own in this jurisdiction.
  await type('企业名称', '第二物业公司');
  await click('登记物业企业');
  const second = net.calls.filter((c) => c.action === 'putPropertyCompany')[1]!.data;
  expect(second).toEqual({ id: expect.stringMatching(/^pc-yongning-[0-9a-z]+$/), name: '第二物业公司', jurisdiction: 'yongning' });
  expect(AdminInputs.putPropertyCompany.safeParse(second).success).toBe(true);
  expect(companyStep().querySelectorAll('[data-company]')).toHaveLength(2);
});

it('names a bad name and a bad credit code at once and sends nothing; a refusal shows its code', async () => {
  const net = fakeNetwork({
    'ticket.home': home,
    'admin.listVersions': versions,
    'admin.putPropertyCompany': () => {
      throw new Refusal('AUTH.FORBIDDEN', '无权管理该辖区');
    },
  });
  render(<CountyPage />);
  await settle();
  await type('企业名称', '甲');
  await type('统一社会信用代码', '91640121MA7ABCDEIO');
  await click('登记物业企业');
  expect([...companyStep().querySelectorAll('[data-form-error]')].map((e) => e.textContent)).toEqual([
    '企业名称须为 2–60 个字',
    '统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）',
  ]);
  expect(net.calls.filter((c) => c.action === 'putPropertyCompany')).toHaveLength(0);
  await type('企业名称', '示例物业服务有限公司');
  await type('统一社会信用代码', '');
  await click('登记物业企业');
  expect(companyStep().textContent).toContain('（错误码 AUTH.FORBIDDEN）');
  expect(companyStep().querySelector('[data-company]')).toBeNull();
});
