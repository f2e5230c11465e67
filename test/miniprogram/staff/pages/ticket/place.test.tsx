/**
 * Staff ticket page, 现场与联系 and 下达整改通知 (issue 18 §4, issue 20 §1), network faked at fetch:
 * the estate's address; in H5 a link to the Amap web map marking the report's GCJ-02 position
 * (lbs.amap.com URI API 单点标注: position=lon,lat, coordinate=gaode); tap-to-call as tel: links for
 * the resident's number when the answer carries it and for the units' published phones. The attack:
 * a viewer outside the handling chain is sent no resident number, and the page shows no number but
 * the units'. 下达整改通知 opens the 整改台账 page on the estate with the ticket's number, for officers
 * who may issue one only.
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import type { RoleGrant } from '../../../../../shared/domain/roles';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { CO_UNIT, ESTATE_ID, LEAD_UNIT, makeTicket, STREET_ID } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn, viewOf } from '../../support';

const ESTATE = { id: ESTATE_ID, name: '锦绣花园', jurisdiction: 'yongning', townshipId: STREET_ID, address: '永宁县团结西路88号', location: { lat: 38.2801, lng: 106.2532 } };
const CONTACTS = [
  { unitId: LEAD_UNIT, name: '县住建局', phone: '0951-8011001', contactPerson: '王强' },
  { unitId: CO_UNIT, name: '县应急管理局', phone: '0951-8011009' },
];
const RESIDENT_PHONE = '13800000001';

async function openAs(user: { id: string; name: string; roles: string[]; grants?: RoleGrant[] }, ticket: Ticket) {
  signIn({ id: user.id, name: user.name, roles: user.roles });
  fakeNetwork({
    'ticket.detail': () => ({ ...viewOf(ticket, []), contacts: CONTACTS }),
    'report.estates': () => ({ items: [ESTATE] }),
    ...(user.grants ? { 'ticket.home': () => ({ user, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }) } : {}),
  });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
}

const telLinks = () => [...document.querySelectorAll('a[href^="tel:"]')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));

beforeEach(() => {
  jest.restoreAllMocks();
});

describe('现场与联系 on the staff ticket page (fetch faked)', () => {
  it('shows the address, a web-map link at the report’s GCJ-02 point and tel: links for the resident and the units', async () => {
    const ticket = makeTicket({ state: 'whistled', location: { lat: 38.2779, lng: 106.2531 }, reporter: { userId: 'hidden', anonymous: false, phone: RESIDENT_PHONE } });
    await openAs({ id: 'u-grid-1', name: '王芳', roles: ['grid'] }, ticket);
    expect(screen.getByText('地址：锦绣花园，永宁县团结西路88号')).toBeTruthy();
    expect(screen.getByText('居民上报时的位置')).toBeTruthy();
    const map = screen.getByText('在地图上查看位置').closest('a')!;
    const url = new URL(map.getAttribute('href')!);
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
    // Longitude first; gaode = GCJ-02, the datum the app stores; stay in the browser.
    expect(url.searchParams.get('position')).toBe('106.253100,38.277900');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expect(url.searchParams.get('callnative')).toBe('0');
    expect(url.searchParams.get('name')).toBe('锦绣花园');
    expect(telLinks()).toEqual([
      { href: `tel:${RESIDENT_PHONE}`, text: `拨打 ${RESIDENT_PHONE}` },
      { href: 'tel:09518011001', text: '拨打 0951-8011001' },
      { href: 'tel:09518011009', text: '拨打 0951-8011009' },
    ]);
    expect(screen.getByText('上报居民')).toBeTruthy();
    expect(screen.getByText('县住建局（王强）')).toBeTruthy();
  });

  it('the attack: a viewer outside the chain, sent no resident number, is shown none — only the units’ phones', async () => {
    // redactReporter ('outside') leaves no phone on the reporter: what leadership or 12345 receive.
    const ticket = makeTicket({ state: 'whistled', reporter: { userId: 'hidden', anonymous: false } });
    await openAs({ id: 'u-lead', name: '领导小组办公室', roles: ['leadership'] }, ticket);
    expect(screen.queryByText('上报居民')).toBeNull();
    expect(document.body.textContent).not.toContain(RESIDENT_PHONE);
    expect(telLinks().map((l) => l.href)).toEqual(['tel:09518011001', 'tel:09518011009']);
  });

  it('falls back to the estate’s location when the report has none, and lists no own-unit number for a department officer', async () => {
    const ticket = makeTicket({ state: 'whistled', location: null });
    const grants: RoleGrant[] = [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }];
    await openAs({ id: 'u-zjj', name: '县住建局·王强', roles: ['department'], grants }, ticket);
    expect(screen.getByText('小区位置（上报未带现场定位）')).toBeTruthy();
    expect(new URL(screen.getByText('在地图上查看位置').closest('a')!.getAttribute('href')!).searchParams.get('position')).toBe('106.253200,38.280100');
    expect(telLinks().map((l) => l.href)).toEqual(['tel:09518011009']);
  });
});

describe('a report whose position fell back to the estate’s', () => {
  it('is labelled the estate’s position, not the resident’s', async () => {
    // The report page sends the estate's point when the phone gave no fix (pages/report locate()).
    const ticket = makeTicket({ state: 'whistled', location: { ...ESTATE.location } });
    await openAs({ id: 'u-grid-1', name: '王芳', roles: ['grid'] }, ticket);
    expect(screen.getByText('小区位置（上报未带现场定位）')).toBeTruthy();
    expect(screen.queryByText('居民上报时的位置')).toBeNull();
  });
});

describe('下达整改通知 from the staff ticket page (issue 20 §1)', () => {
  it('a department officer covering the estate opens the 整改台账 page with the estate and the ticket’s number', async () => {
    const ticket = makeTicket({ category: 'illegal-fee', priority: 'normal', state: 'whistled' });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'navigateTo:ok' }) as never);
    const grants: RoleGrant[] = [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }];
    await openAs({ id: 'u-zjj', name: '县住建局·王强', roles: ['department'], grants }, ticket);
    await click('下达整改通知');
    expect(navigate).toHaveBeenCalledWith({ url: `/staff/pages/ledger/index?estateId=${encodeURIComponent(ESTATE_ID)}&ticket=${encodeURIComponent(ticket.no)}` });
  });

  it('is offered to the estate’s street, not to a street officer of another township, a grid worker or leadership', async () => {
    const ticket = makeTicket({ state: 'whistled' });
    await openAs({ id: 'u-street', name: '赵敏', roles: ['street'], grants: [{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }] }, ticket);
    expect(screen.getByText('下达整改通知')).toBeTruthy();

    for (const user of [
      { id: 'u-street-x', name: '老王', roles: ['street'], grants: [{ role: 'street', jurisdiction: 'yongning', streets: ['yongning.t.wangyuan'] }] as RoleGrant[] },
      { id: 'u-grid-1', name: '王芳', roles: ['grid'], grants: [{ role: 'grid', jurisdiction: 'yongning', estates: [ESTATE_ID] }] as RoleGrant[] },
      { id: 'u-lead', name: '领导小组办公室', roles: ['leadership'], grants: [{ role: 'leadership', jurisdiction: 'yongning' }] as RoleGrant[] },
    ]) {
      document.body.innerHTML = '';
      await openAs(user, ticket);
      expect(screen.getByText('现场与联系')).toBeTruthy();
      expect(screen.queryByText('下达整改通知')).toBeNull();
    }
  });
});

describe('the ticket’s estate from ticket.detail', () => {
  // report.estates answers at most 100 estates of the deployment (by name): a county's 101st is not in it.
  const LATER = Array.from({ length: 100 }, (_, i) => ({ ...ESTATE, id: `yn-anju-${i}`, name: `安居小区${i}`, address: `永宁县安居路${i}号` }));

  it('names the estate, its address and its point when the estate list the page reads does not hold it', async () => {
    const ticket = makeTicket({ state: 'whistled', location: null });
    signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
    fakeNetwork({
      // What cloudfunctions/_app/usecases/staff.ts staffDetail answers: the estate's public fields.
      'ticket.detail': () => ({ ...viewOf(ticket, []), contacts: [], propertyCompany: null, estate: { ...ESTATE, sceneCode: ESTATE_ID } }),
      'report.estates': () => ({ items: LATER }),
    });
    setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
    render(<StaffTicketPage />);
    await settle();
    expect(screen.getByText('小区：锦绣花园')).toBeTruthy();
    expect(screen.getByText('地址：锦绣花园，永宁县团结西路88号')).toBeTruthy();
    const map = new URL(screen.getByText('在地图上查看位置').closest('a')!.getAttribute('href')!);
    expect(map.searchParams.get('position')).toBe('106.253200,38.280100');
    expect(map.searchParams.get('name')).toBe('锦绣花园');
    expect(document.body.textContent).not.toContain('未关联小区');
  });
});
