/**
 * 小区分类与执法进小区 with the network faked at fetch (issue 20 §2–3): the township × class table,
 * the yearly visits table with an estate of 2 visits flagged, and a street officer setting an
 * estate to 整治提升 with a reason; the class section shows the history, open items and satisfaction.
 */
import { render, screen } from '@testing-library/react';
import GovernancePage from '../../../../../miniprogram/staff/pages/governance/index';
import type { ClassTableAnswer, ClassView, VisitTableAnswer } from '../../../../../miniprogram/staff/lib/governance';
import type { EstateItem } from '../../../../../miniprogram/staff/lib/types';
import { ESTATE_ID, STREET_ID } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, north, placeDevice, settle, signIn, type } from '../../support';

const ESTATES: EstateItem[] = [{ id: ESTATE_ID, name: '锦绣花园', jurisdiction: 'yongning', townshipId: STREET_ID, address: '团结西路88号', location: { lat: 38.2779, lng: 106.2531 } }];
const STREET = { id: 'u-street', name: '老张', roles: ['street'], grants: [{ role: 'street' as const, jurisdiction: 'yongning', streets: [STREET_ID] }] };

const CLASSES: ClassTableAnswer = {
  classes: [
    { code: 'model', label: '示范引领' },
    { code: 'standard', label: '规范运营' },
    { code: 'remediation', label: '整治提升' },
  ],
  rows: [{ townshipId: STREET_ID, townshipName: '团结西路街道办事处', counts: { model: 0, standard: 0, remediation: 0, unclassified: 1 }, total: 1, openRectifications: 1, overdueRectifications: 1 }],
};
const VISITS: VisitTableAnswer = {
  year: 2026,
  minimum: 3,
  rule: '000 序号4：进驻住宅小区进行专项治理年度不低于3次',
  units: [
    { id: 'yongning.zjj', name: '县住建局' },
    { id: 'yongning.zhzf', name: '县综合执法局' },
  ],
  rows: [{ estateId: ESTATE_ID, estateName: '锦绣花园', byUnit: { 'yongning.zjj': 1, 'yongning.zhzf': 1 }, total: 2, short: true }],
  flagged: 1,
};
const VIEW: ClassView = {
  estateId: ESTATE_ID,
  estateName: '锦绣花园',
  class: null,
  classLabel: '未评定',
  history: [],
  openRectifications: [{ id: 'rn-1', no: 'ZG-YN-20261123-0001', problem: '车库堆物', deadline: '2026-11-30T10:00:00.000Z', status: 'overdue' }],
  satisfaction: { rated: 4, satisfied: 3, rate: 0.75 },
};

