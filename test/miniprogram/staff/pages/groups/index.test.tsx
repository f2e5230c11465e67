/**
 * 业主群绑定 with the network faked at fetch: a street officer picks an estate, sees its bound groups,
 * binds one of the local runtime's demo groups, sees a refusal (GROUP.FOREIGN, AUTH.OUT_OF_SCOPE) in
 * plain Chinese and unbinds a group; other roles only look.
 */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import OwnerGroupsPage from '../../../../../miniprogram/staff/pages/groups/index';
import { FRIENDLY_ERRORS } from '../../../../../miniprogram/staff/lib/errors';
import type { DemoGroupView, EstateItem, OwnerGroupView } from '../../../../../miniprogram/staff/lib/types';
import { ESTATE_ID, STREET_ID } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, Refusal, settle, signIn } from '../../support';

const ESTATES: EstateItem[] = [
  { id: ESTATE_ID, name: '锦绣花园', jurisdiction: 'yongning', townshipId: STREET_ID, address: '团结西路88号', location: { lat: 38.2779, lng: 106.2531 } },
  { id: 'yongning.e.yangguang', name: '阳光小区', jurisdiction: 'yongning', townshipId: STREET_ID, address: '团结西路12号', location: { lat: 38.28, lng: 106.25 } },
];

const DEMOS: DemoGroupView[] = [
  { demoGroupId: `demo.${ESTATE_ID}.1`, estateId: ESTATE_ID, name: '锦绣花园业主群', groupId: 'og:1', bound: false },
  { demoGroupId: `demo.${ESTATE_ID}.2`, estateId: ESTATE_ID, name: '锦绣花园业主二群', groupId: 'og:2', bound: false },
];

function group(id: string, name: string, active = true): OwnerGroupView {
  return { id, estateId: ESTATE_ID, name, active, boundAt: '2026-11-20T02:00:00.000Z', boundBy: 'u-street-1', ...(active ? {} : { unboundAt: '2026-11-21T02:00:00.000Z' }) };
}

/** A backend with a list of bound groups that binding and unbinding change. */
function groupsBackend(initial: OwnerGroupView[] = []) {
  const bound = [...initial];
  return {
    bound,
    routes: {
      'report.estates': () => ({ items: ESTATES }),
      'ticket.groups': () => ({ estateId: ESTATE_ID, items: bound }),
      'ticket.demoGroups': () => ({ items: DEMOS.map((d) => ({ ...d, bound: bound.some((g) => g.id === d.groupId && g.active) })) }),
      'ticket.bindGroup': (data: Record<string, unknown>) => {
        if (data.demoGroupId === DEMOS[1]!.demoGroupId) throw new Refusal('GROUP.FOREIGN', '该群已绑定到其他小区，不能重复绑定');
        const demo = DEMOS.find((d) => d.demoGroupId === data.demoGroupId)!;
        const g = group(demo.groupId, demo.name);
        bound.push(g);
        return { group: g, created: true };
      },
      'ticket.unbindGroup': (data: Record<string, unknown>) => {
        const i = bound.findIndex((g) => g.id === data.groupId);
        bound[i] = group(bound[i]!.id, bound[i]!.name, false);
        return { group: bound[i], changed: true };
      },
    },
  };
}

async function openGroups(routes: Parameters<typeof fakeNetwork>[0], query: Record<string, string> = {}) {
  const net = fakeNetwork(routes);
  setPageQuery(query, '/staff/pages/groups/index');
  render(<OwnerGroupsPage />);
  await settle();
  return net;
}

function row(name: string, root: HTMLElement | Document = document): HTMLElement {
  const rows = [...root.querySelectorAll<HTMLElement>('.group-row')].filter((r) => r.querySelector('.group-row__name')?.textContent === name);
  if (!rows[0]) throw new Error(`no group row ${name}`);
  return rows[rows.length - 1]!;
}

beforeEach(() => {
  jest.restoreAllMocks();
  Taro.removeStorageSync('xqcs.staff.groups.estate');
  signIn({ id: 'u-street-1', name: '赵敏', roles: ['street'] });
});

