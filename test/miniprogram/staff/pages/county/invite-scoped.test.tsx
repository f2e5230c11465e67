/**
 * 人员 on the county page for township- and estate-scoped staff (issue 19 §4 "invite its staff"):
 * Yinchuan's admin onboarding 示例县 (a test fixture, not a real place) grants a 乡镇（街道）
 * officer one of its townships, a department officer one unit, a grid worker its estates, a police officer its 公安 unit and
 * estates, the pickers filled from the county's imported townships and units (admin.directory,
 * answered with the list the server builds from the fixture unit table: ../../shili-directory.ts)
 * and estates (admin.listEstates, the fixture estates CSV as importEstates stores it). What is sent
 * passes AdminInputs.putUser; a missing pick is named and nothing is sent. Network faked at fetch.
 */
import { render, screen } from '@testing-library/react';
import CountyPage from '../../../../../miniprogram/staff/pages/county/index';
import { AdminInputs } from '../../../../../shared/actions/admin';
import { invitePath } from '../../../../../shared/domain/invitation';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, settle, signIn, type } from '../../support';
import { shiliDirectory } from '../../shili-directory';

const ADMIN = { id: 'u-admin-yc', name: '银川管理员', roles: ['admin'], grants: [{ role: 'admin', jurisdiction: 'yinchuan' }] };
const SHILI = shiliDirectory(ADMIN.grants as never).lists[0]!;
/** test/fixtures/county/shili-estates.csv as importEstates stores it (乡镇 by the unit table's township ids). */
const ESTATES = [
  { id: 'sl-shhy', name: '示例花园', jurisdiction: 'shili', townshipId: 'shili.t1' },
  { id: 'sl-shjy', name: '示例家园', jurisdiction: 'shili', townshipId: 'shili.t1' },
  { id: 'sl-dzya', name: '东镇雅苑', jurisdiction: 'shili', townshipId: 'shili.t2' },
];

function open() {
  const net = fakeNetwork({
    'ticket.home': () => ({ user: ADMIN, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
    'admin.jurisdictions': () => [{ id: 'yinchuan', name: '银川市', level: 'city' }, { id: 'shili', name: '示例县', level: 'county' }],
    'admin.listVersions': () => ({ routingNow: 'shili.v1', versions: [] }),
    'admin.directory': (data) => (data.jurisdiction === 'shili' ? { departments: SHILI.departments, areas: [], townships: SHILI.townships } : { departments: [], areas: [], townships: [] }),
    'admin.listEstates': (data) => ({ items: ESTATES.filter((e) => e.jurisdiction === data.jurisdiction), total: 3, next: null }),
    'admin.putUser': (data) => ({ ...data, openid: null }),
    'admin.createInvitation': (data) => ({ userId: data.userId, name: '卫东', code: 'c0de-c0de-c0de-c0de', expiresAt: '2026-12-09T04:00:00.000Z', path: invitePath('c0de-c0de-c0de-c0de'), scene: 'c0de-c0de-c0de-c0de', qrImage: null }),
  });
  render(<CountyPage />);
  return net;
}

const step = () => document.querySelector('[data-step="invite"]') as HTMLElement;
const pickRole = async (label: string) => click(choices('角色', step()).find((c) => c.text === label)!.el);
const pick = async (field: string, text: string) => click(choices(field, step()).find((c) => c.text.startsWith(text))!.el);

beforeEach(() => {
  signIn({ id: ADMIN.id, name: ADMIN.name, roles: ['admin'] });
  setPageQuery({ jurisdiction: 'shili' }, '/staff/pages/county/index');
});

it('offers the county’s townships, 公安 unit and estates, and grants exactly the picked ones', async () => {
  const net = open();
  await settle();
  expect(choices('角色', step()).map((c) => c.text)).toEqual(['管理员', '领导小组办公室', '乡镇（街道）工作人员', '部门工作人员', '网格员', '民警']);

  await type('姓名', '卫东', step());
  await pickRole('乡镇（街道）工作人员');
  expect(net.calls.filter((c) => c.action === 'directory').map((c) => c.data)).toEqual([{ jurisdiction: 'shili' }]);
  expect(choices('所属乡镇（街道）', step()).map((c) => c.text)).toEqual(['示例街道', '示例东镇', '示例西乡']);
  await pick('所属乡镇（街道）', '示例东镇');
  await click('生成邀请');

  await pickRole('部门工作人员');
  // Every unit of the table but the leadership office (the escalation target, not a handler).
  expect(choices('所属单位', step()).map((c) => c.text)).toEqual(SHILI.departments.filter((d) => d.kind !== 'leadership').map((d) => d.name));
  expect(choices('所属单位', step()).map((c) => c.text)).not.toContain('示例县物业管理工作领导小组办公室');
  await pick('所属单位', '示例县园林管理所');
  await click('生成邀请');

  await pickRole('网格员');
  expect(choices('负责的小区', step()).map((c) => c.text)).toEqual(['示例花园示例街道', '示例家园示例街道', '东镇雅苑示例东镇']);
  await pick('负责的小区', '示例花园');
  await pick('负责的小区', '示例家园');
  await click('生成邀请');

  await pickRole('民警');
  // The unit table has one 公安 unit: it is chosen already.
  expect(choices('所属公安单位', step()).map((c) => [c.text, c.on])).toEqual([['示例县公安局', true]]);
  await click('生成邀请');

  const sent = net.calls.filter((c) => c.action === 'putUser').map((c) => c.data);
  expect(sent.map((d) => d.grants)).toEqual([
    [{ role: 'street', jurisdiction: 'shili', streets: ['shili.t2'] }],
    [{ role: 'department', jurisdiction: 'shili', units: [SHILI.departments.find((d) => d.name === '示例县园林管理所')!.id] }],
    [{ role: 'grid', jurisdiction: 'shili', estates: ['sl-shhy', 'sl-shjy'] }],
    // The estates picked for the grid worker stay picked for the officer.
    [{ role: 'police', jurisdiction: 'shili', units: [SHILI.departments.find((d) => d.kind === 'police')!.id], estates: ['sl-shhy', 'sl-shjy'] }],
  ]);
  for (const d of sent) expect(AdminInputs.putUser.safeParse(d).success).toBe(true);
  expect(net.calls.filter((c) => c.action === 'createInvitation')).toHaveLength(4);
  expect(screen.getByText('pages/invite/index?code=c0de-c0de-c0de-c0de')).toBeTruthy();
});

it('names a missing township or estate and sends nothing', async () => {
  const net = open();
  await settle();
  await type('姓名', '卫东', step());
  await pickRole('乡镇（街道）工作人员');
  await click('生成邀请');
  expect([...step().querySelectorAll('[data-form-error]')].map((e) => e.textContent)).toEqual(['请选择所属乡镇（街道）']);
  await pickRole('网格员');
  await click('生成邀请');
  expect([...step().querySelectorAll('[data-form-error]')].map((e) => e.textContent)).toEqual(['请选择负责的小区']);
  expect(net.calls.filter((c) => c.action === 'putUser')).toHaveLength(0);
});
