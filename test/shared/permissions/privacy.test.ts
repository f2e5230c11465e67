import type { Identity } from '../../../shared/domain/roles';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { applyTransition } from '../../../shared/lifecycle/apply';
import {
  HIDDEN_USER_ID,
  maskName,
  maskPhone,
  OTHER_RESIDENT_LABEL,
  PUBLIC_CATEGORIES,
  publicView,
  redactEventFor,
  redactHolder,
  redactTicketFor,
  reporterVisibility,
  shownInPublic,
} from '../../../shared/permissions/privacy';
import { CATEGORIES, PROPERTY_CONDUCT_CATEGORIES } from '../../../shared/taxonomy/categories';
import { REPORTER, UNIT_LEAD, UNIT_POLICE, actorAs, draft, ticketIn } from '../lifecycle/fixtures';
import { PEOPLE, type Person } from './people';

const PHONE = '13800001111';
const OPENID = 'oid-resident';
const parentOf = (j: string): string | null => (j === 'yongning' ? 'yinchuan' : null);

const whistled = (overrides: Partial<Ticket> = {}): Ticket => ticketIn('whistled', overrides) as Ticket;
const anonymous = (): Ticket => whistled({ reporter: { userId: REPORTER, openid: OPENID, phone: PHONE, anonymous: true } });