async function open(view: ClassView = VIEW, visits: VisitTableAnswer = VISITS, user: { id: string; name: string; roles: string[]; grants: unknown[] } = STREET) {
  signIn({ id: user.id, name: user.name, roles: user.roles });
  const net = fakeNetwork({
    'report.estates': () => ({ items: ESTATES }),
    'ticket.home': () => ({ user, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
    'ticket.classTable': () => CLASSES,
    'ticket.visitTable': () => visits,
    'ticket.estateClass': () => view,
    'ticket.setEstateClass': (data) => ({
      ...VIEW,
      class: data.class,
      classLabel: '整治提升',
      history: [{ class: 'remediation', classLabel: '整治提升', previous: null, reason: String(data.reason), setAt: '2026-11-23T02:00:00.000Z', setBy: { name: '老张', unitId: STREET_ID, role: 'street' } }],
    }),
  });
  setPageQuery({}, '/staff/pages/governance/index');
  render(<GovernancePage />);
  await settle(6);
  return net;
}

describe('小区分类与执法进小区 page', () => {
  it('shows the township × class table and the yearly visits, the estate with 2 visits flagged under 000 序号4’s 3', async () => {
    const net = await open();
    expect(net.ticketCalls('classTable')[0]?.data).toEqual({ jurisdiction: 'yongning' });
    expect(net.ticketCalls('visitTable')[0]?.data).toMatchObject({ jurisdiction: 'yongning' });
    expect(screen.getByText('团结西路街道办事处')).toBeTruthy();
    expect(screen.getByText('000 序号4：进驻住宅小区进行专项治理年度不低于3次；不足3次的小区 1 个')).toBeTruthy();
    const flagged = document.querySelector('.governance__row--short');
    expect(flagged?.textContent).toContain('锦绣花园');
    expect(flagged?.textContent).toContain('2（不足）');
  });

  it('the street sets the estate to 整治提升 with a reason; the history, open items and satisfaction are shown there', async () => {
    const net = await open();
    await click(choices('小区')[0]!.el);
    expect(screen.getByText('当前类别：未评定')).toBeTruthy();
    expect(screen.getByText('满意率：75.0%（4件评价） · 未销号整改：1项')).toBeTruthy();
    await click(choices('评定为').find((c) => c.text === '整治提升')!.el);
    await type('评定理由', '投诉较多，纳入重点整治清单');
    await click('保存分类');
    expect(net.ticketCalls('setEstateClass')[0]?.data).toEqual({ estateId: ESTATE_ID, class: 'remediation', reason: '投诉较多，纳入重点整治清单' });
    expect(screen.getByText('当前类别：整治提升')).toBeTruthy();
    expect(screen.getByText(/老张 评定为整治提升：投诉较多，纳入重点整治清单/)).toBeTruthy();
    // A street officer records no patrol: that is for departments and police.
    expect(screen.queryByText('登记巡查')).toBeNull();
  });

  it('a 黑名单 company is flagged where the class is set and in the visits table (issue 20 §4); a company in good standing is not', async () => {
    const company = { companyId: 'pc-hengan', name: '恒安物业服务有限公司', credit: 'blacklisted', creditLabel: '黑名单', stars: null, blacklisted: true };
    await open({ ...VIEW, company }, { ...VISITS, rows: VISITS.rows.map((r) => ({ ...r, companyBlacklisted: true })) });
    expect(document.querySelector('.governance__row--short .staff-tag--urgent')?.textContent).toBe('黑名单');
    await click(choices('小区')[0]!.el);
    expect(screen.getByText('物业服务企业：恒安物业服务有限公司 · 信用状态：黑名单')).toBeTruthy();
    expect(document.querySelector('.governance__company .staff-tag--urgent')?.textContent).toBe('黑名单');
  });

  it('no flag for a company in good standing', async () => {
    await open({ ...VIEW, company: { companyId: 'pc-hengan', name: '恒安物业服务有限公司', credit: 'good', creditLabel: '正常', stars: 4, blacklisted: false } });
    await click(choices('小区')[0]!.el);
    expect(screen.getByText('物业服务企业：恒安物业服务有限公司 · 信用状态：正常')).toBeTruthy();
    expect(document.querySelector('.staff-tag--urgent')).toBeNull();
  });

  it('a patrol’s check-in says how far the officer is from the estate, not from a ticket (a patrol has none)', async () => {
    const officer = { id: 'u-zhzf', name: '刘', roles: ['department'], grants: [{ role: 'department' as const, jurisdiction: 'yongning', units: ['yongning.zhzf'] }] };
    placeDevice(north(ESTATES[0]!.location, 60));
    await open(VIEW, VISITS, officer);
    await click(choices('小区')[0]!.el);
    await click('定位打卡');
    await settle();
    const line = document.querySelector('.check-in .detail__line')?.textContent ?? '';
    expect(line).toMatch(/^已打卡，距小区位置约 \d+ 米$/);
    expect(document.querySelector('.check-in')?.textContent).not.toContain('工单');
  });

  it('a patrol beyond the radius is warned about the estate’s position', async () => {
    const officer = { id: 'u-zhzf', name: '刘', roles: ['department'], grants: [{ role: 'department' as const, jurisdiction: 'yongning', units: ['yongning.zhzf'] }] };
    placeDevice(north(ESTATES[0]!.location, 900));
    await open(VIEW, VISITS, officer);
    await click(choices('小区')[0]!.el);
    await click('定位打卡');
    await settle();
    expect(document.querySelector('.check-in .staff-warning')?.textContent).toMatch(/^打卡位置距小区位置超过 \d+ 米，请确认是否在现场$/);
  });
});
