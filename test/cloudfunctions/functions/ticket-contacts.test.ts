/**
 * Tap-to-call on the staff ticket page (issue 18 §4): `ticket.detail` carries the published phones
 * (admin putUnitContact, as on the noticeboard) of the units named on the ticket, and the resident's
 * phone only inside the handling chain. The attack: a viewer outside the chain (leadership, the
 * 12345 desk, the estate's property company) reads the detail and looks for the resident's number;
 * it is in no part of the answer. On the SQLite and CloudBase stores (the real SDK, loopback server).
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('ticket.detail contacts on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  let ticketId: string;
  beforeEach(async () => {
    app = (await make()) as TestApp<Store>;
    for (const c of [
      { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-8011001', contactPerson: '王强' },
      { unitId: 'yongning.yjgl', name: '县应急管理局', phone: '0951-8011009' },
      // A unit the ticket does not name: never listed.
      { unitId: 'yongning.sjj', name: '县市场监管局', phone: '0951-8011005' },
    ]) {
      expect((await app.call(admin, 'admin', 'putUnitContact', c)).ok).toBe(true);
    }
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(submitted.ok).toBe(true);
    ticketId = submitted.data.ticket.id;
  });
  afterEach(async () => app.close());

  const detail = async (who: Person) => {
    const res = await app.call(ticket, who, 'detail', { ticketId });
    expect(res.ok).toBe(true);
    return res.data;
  };

  it('the grid worker gets the routed units’ published phones, 牵头 first, and the resident’s phone', async () => {
    const seen = await detail('grid');
    const route = (await app.store.getTicket(ticketId))!.route;
    // 飞线充电 in Yongning: 县住建局 and 县应急管理局 lead, in the list's order (002 二(二)).
    expect(route.lead.map((u) => u.id)).toEqual(['yongning.zjj', 'yongning.yjgl']);
    expect(seen.contacts).toEqual([
      { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-8011001', contactPerson: '王强' },
      { unitId: 'yongning.yjgl', name: '县应急管理局', phone: '0951-8011009' },
    ]);
    expect(seen.ticket.reporter.phone).toBe(REPORT.contactPhone);
  });

  it.each(['leadership', 'hotline', 'property'] as const)('%s, outside the handling chain, finds the resident’s number nowhere in the answer', async (who) => {
    const res = await app.call(ticket, who, 'detail', { ticketId });
    if (!res.ok) {
      // A viewer the ticket is not shown to at all learns nothing either.
      expect(JSON.stringify(res)).not.toContain(REPORT.contactPhone);
      return;
    }
    expect(res.data.ticket.reporter.phone).toBeUndefined();
    expect(JSON.stringify(res)).not.toContain(REPORT.contactPhone);
    // The units' published phones are public (the noticeboard shows them): still there.
    expect(res.data.contacts.map((c: { unitId: string }) => c.unitId)).toEqual(['yongning.zjj', 'yongning.yjgl']);
  });
});
