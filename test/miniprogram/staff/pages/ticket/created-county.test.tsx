/**
 * Staff ticket page for a county an admin created (issue 19): 示例县, a test fixture, not a real
 * place. The build ships only the bundled lists; the page names 示例县's units because the phone
 * asked `ticket.jurisdictionDirectory` (answered here as the server computes it:
 * ../../shili-directory.ts) and installed the lists into REGISTRY (lib/directory.ts). Without that
 * answer the same page shows ids where a unit is not on the ticket's route, which is what the
 * directory fixes. Network faked at fetch.
 */
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import type { Ticket } from '../../../../../shared/domain/ticket';
import type { RoleGrant } from '../../../../../shared/domain/roles';
import { makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, fromNow, Refusal, settle, signIn, viewOf } from '../../support';
import { shiliDirectory } from '../../shili-directory';

const STREET: RoleGrant = { role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] };
const HOUSING = 'shili.u3';
const MARKET = 'shili.u8';

/** A 示例县 report routed by its list's 飞线充电 row, returned (退单) by the market bureau, waiting for 示例街道 to re-route it. */
function returned(): Ticket {
  return makeTicket({
    no: 'SL-20261123-0001',
    jurisdiction: 'shili',
    estateId: 'sl-shhy',
    streetId: 'shili.t1',
    gridId: 'shili.g1',
    propertyCompanyId: 'pc-shili',
    state: 'returned',
    version: 4,
    route: {
      lead: [{ id: HOUSING, name: '示例县住房和城乡建设局' }, { id: 'shili.u5', name: '示例县应急管理局' }],
      responsible: [{ id: 'shili.t1', name: '示例街道' }],
      basis: [{ source: '示例县物业管理责任清单(测试样例)', item: '一(1)', text: '飞线充电由县住房和城乡建设局、县应急管理局牵头。' }],
    },
    assignedUnits: [MARKET],
    holder: { kind: 'street', ids: ['shili.t1'] },
    deadlines: [{ step: 'triage', due: fromNow(-60), metAt: fromNow(-70) }],
  });
}

async function open(directory: () => unknown) {
  const ticket = returned();
  const back = makeEvent(ticket, {
    action: 'return',
    from: 'whistled',
    to: 'returned',
    actor: { userId: 'u-sjj-sl', role: 'department', unitId: MARKET, name: '吴市' },
    note: '非本单位职责',
  });
  const net = fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-street-sl', name: '卫街', roles: ['street'], grants: [STREET] } }),
    'ticket.jurisdictionDirectory': directory,
    'ticket.detail': () => viewOf(ticket, ['reroute', 'escalate'], [makeEvent({ ...ticket, version: 1 }), back]),
    'report.estates': () => ({ items: [{ id: 'sl-shhy', name: '示例花园', jurisdiction: 'shili', townshipId: 'shili.t1' }] }),
  });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
  return net;
}

beforeEach(() => {
  signIn({ id: 'u-street-sl', name: '卫街', roles: ['street'] });
  jest.restoreAllMocks();
});

describe('staff ticket page of a created county (fetch faked)', () => {
  it('names the county’s units from the directory the phone was given: the returning unit, the re-route choices, the leadership office', async () => {
    const net = await open(() => shiliDirectory([STREET]));
    expect(net.ticketCalls('jurisdictionDirectory').map((c) => c.data)).toEqual([{}]);
    // The unit that returned the ticket is not on its route: only the directory names it.
    expect(screen.getByText('部门 · 吴市 · 示例县市场监督管理局')).toBeTruthy();
    await click('重新派单');
    expect(screen.getByText('退单单位：示例县市场监督管理局；原因：非本单位职责')).toBeTruthy();
    const offered = choices('重新派往的单位').map((c) => c.text);
    // The routed units first, then every unit of 示例县's table (never its leadership office) and Yinchuan's.
    expect(offered.slice(0, 12)).toEqual([
      '示例县住房和城乡建设局牵头',
      '示例县应急管理局牵头',
      '示例街道责任',
      '示例县人民政府',
      '示例县综合执法局',
      '示例县消防救援大队',
      '示例县公安局',
      '示例县市场监督管理局',
      '示例县发展和改革局',
      '示例县自然资源局',
      '示例县园林管理所',
      '示例县民政局',
    ]);
    expect(offered.slice(12)).toContain('市住房和城乡建设局');
    expect(offered).not.toContain('示例县物业管理工作领导小组办公室');
    await click('升级');
    expect(screen.getByText('升级至：示例县物业管理工作领导小组办公室')).toBeTruthy();
  });

  it('without the directory (refused or offline) the same page can only show the ids it has no name for', async () => {
    await open(() => {
      throw new Refusal('AUTH.FORBIDDEN', '需要工作人员权限');
    });
    expect(screen.getByText(`部门 · 吴市 · ${MARKET}`)).toBeTruthy();
    await click('重新派单');
    expect(choices('重新派往的单位').map((c) => c.text).join('|')).not.toContain('示例县园林管理所');
  });
});
