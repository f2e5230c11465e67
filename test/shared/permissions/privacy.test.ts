import type { Identity } from '../../../shared/domain/roles';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { applyTransition } from '../../../shared/lifecycle/apply';
import { HIDDEN_USER_ID, maskName, maskPhone, publicView, redactEventFor, redactTicketFor, reporterVisibility } from '../../../shared/permissions/privacy';
import { REPORTER, UNIT_POLICE, actorAs, draft, ticketIn } from '../lifecycle/fixtures';
import { PEOPLE, type Person } from './people';

const PHONE = '13800001111';
const OPENID = 'oid-resident';
const parentOf = (j: string): string | null => (j === 'yongning' ? 'yinchuan' : null);

const whistled = (overrides: Partial<Ticket> = {}): Ticket => ticketIn('whistled', overrides) as Ticket;
const anonymous = (): Ticket => whistled({ reporter: { userId: REPORTER, openid: OPENID, phone: PHONE, anonymous: true } });


describe('redactTicketFor: reporter fields, field by field', () => {
  // [viewer, userId shown, phone shown, openid shown]
  const named: [Person, string, boolean, boolean][] = [
    ['reporter', REPORTER, true, true],
    ['grid', REPORTER, true, true],
    ['gridByGridOnly', REPORTER, true, true],
    ['street', REPORTER, true, true],
    ['deptLead', REPORTER, true, true],
    ['deptCo', REPORTER, true, true],
    ['policeAssigned', REPORTER, true, true],
    ['gridElsewhere', REPORTER, false, false],
    ['gridWrongJurisdiction', REPORTER, false, false],
    ['deptOther', REPORTER, false, false],
    ['policeDesk', REPORTER, false, false],
    ['leadership', REPORTER, false, false],
    ['admin', REPORTER, false, false],
    ['otherResident', REPORTER, false, false],
    ['property', HIDDEN_USER_ID, false, false],
  ];

  it.each(named)('%s sees userId %s, phone %s, openid %s', (person, userId, phone, openid) => {
    const r = redactTicketFor(PEOPLE[person], whistled(), { parentOf }).reporter;
    expect(r.userId).toBe(userId);
    expect(r.phone).toBe(phone ? PHONE : undefined);
    expect(r.openid).toBe(openid ? OPENID : undefined);
    expect('phone' in r).toBe(phone);
    expect('openid' in r).toBe(openid);
    expect(r.anonymous).toBe(false);
  });

  it('gives the police station that claimed the ticket the phone', () => {
    const claimed = whistled({ assignedUnits: [UNIT_POLICE], claimedBy: UNIT_POLICE });
    expect(redactTicketFor(PEOPLE.policeDesk, claimed).reporter.phone).toBe(PHONE);
  });

  // anonymous: name (user id) hidden from everyone but the reporter; the chain keeps the phone
  const anon: [Person, string, boolean, boolean][] = [
    ['reporter', REPORTER, true, true],
    ['grid', HIDDEN_USER_ID, true, false],
    ['street', HIDDEN_USER_ID, true, false],
    ['deptLead', HIDDEN_USER_ID, true, false],
    ['leadership', HIDDEN_USER_ID, false, false],
    ['policeDesk', HIDDEN_USER_ID, false, false],
    ['property', HIDDEN_USER_ID, false, false],
  ];

  it.each(anon)('anonymous report: %s sees userId %s, phone %s, openid %s', (person, userId, phone, openid) => {
    const r = redactTicketFor(PEOPLE[person], anonymous(), { parentOf }).reporter;
    expect(r).toEqual({ userId, anonymous: true, ...(phone ? { phone: PHONE } : {}), ...(openid ? { openid: OPENID } : {}) });
  });

  it('never shows the reporter to a property-company user, even one that also holds a grid grant', () => {
    const mixed: Identity = { userId: 'u-mixed', grants: [...PEOPLE.grid.grants, ...PEOPLE.property.grants] };
    expect(reporterVisibility(mixed, whistled())).toBe('property');
    expect(redactTicketFor(mixed, whistled()).reporter).toEqual({ userId: HIDDEN_USER_ID, anonymous: false });
  });

  it('returns a copy and leaves the stored ticket whole', () => {
    const t = whistled();
    const out = redactTicketFor(PEOPLE.property, t);
    expect(out).not.toBe(t);
    expect(t.reporter).toEqual({ userId: REPORTER, openid: OPENID, phone: PHONE, anonymous: false });
    expect({ ...out, reporter: t.reporter }).toEqual(t);
  });
});

describe('redactEventFor', () => {
  const submitEvent = (t: Ticket): TicketEvent => {
    const d = { ...draft(), reporter: t.reporter };
    return applyTransition(d, { action: 'submit', actor: actorAs('resident'), at: t.createdAt }, { eventId: 'e1', seq: 1 }).event;
  };

  it('hides the reporter as actor from a property-company user', () => {
    const t = whistled();
    const e = redactEventFor(PEOPLE.property, t, submitEvent(t));
    expect(e.actor).toEqual({ userId: HIDDEN_USER_ID, role: 'resident' });
    expect(e.note).toBe(t.description);
  });

  it('hides an anonymous reporter as actor from handlers but not from the reporter', () => {
    const t = anonymous();
    expect(redactEventFor(PEOPLE.grid, t, submitEvent(t)).actor.userId).toBe(HIDDEN_USER_ID);
    expect(redactEventFor(PEOPLE.reporter, t, submitEvent(t)).actor.userId).toBe(REPORTER);
  });

  it('leaves staff events and named reporters to the handlers alone', () => {
    const t = whistled();
    expect(redactEventFor(PEOPLE.grid, t, submitEvent(t)).actor.userId).toBe(REPORTER);
    const staffEvent: TicketEvent = { ...submitEvent(t), actor: actorAs('grid'), action: 'whistle' };
    expect(redactEventFor(PEOPLE.property, t, staffEvent)).toBe(staffEvent);
  });
});

describe('publicView (owner-group share card)', () => {
  const KEYS = ['category', 'createdAt', 'estateId', 'meToo', 'photos', 'state', 'updatedAt'];

  it('has exactly the public keys', () => {
    expect(Object.keys(publicView(whistled(), { photosAllowed: true })).sort()).toEqual(KEYS);
    expect(Object.keys(publicView(whistled(), { photosAllowed: false })).sort()).toEqual(KEYS);
  });

  it('carries no personal data', () => {
    const json = JSON.stringify(publicView(anonymous(), { photosAllowed: true }));
    for (const secret of [PHONE, OPENID, REPORTER, '消防通道旁车辆长期乱停', '38.27']) expect(json).not.toContain(secret);
  });

  it('shows photos only when the reporter allowed it', () => {
    const t = whistled({ photos: ['f1', 'f2'] });
    expect(publicView(t, { photosAllowed: true }).photos).toEqual(['f1', 'f2']);
    expect(publicView(t, { photosAllowed: false }).photos).toEqual([]);
  });

  it('copies the public fields', () => {
    expect(publicView(whistled({ meToo: 5 }), { photosAllowed: false })).toEqual({
      category: 'parking',
      state: 'whistled',
      estateId: 'estate-lihu',
      createdAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:00:00.000Z',
      photos: [],
      meToo: 5,
    });
  });
});

describe('masks', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['张*', '张*'],
    ['', ''],
  ])('maskName(%s) = %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['110', '***'],
  ])('maskPhone(%s) = %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
