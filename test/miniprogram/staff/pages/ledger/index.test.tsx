/**
 * 整改台账 with the network faked at fetch (issue 20 §1): a 住建 officer picks an estate and issues a
 * 整改通知 with a deadline; the company answers with a photo; the issuing officer rejects with a
 * reason or accepts; open items are the 问题清单, closed ones the 整改清单; the export asks for XLSX.
 */
import { render, screen, within } from '@testing-library/react';
import LedgerPage from '../../../../../miniprogram/staff/pages/ledger/index';
import type { NoticeView } from '../../../../../miniprogram/staff/lib/governance';
import type { EstateItem } from '../../../../../miniprogram/staff/lib/types';
import { ESTATE_ID, STREET_ID } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, pickPhotos, pick, Refusal, settle, signIn, type } from '../../support';

const ESTATES: EstateItem[] = [{ id: ESTATE_ID, name: '锦绣花园', jurisdiction: 'yongning', townshipId: STREET_ID, address: '团结西路88号', location: { lat: 38.2779, lng: 106.2531 } }];

function notice(over: Partial<NoticeView> = {}): NoticeView {
  return {
    id: 'rn-1',
    no: 'ZG-YN-20261123-0001',
    estateId: ESTATE_ID,
    companyId: 'pc-jinxiu',
    problem: '地下车库堆放杂物，占用消防通道',
    basis: '二(二)1(2)',
    measures: '',
    issuedAt: '2026-11-23T02:00:00.000Z',
    deadline: '2026-11-30T10:00:00.000Z',
    status: 'open',
    statusLabel: '待整改',
    closedAt: null,
    overdueAt: null,
    issuerUnitId: 'yongning.zjj',
    answers: [],
    reviews: [],
    version: 1,
    ...over,
  };
}

const HOUSING = { id: 'u-zjj', name: '王强', roles: ['department'], grants: [{ role: 'department' as const, jurisdiction: 'yongning', units: ['yongning.zjj'] }] };
const COMPANY = { id: 'u-pc', name: '锦绣物业客服', roles: ['property'], grants: [{ role: 'property' as const, jurisdiction: 'yongning', company: 'pc-jinxiu', estates: [ESTATE_ID] }] };

function counts(items: NoticeView[]) {
  const c = { open: 0, answered: 0, accepted: 0, rejected: 0, overdue: 0 };
  for (const n of items) c[n.status] += 1;
  return c;
}