describe('owner groups page (fetch faked)', () => {
  it('lists the estates, loads the chosen estate’s groups and binds a demo group', async () => {
    const backend = groupsBackend();
    const net = await openGroups(backend.routes);
    expect(choices('小区').map((c) => c.text)).toEqual(['锦绣花园团结西路街道办事处', '阳光小区团结西路街道办事处']);
    expect(net.ticketCalls('groups')).toHaveLength(0);

    await click(choices('小区')[0]!.el);
    expect(net.ticketCalls('groups').map((c) => c.data)).toEqual([{ estateId: ESTATE_ID }]);
    expect(net.ticketCalls('demoGroups').map((c) => c.data)).toEqual([{ estateId: ESTATE_ID }]);
    expect(screen.getByText('尚未绑定业主群')).toBeTruthy();

    await click(within(row('锦绣花园业主群')).getByText('绑定此群'));
    expect(net.ticketCalls('bindGroup').map((c) => c.data)).toEqual([{ estateId: ESTATE_ID, demoGroupId: `demo.${ESTATE_ID}.1` }]);
    expect(screen.getByText('已绑定「锦绣花园业主群」')).toBeTruthy();
    // The list was read again: the group is bound and can be unbound; the demo row no longer offers binding.
    expect(net.ticketCalls('groups')).toHaveLength(2);
    const listed = row('锦绣花园业主群', screen.getByText('锦绣花园的业主群').closest('.staff-section') as HTMLElement);
    expect(within(listed).getByText('已绑定')).toBeTruthy();
    expect(within(listed).getByText('解绑')).toBeTruthy();
    expect(within(row('锦绣花园业主群')).queryByText('绑定此群')).toBeNull();
  });

  it('shows a foreign group refusal (GROUP.FOREIGN) in plain Chinese and binds nothing', async () => {
    const backend = groupsBackend();
    const net = await openGroups(backend.routes, { estateId: ESTATE_ID });
    await click(within(row('锦绣花园业主二群')).getByText('绑定此群'));
    expect(net.ticketCalls('bindGroup').map((c) => c.data)).toEqual([{ estateId: ESTATE_ID, demoGroupId: `demo.${ESTATE_ID}.2` }]);
    expect(screen.getByText(FRIENDLY_ERRORS['GROUP.FOREIGN']!)).toBeTruthy();
    expect(FRIENDLY_ERRORS['GROUP.FOREIGN']).toBe('该群已绑定（或曾经绑定）到其他小区，不能绑定到本小区');
    expect(backend.bound).toHaveLength(0);
    expect(screen.getByText('尚未绑定业主群')).toBeTruthy();
  });

  it('opens on the estate of the binding card and unbinds a group after confirming', async () => {
    const backend = groupsBackend([group('og:1', '锦绣花园业主群')]);
    const net = await openGroups(backend.routes, { estateId: ESTATE_ID });
    expect(choices('小区').find((c) => c.on)?.text).toBe('锦绣花园团结西路街道办事处');
    await click('解绑');
    expect(net.ticketCalls('unbindGroup')).toHaveLength(0);
    await click('确认解绑');
    expect(net.ticketCalls('unbindGroup').map((c) => c.data)).toEqual([{ groupId: 'og:1' }]);
    expect(screen.getByText('已解绑「锦绣花园业主群」')).toBeTruthy();
    expect(screen.getByText('已解绑')).toBeTruthy();
    expect(screen.queryByText('解绑')).toBeNull();
  });

  it('remembers the last estate chosen', async () => {
    await openGroups(groupsBackend().routes);
    await click(choices('小区')[1]!.el);
    expect(Taro.getStorageSync('xqcs.staff.groups.estate')).toBe('yongning.e.yangguang');
  });

  it('says an estate is out of scope (AUTH.OUT_OF_SCOPE) in plain Chinese', async () => {
    await openGroups({
      ...groupsBackend().routes,
      'ticket.groups': () => {
        throw new Refusal('AUTH.OUT_OF_SCOPE', 'scope');
      },
    });
    await click(choices('小区')[1]!.el);
    expect(screen.getByText('该小区不在您的管辖范围内')).toBeTruthy();
    expect(screen.queryByText('绑定此群')).toBeNull();
  });

  it('lets a police officer look at the groups but not bind or unbind', async () => {
    signIn({ id: 'u-police-1', name: '马警官', roles: ['police'] });
    const net = await openGroups(groupsBackend([group('og:1', '锦绣花园业主群')]).routes, { estateId: ESTATE_ID });
    // The chosen estate's section (the officer's own estates' groups are listed above it too).
    expect(within(screen.getByText('锦绣花园的业主群').closest('.staff-section') as HTMLElement).getByText('锦绣花园业主群')).toBeTruthy();
    expect(screen.queryByText('解绑')).toBeNull();
    expect(screen.queryByText('绑定业主群')).toBeNull();
    expect(screen.getByText('仅社区/街道工作人员可以绑定或解绑业主群。')).toBeTruthy();
    expect(screen.getByText('前往业主群警务台')).toBeTruthy();
    expect(net.ticketCalls('bindGroup')).toHaveLength(0);
  });

  it('shows the police officer the groups of all their estates at once, each opening the desk on that group', async () => {
    signIn({ id: 'u-police-1', name: '马警官', roles: ['police'] });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((async () => ({ errMsg: 'navigateTo:ok' })) as never);
    const mine = [group('og:1', '锦绣花园业主群'), { ...group('og:3', '阳光小区业主群'), estateId: 'yongning.e.yangguang' }, group('og:2', '锦绣花园业主二群', false)];
    const net = await openGroups({
      ...groupsBackend().routes,
      // FAKE backend: without an estate, the groups of the officer's estates (the function decides which).
      'ticket.groups': (data: Record<string, unknown>) => (data.estateId === undefined ? { estateId: null, items: mine } : { estateId: data.estateId, items: [] }),
    });
    await settle();
    expect(net.ticketCalls('groups')[0]?.data).toEqual({});
    const section = screen.getByText('我辖区小区的业主群').closest('.staff-section') as HTMLElement;
    const names = [...section.querySelectorAll('.group-row')].map((r) => [r.querySelector('.group-row__name')?.textContent, within(r as HTMLElement).getByText(/花园|小区/, { selector: '.staff-muted' }).textContent]);
    // Bound groups first (by estate, in pinyin order: jin before yang), each with its estate.
    expect(names).toEqual([
      ['锦绣花园业主群', '锦绣花园'],
      ['阳光小区业主群', '阳光小区'],
      ['锦绣花园业主二群', '锦绣花园'],
    ]);
    expect(within(row('锦绣花园业主二群', section)).getByText('已解绑')).toBeTruthy();
    expect(within(row('锦绣花园业主二群', section)).queryByText('查看群内涉警工单')).toBeNull();
    await click(within(row('锦绣花园业主群', section)).getByText('查看群内涉警工单'));
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/desk/index?groupId=og%3A1' });
    expect(net.ticketCalls('bindGroup')).toHaveLength(0);
  });

  it('a street officer gets no such list (their estates are picked by street)', async () => {
    const net = await openGroups(groupsBackend().routes);
    expect(screen.queryByText('我辖区小区的业主群')).toBeNull();
    expect(net.ticketCalls('groups').every((c) => c.data.estateId !== undefined)).toBe(true);
  });

  it('offers only the estates of the officer’s streets when the home answer carries the grants', async () => {
    await openGroups({
      ...groupsBackend().routes,
      'report.estates': () => ({ items: [...ESTATES, { ...ESTATES[1]!, id: 'yongning.e.far', name: '远郊小区', townshipId: 'yongning.t.other' }] }),
      'ticket.home': () => ({
        user: { id: 'u-street-1', name: '赵敏', roles: ['street'], grants: [{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }] },
        counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 },
        unread: [],
      }),
    });
    expect(choices('小区').map((c) => c.text.replace('团结西路街道办事处', ''))).toEqual(['锦绣花园', '阳光小区']);
  });
});
