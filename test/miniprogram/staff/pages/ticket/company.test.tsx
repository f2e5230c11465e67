/**
 * Staff ticket page, the estate's property company with its standing (issue 20 §4 "A 黑名单 company is
 * flagged wherever it appears"), network faked at fetch. ticket.detail carries propertyCompany for
 * staff (cloudfunctions/_app/usecases/standing.ts companyFlag, from the one ladder standingFor); the
 * flags here come from that ladder, 001 序号3 "对累计违反上述4条及以上内容的，纳入物业行业“黑名单”管理".
 * The company's own users get null, and then the page shows no company line.
 */
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { standingFor } from '../../../../../shared/assessment';
import type { NineItem } from '../../../../../shared/domain/violation';
import type { CompanyFlag } from '../../../../../cloudfunctions/_app/usecases/standing';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { fakeNetwork, settle, signIn, viewOf } from '../../support';

const NAME = '恒安物业服务有限公司';

/** The flag ticket.detail sends for a company with these distinct 九不准 items confirmed this year. */
function flagAfter(items: NineItem[], ratedStars: number | null): CompanyFlag {
  const s = standingFor({ companyId: 'pc-hengan', year: 2026, ratedStars, violations: items.map((item) => ({ companyId: 'pc-hengan', year: 2026, item })) });
  return { companyId: 'pc-hengan', name: NAME, credit: s.credit, creditLabel: s.creditLabel, stars: s.stars, blacklisted: s.blacklisted };
}

async function open(propertyCompany: CompanyFlag | null, who: { id: string; name: string; roles: string[] } = { id: 'u-grid-1', name: '王芳', roles: ['grid'] }) {
  const ticket = makeTicket({ propertyCompanyId: 'pc-hengan' });
  signIn(who);
  fakeNetwork({ 'ticket.detail': () => ({ ...viewOf(ticket, []), contacts: [], propertyCompany }) });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
}

const companyLine = () => document.querySelector('.ticket-company');

describe('物业服务企业 standing on the staff ticket page (fetch faked)', () => {
  it('four items confirmed: the company reads 无星级 · 黑名单 with a red 黑名单 tag', async () => {
    const flag = flagAfter([1, 2, 3, 4], 3);
    expect(flag.blacklisted).toBe(true);
    await open(flag);
    expect(screen.getByText(`物业服务企业：${NAME} · 星级：无星级 · 信用状态：黑名单`)).toBeTruthy();
    const tag = companyLine()!.querySelector('.staff-tag--urgent');
    expect(tag?.textContent).toBe('黑名单');
  });

  it('one item on a 4-star company: 4星 · 扣减信用分, no 黑名单 tag', async () => {
    await open(flagAfter([2], 4));
    expect(screen.getByText(`物业服务企业：${NAME} · 星级：4星 · 信用状态：扣减信用分`)).toBeTruthy();
    expect(companyLine()!.querySelector('.staff-tag')).toBeNull();
    expect(screen.queryByText('黑名单')).toBeNull();
  });

  it('null (the company’s own user) shows no company line at all', async () => {
    await open(null, { id: 'u-property', name: '物业李', roles: ['property'] });
    expect(screen.getByText(/工单编号：/)).toBeTruthy();
    expect(companyLine()).toBeNull();
    expect(document.body.textContent).not.toMatch(/物业服务企业：|黑名单|信用状态/);
  });
});