async function open(user: typeof HOUSING | typeof COMPANY, items: NoticeView[], extra: Parameters<typeof fakeNetwork>[0] = {}, query: Record<string, string> = {}) {
  signIn({ id: user.id, name: user.name, roles: user.roles });
  const net = fakeNetwork({
    'report.estates': () => ({ items: ESTATES }),
    'ticket.home': () => ({ user, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
    'ticket.rectifications': () => ({ items, counts: counts(items) }),
    ...extra,
  });
  setPageQuery(query, '/staff/pages/ledger/index');
  render(<LedgerPage />);
  await settle(6);
  return net;
}

describe('整改台账 page', () => {
  it('a department officer picks the estate and issues a 整改通知 with problem, basis and a deadline day (18:00 Beijing)', async () => {
    const items: NoticeView[] = [];
    const net = await open(HOUSING, items, {
      'ticket.issueRectification': (data) => {
        items.push(notice({ problem: String(data.problem) }));
        return { notice: items[0] };
      },
    });
    await click(choices('小区')[0]!.el);
    expect(net.ticketCalls('rectifications').at(-1)?.data).toEqual({ estateId: ESTATE_ID });
    await type('存在问题', '地下车库堆放杂物，占用消防通道');
    await type('整改依据', '二(二)1(2)');
    await pick('整改时限', '2026-11-30');
    await click('下达整改通知');
    expect(net.ticketCalls('issueRectification')[0]?.data).toEqual({
      estateId: ESTATE_ID,
      problem: '地下车库堆放杂物，占用消防通道',
      basis: '二(二)1(2)',
      measures: '',
      deadline: '2026-11-30T18:00:00+08:00',
      ticketIds: [],
    });
    const problems = screen.getByText('问题清单（未销号）').closest('.staff-section') as HTMLElement;
    expect(within(problems).getByText('地下车库堆放杂物，占用消防通道')).toBeTruthy();
    expect(within(problems).getByText('待整改')).toBeTruthy();
  });

  it('opened from a ticket, the estate is chosen and the notice starts from that ticket’s number', async () => {
    const net = await open(HOUSING, [], { 'ticket.issueRectification': () => ({ notice: notice() }) }, { estateId: ESTATE_ID, ticket: 'YN-20261123-0007' });
    expect(choices('小区')[0]!.on).toBe(true);
    await type('存在问题', '楼道堆物严重');
    await type('整改依据', '二(二)1(2)');
    await click('下达整改通知');
    expect(net.ticketCalls('issueRectification')[0]?.data).toMatchObject({ estateId: ESTATE_ID, ticketIds: ['YN-20261123-0007'] });
  });

  it('a refusal is shown in plain Chinese', async () => {
    await open(HOUSING, [], {
      'ticket.issueRectification': () => {
        throw new Refusal('RECTIFICATION.DEADLINE_PAST', '整改时限应晚于当前时间');
      },
    });
    await click(choices('小区')[0]!.el);
    await type('存在问题', '楼道堆物严重');
    await type('整改依据', '二(二)1(2)');
    await click('下达整改通知');
    expect(screen.getByText('整改时限应晚于当前时间')).toBeTruthy();
  });

  it('the company answers an open notice with a photo; it never sees the issue form or the export', async () => {
    pickPhotos(['blob:after-1']);
    const net = await open(COMPANY, [notice()], { 'ticket.answerRectification': () => ({ notice: notice({ status: 'answered', statusLabel: '已反馈待验收', version: 2 }) }) });
    expect(screen.queryByText('下达整改通知')).toBeNull();
    expect(screen.queryByText('导出整治台账（Excel）')).toBeNull();
    await type('整改情况', '杂物已清运');
    await click('拍照/选择照片');
    await settle(4);
    await click('提交整改反馈');
    expect(net.ticketCalls('answerRectification')[0]?.data).toEqual({ id: 'rn-1', version: 1, note: '杂物已清运', photos: ['f-after-1'] });
  });

  it('the issuing officer rejects an answered notice with a reason, or accepts it; accepted ones are in the 整改清单', async () => {
    const answered = notice({ status: 'answered', statusLabel: '已反馈待验收', version: 2, answers: [{ at: '2026-11-25T02:00:00.000Z', note: '杂物已清运', photos: ['p'], by: { role: 'property' } }] });
    const closed = notice({ id: 'rn-2', no: 'ZG-YN-20261120-0001', problem: '飞线充电', status: 'accepted', statusLabel: '已整改销号', closedAt: '2026-11-21T02:00:00.000Z' });
    const net = await open(HOUSING, [answered, closed], {
      'ticket.rejectRectification': () => ({ notice: answered }),
      'ticket.acceptRectification': () => ({ notice: answered }),
    });
    expect(screen.getByText('企业反馈（2026-11-25 10:00）：杂物已清运（照片1张）')).toBeTruthy();
    const rectified = screen.getByText('整改清单（已销号）').closest('.staff-section') as HTMLElement;
    expect(within(rectified).getByText('飞线充电')).toBeTruthy();
    await type('退回原因', '通道内仍有家具');
    await click('验收不通过，退回整改');
    expect(net.ticketCalls('rejectRectification')[0]?.data).toEqual({ id: 'rn-1', version: 2, reason: '通道内仍有家具' });
    await click('验收通过（销号）');
    expect(net.ticketCalls('acceptRectification')[0]?.data).toEqual({ id: 'rn-1', version: 2 });
  });

  it('exports the chosen estate’s 整治台账 as XLSX', async () => {
    const net = await open(HOUSING, [], { 'ticket.rectificationLedger': () => ({ filename: '锦绣花园住宅小区项目整治台账.xlsx', xlsxBase64: 'UEsDBA==' }) });
    await click(choices('小区')[0]!.el);
    const created = jest.fn(() => 'blob:x');
    (URL as unknown as { createObjectURL: unknown }).createObjectURL = created;
    (URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = jest.fn();
    await click('导出整治台账（Excel）');
    expect(net.ticketCalls('rectificationLedger')[0]?.data).toEqual({ estateId: ESTATE_ID, format: 'xlsx' });
    expect(created).toHaveBeenCalledTimes(1);
  });
});