describe('redactTicketFor: reporter fields, field by field', () => {
  // [viewer, userId shown, phone shown]; the openid is never shown, not even to the reporter.
  const named: [Person, string, boolean][] = [
    ['reporter', REPORTER, true],
    ['grid', HIDDEN_USER_ID, true],
    ['gridByGridOnly', HIDDEN_USER_ID, true],
    ['street', HIDDEN_USER_ID, true],
    ['deptLead', HIDDEN_USER_ID, true],
    ['deptCo', HIDDEN_USER_ID, true],
    ['policeAssigned', HIDDEN_USER_ID, true],
    ['gridElsewhere', HIDDEN_USER_ID, false],
    ['gridWrongJurisdiction', HIDDEN_USER_ID, false],
    ['deptOther', HIDDEN_USER_ID, false],
    ['policeDesk', HIDDEN_USER_ID, false],
    ['leadership', HIDDEN_USER_ID, false],
    ['admin', HIDDEN_USER_ID, false],
    ['otherResident', HIDDEN_USER_ID, false],
    ['property', HIDDEN_USER_ID, false],
  ];

  it.each(named)('%s sees userId %s, phone %s, never the openid', (person, userId, phone) => {
    const r = redactTicketFor(PEOPLE[person], whistled(), { parentOf }).reporter;
    expect(r.userId).toBe(userId);
    expect(r.phone).toBe(phone ? PHONE : undefined);
    expect('phone' in r).toBe(phone);
    expect('openid' in r).toBe(false);
    expect(JSON.stringify(r)).not.toContain(OPENID);
    expect(r.anonymous).toBe(false);
  });

  it('gives the police station that claimed the ticket the phone', () => {
    const claimed = whistled({ assignedUnits: [UNIT_POLICE], claimedBy: UNIT_POLICE });
    expect(redactTicketFor(PEOPLE.policeDesk, claimed).reporter.phone).toBe(PHONE);
  });

  // anonymous: the user id hidden from everyone but the reporter; the chain keeps the phone
  const anon: [Person, string, boolean][] = [
    ['reporter', REPORTER, true],
    ['grid', HIDDEN_USER_ID, true],
    ['street', HIDDEN_USER_ID, true],
    ['deptLead', HIDDEN_USER_ID, true],
    ['leadership', HIDDEN_USER_ID, false],
    ['policeDesk', HIDDEN_USER_ID, false],
    ['property', HIDDEN_USER_ID, false],
  ];

  it.each(anon)('anonymous report: %s sees userId %s, phone %s', (person, userId, phone) => {
    const r = redactTicketFor(PEOPLE[person], anonymous(), { parentOf }).reporter;
    expect(r).toEqual({ userId, anonymous: true, ...(phone ? { phone: PHONE } : {}) });
  });

  it('never shows the reporter to a property-company user, even one that also holds a grid grant', () => {
    const mixed: Identity = { userId: 'u-mixed', grants: [...PEOPLE.grid.grants, ...PEOPLE.property.grants] };
    expect(reporterVisibility(mixed, whistled())).toBe('property');
    expect(redactTicketFor(mixed, whistled()).reporter).toEqual({ userId: HIDDEN_USER_ID, anonymous: false });
  });

  it('the 12345 center sees its jurisdiction’s tickets without the reporter’s phone (outside the handling chain)', () => {
    expect(reporterVisibility(PEOPLE.hotline, whistled(), { parentOf })).toBe('outside');
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
  const NEIGHBOUR = PEOPLE.otherResident.userId;
  const meTooEvent = (t: Ticket, userId = NEIGHBOUR): TicketEvent => ({
    id: 'e-me-too',
    ticketId: t.id,
    seq: 2,
    at: t.createdAt,
    actor: { userId, role: 'resident', name: '邻居王五' },
    action: 'me-too',
    from: t.state,
    to: t.state,
    note: '又有居民反映此问题',
  });
  const everyone = Object.keys(PEOPLE) as Person[];

  it('hides the reporter as actor from a property-company user', () => {
    const t = whistled();
    const e = redactEventFor(PEOPLE.property, t, submitEvent(t));
    expect(e.actor).toEqual({ userId: HIDDEN_USER_ID, role: 'resident' });
    expect(e.note).toBe(t.description);
  });

  it.each(everyone.filter((p) => p !== 'reporter'))('shows the reporter to %s as 居民: no user id, no name', (person) => {
    const t = whistled();
    const e = redactEventFor(PEOPLE[person], t, { ...submitEvent(t), actor: { userId: REPORTER, role: 'resident', name: '张三' } }, { parentOf });
    expect(e.actor).toEqual({ userId: HIDDEN_USER_ID, role: 'resident' });
  });

  it('shows the reporter their own events as they are', () => {
    const t = anonymous();
    expect(redactEventFor(PEOPLE.reporter, t, submitEvent(t)).actor.userId).toBe(REPORTER);
  });

  it.each(everyone.filter((p) => p !== 'otherResident'))('shows a "me too" resident to %s as 另一位居民', (person) => {
    const t = whistled();
    const e = redactEventFor(PEOPLE[person], t, meTooEvent(t), { parentOf });
    expect(e.actor).toEqual({ userId: HIDDEN_USER_ID, role: 'resident', name: OTHER_RESIDENT_LABEL });
    expect(JSON.stringify(e)).not.toContain(NEIGHBOUR);
    expect(JSON.stringify(e)).not.toContain('王五');
  });

  it('shows the "me too" resident their own event', () => {
    const t = whistled();
    const e = meTooEvent(t);
    expect(redactEventFor(PEOPLE.otherResident, t, e)).toBe(e);
  });

  it('leaves staff events alone', () => {
    const t = whistled();
    const staffEvent: TicketEvent = { ...submitEvent(t), actor: actorAs('grid'), action: 'whistle' };
    expect(redactEventFor(PEOPLE.property, t, staffEvent)).toBe(staffEvent);
    expect(redactEventFor(PEOPLE.otherResident, t, staffEvent)).toBe(staffEvent);
  });

  it('hides a staff member who reported the ticket from a property company and on an anonymous report', () => {
    const t = whistled();
    const own: TicketEvent = { ...submitEvent(t), actor: { userId: REPORTER, role: 'grid', name: '网格员' }, action: 'accept' };
    expect(redactEventFor(PEOPLE.property, t, own).actor).toEqual({ userId: HIDDEN_USER_ID, role: 'grid' });
    expect(redactEventFor(PEOPLE.grid, anonymous(), own).actor).toEqual({ userId: HIDDEN_USER_ID, role: 'grid' });
    expect(redactEventFor(PEOPLE.grid, t, own)).toBe(own);
  });
});

describe('redactHolder and the holder on a redacted ticket', () => {
  const waiting = (): Ticket => ticketIn('verified', { holder: { kind: 'resident', ids: [REPORTER] } }) as Ticket;

  it('names no resident to anyone but the reporter when the ticket waits on the resident', () => {
    expect(redactHolder({ kind: 'resident', ids: [REPORTER] })).toEqual({ kind: 'resident', ids: [HIDDEN_USER_ID] });
    expect(redactHolder({ kind: 'resident', ids: [REPORTER] }, true)).toEqual({ kind: 'resident', ids: [REPORTER] });
    for (const person of Object.keys(PEOPLE) as Person[]) {
      const holder = redactTicketFor(PEOPLE[person], waiting(), { parentOf }).holder;
      expect(holder).toEqual({ kind: 'resident', ids: [person === 'reporter' ? REPORTER : HIDDEN_USER_ID] });
    }
  });

  it('leaves staff holders as they are', () => {
    const units = { kind: 'units' as const, ids: [UNIT_LEAD] };
    expect(redactHolder(units)).toBe(units);
    expect(redactTicketFor(PEOPLE.property, whistled({ holder: units })).holder).toBe(units);
  });
});

describe('shownInPublic: complaints about the property company stay off public surfaces', () => {
  it.each(PROPERTY_CONDUCT_CATEGORIES.map((c) => [c]))('%s is not shown in public', (category) => {
    expect(shownInPublic({ category })).toBe(false);
    expect(PUBLIC_CATEGORIES).not.toContain(category);
  });

  it('lets every other category through', () => {
    for (const c of CATEGORIES) expect(shownInPublic({ category: c.code })).toBe(!c.aboutPropertyCompany);
    expect(PUBLIC_CATEGORIES).toContain('fly-wire');
    expect(PUBLIC_CATEGORIES.length + PROPERTY_CONDUCT_CATEGORIES.length).toBe(CATEGORIES.length);
    expect(PROPERTY_CONDUCT_CATEGORIES).toEqual(expect.arrayContaining(['fee-coercion', 'illegal-fee', 'contract', 'service-exit', 'common-property', 'info-leak']));
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
