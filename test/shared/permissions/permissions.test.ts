import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { LIFECYCLE_ACTIONS } from '../../../shared/lifecycle/actions';
import { actorFor, authorize, coversJurisdiction, type AuthResult, type PermissionAction } from '../../../shared/permissions/permissions';
import { PROPERTY_CONDUCT_CATEGORIES, type CategoryCode } from '../../../shared/taxonomy/categories';
import { COMPANY, REPORTER, STREET, UNIT_CO, UNIT_LEAD, UNIT_POLICE, draft, ticketIn } from '../lifecycle/fixtures';
import { PEOPLE } from './people';

type Person = keyof typeof PEOPLE;
const J = 'yongning';
const who = (userId: string, ...grants: RoleGrant[]): Identity => ({ userId, grants });

const parentOf = (j: string): string | null => (j === 'yongning' ? 'yinchuan' : null);
/** A whistled parking complaint: lead unit assigned, street and 住建 co-responsible. */
const whistled = (overrides: Partial<Ticket> = {}): Ticket => ticketIn('whistled', overrides) as Ticket;

const summary = (r: AuthResult): string => (r.ok ? `ok:${r.role}${r.unitId ? `@${r.unitId}` : ''}` : r.code);

describe('view matrix (whistled parking ticket of the estate)', () => {
  const cases: [Person, string][] = [
    ['reporter', 'ok:resident'],
    ['otherResident', 'AUTH.OUT_OF_SCOPE'],
    ['grid', 'ok:grid'],
    ['gridByGridOnly', 'ok:grid'],
    ['gridElsewhere', 'AUTH.OUT_OF_SCOPE'],
    ['gridWrongJurisdiction', 'AUTH.OUT_OF_SCOPE'],
    ['street', `ok:street@${STREET}`],
    ['streetElsewhere', 'AUTH.OUT_OF_SCOPE'],
    ['deptLead', `ok:department@${UNIT_LEAD}`],
    ['deptCo', `ok:department@${UNIT_CO}`],
    ['deptOther', 'AUTH.OUT_OF_SCOPE'],
    ['policeAssigned', `ok:police@${UNIT_LEAD}`],
    ['policeDesk', `ok:police@${UNIT_POLICE}`],
    ['policeElsewhere', 'AUTH.OUT_OF_SCOPE'],
    ['leadership', 'ok:leadership'],
    ['leadershipCity', 'ok:leadership'],
    ['leadershipElsewhere', 'AUTH.OUT_OF_SCOPE'],
    ['admin', 'ok:admin'],
    ['adminElsewhere', 'AUTH.OUT_OF_SCOPE'],
    ['property', `ok:property@${COMPANY}`],
    ['propertyElsewhere', 'AUTH.OUT_OF_SCOPE'],
    // 12345 "统筹协调承办单位对本辖区…工单的催办、督办" (004 三(一)3): every ticket of its jurisdiction.
    ['hotline', 'ok:hotline'],
    ['hotlineElsewhere', 'AUTH.OUT_OF_SCOPE'],
  ];

  it('covers every person', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(Object.keys(PEOPLE).sort());
  });

  it.each(cases)('%s → %s', (person, expected) => {
    expect(summary(authorize(PEOPLE[person], whistled(), 'view', { parentOf }))).toBe(expected);
  });

  it('does not follow parents without parentOf: the city office sees only its own jurisdiction', () => {
    expect(summary(authorize(PEOPLE.leadershipCity, whistled(), 'view'))).toBe('AUTH.OUT_OF_SCOPE');
  });
});

describe('acting matrix', () => {
  const cases: [Person, PermissionAction, string, Ticket | ReturnType<typeof draft>][] = [
    // resident: own tickets only, resident actions only
    ['reporter', 'submit', 'ok:resident', draft()],
    ['reporter', 'confirm', 'ok:resident', ticketIn('resolved') as Ticket],
    ['reporter', 'rate', 'ok:resident', ticketIn('closed') as Ticket],
    ['reporter', 'reopen', 'ok:resident', ticketIn('closed') as Ticket],
    ['reporter', 'appeal', 'ok:resident', ticketIn('rejected') as Ticket],
    ['reporter', 'whistle', 'AUTH.FORBIDDEN', whistled()],
    ['otherResident', 'confirm', 'AUTH.OUT_OF_SCOPE', ticketIn('resolved') as Ticket],
    ['otherResident', 'reopen', 'AUTH.OUT_OF_SCOPE', ticketIn('closed') as Ticket],
    // grid
    ['grid', 'accept', 'ok:grid', ticketIn('submitted') as Ticket],
    ['grid', 'whistle', 'ok:grid', ticketIn('accepted') as Ticket],
    ['grid', 'verify', 'ok:grid', ticketIn('resolved') as Ticket],
    ['grid', 'acknowledge', 'AUTH.FORBIDDEN', whistled()],
    ['grid', 'confirm', 'AUTH.FORBIDDEN', ticketIn('resolved') as Ticket],
    ['gridElsewhere', 'whistle', 'AUTH.OUT_OF_SCOPE', ticketIn('accepted') as Ticket],
    ['gridWrongJurisdiction', 'accept', 'AUTH.OUT_OF_SCOPE', ticketIn('submitted') as Ticket],
    // street: its area, including tickets returned to it
    ['street', 'reroute', `ok:street@${STREET}`, ticketIn('returned') as Ticket],
    ['street', 'whistle', `ok:street@${STREET}`, ticketIn('accepted') as Ticket],
    ['street', 'supervise', `ok:street@${STREET}`, whistled()],
    ['street', 'approve-extension', `ok:street@${STREET}`, ticketIn('on_site') as Ticket],
    ['streetElsewhere', 'reroute', 'AUTH.OUT_OF_SCOPE', ticketIn('returned') as Ticket],
    ['street', 'acknowledge', 'AUTH.FORBIDDEN', whistled()],
    // department: acts only when assigned; co-responsible sees but does not act
    ['deptLead', 'acknowledge', `ok:department@${UNIT_LEAD}`, whistled()],
    ['deptLead', 'return', `ok:department@${UNIT_LEAD}`, whistled()],
    ['deptLead', 'resolve', `ok:department@${UNIT_LEAD}`, ticketIn('on_site') as Ticket],
    ['deptCo', 'acknowledge', 'AUTH.OUT_OF_SCOPE', whistled()],
    ['deptOther', 'acknowledge', 'AUTH.OUT_OF_SCOPE', whistled()],
    ['deptLead', 'claim', 'AUTH.FORBIDDEN', whistled()],
    ['deptLead', 'whistle', 'AUTH.FORBIDDEN', whistled()],
    // police: like a department, plus the owner-group desk
    ['policeAssigned', 'resolve', `ok:police@${UNIT_LEAD}`, ticketIn('on_site') as Ticket],
    ['policeAssigned', 'mediate', `ok:police@${UNIT_LEAD}`, ticketIn('on_site') as Ticket],
    ['policeDesk', 'claim', `ok:police@${UNIT_POLICE}`, ticketIn('submitted') as Ticket],
    ['policeDesk', 'reply', `ok:police@${UNIT_POLICE}`, ticketIn('submitted') as Ticket],
    ['policeDesk', 'resolve', 'AUTH.OUT_OF_SCOPE', ticketIn('on_site') as Ticket],
    ['policeDesk', 'mediate', 'AUTH.OUT_OF_SCOPE', ticketIn('on_site') as Ticket],
    ['policeElsewhere', 'claim', 'AUTH.OUT_OF_SCOPE', ticketIn('submitted') as Ticket],
    ['policeDesk', 'claim', 'AUTH.OUT_OF_SCOPE', ticketIn('submitted', { category: 'garbage' }) as Ticket],
    ['policeDesk', 'claim', `ok:police@${UNIT_POLICE}`, ticketIn('submitted', { category: 'garbage', sharedGroups: ['gid-hash-1'] }) as Ticket],
    ['policeDesk', 'resolve', `ok:police@${UNIT_POLICE}`, ticketIn('on_site', { assignedUnits: [UNIT_POLICE], claimedBy: UNIT_POLICE }) as Ticket],
    // leadership: supervise only
    ['leadership', 'supervise', 'ok:leadership', whistled()],
    ['leadershipCity', 'supervise', 'ok:leadership', whistled()],
    ['leadershipElsewhere', 'supervise', 'AUTH.OUT_OF_SCOPE', whistled()],
    ['leadership', 'whistle', 'AUTH.FORBIDDEN', ticketIn('accepted') as Ticket],
    ['leadership', 'escalate', 'AUTH.FORBIDDEN', whistled()],
    // property: handle in its estates
    ['property', 'handle', `ok:property@${COMPANY}`, ticketIn('accepted') as Ticket],
    ['property', 'whistle', 'AUTH.FORBIDDEN', ticketIn('accepted') as Ticket],
    ['property', 'settle', 'AUTH.FORBIDDEN', ticketIn('handling') as Ticket],
    ['propertyElsewhere', 'handle', 'AUTH.OUT_OF_SCOPE', ticketIn('accepted') as Ticket],
    // 12345 center: 催办/督办 (supervise) in its jurisdiction, nothing of the handling itself
    ['hotline', 'supervise', 'ok:hotline', whistled()],
    ['hotline', 'supervise', 'ok:hotline', ticketIn('on_site') as Ticket],
    ['hotlineElsewhere', 'supervise', 'AUTH.OUT_OF_SCOPE', whistled()],
    ['hotline', 'accept', 'AUTH.FORBIDDEN', ticketIn('submitted') as Ticket],
    ['hotline', 'whistle', 'AUTH.FORBIDDEN', ticketIn('accepted') as Ticket],
    ['hotline', 'acknowledge', 'AUTH.FORBIDDEN', whistled()],
    ['hotline', 'escalate', 'AUTH.FORBIDDEN', whistled()],
    ['hotline', 'reroute', 'AUTH.FORBIDDEN', ticketIn('returned') as Ticket],
  ];

  it.each(cases)('%s may %s? → %s', (person, action, expected, ticket) => {
    expect(summary(authorize(PEOPLE[person], ticket, action, { parentOf }))).toBe(expected);
  });

  it.each(LIFECYCLE_ACTIONS.map((a) => [a]))('admin may not %s', (action) => {
    expect(summary(authorize(PEOPLE.admin, whistled(), action))).toBe('AUTH.FORBIDDEN');
  });

  it.each(['auto-close', 'mark-overdue'] as const)('nobody with a login may %s (system only)', (action) => {
    for (const person of Object.values(PEOPLE)) expect(authorize(person, whistled(), action).ok).toBe(false);
  });

  it('returns a Chinese message with each refusal', () => {
    const r = authorize(PEOPLE.deptOther, whistled(), 'acknowledge');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('property-company rule (DESIGN.md §2)', () => {
  const feeComplaint = (propertyCompanyId: string | null): Ticket =>
    ticketIn('accepted', { category: 'illegal-fee', propertyCompanyId }) as Ticket;

  it('never shows a 乱收费 complaint about the company to that company', () => {
    expect(summary(authorize(PEOPLE.property, feeComplaint(COMPANY), 'view'))).toBe('AUTH.PROPERTY_CONFLICT');
    expect(summary(authorize(PEOPLE.property, feeComplaint(COMPANY), 'handle'))).toBe('AUTH.PROPERTY_CONFLICT');
  });

  it('shows a parking ticket of its estate and lets it handle it', () => {
    const parking = ticketIn('accepted', { category: 'parking' }) as Ticket;
    expect(authorize(PEOPLE.property, parking, 'view').ok).toBe(true);
    expect(authorize(PEOPLE.property, parking, 'handle').ok).toBe(true);
  });

  it.each(PROPERTY_CONDUCT_CATEGORIES.map((c) => [c]))('hides %s from the company it is about', (category: CategoryCode) => {
    expect(summary(authorize(PEOPLE.property, ticketIn('submitted', { category }) as Ticket, 'view'))).toBe('AUTH.PROPERTY_CONFLICT');
  });

  it('treats an unknown company on a conduct complaint as possibly theirs', () => {
    expect(summary(authorize(PEOPLE.property, feeComplaint(null), 'view'))).toBe('AUTH.PROPERTY_CONFLICT');
  });

  it('lets the current company see, not handle, a complaint about the previous company of its estate', () => {
    const aboutPrevious = ticketIn('accepted', { category: 'service-exit', propertyCompanyId: 'pc-previous' }) as Ticket;
    expect(summary(authorize(PEOPLE.property, aboutPrevious, 'view'))).toBe(`ok:property@${COMPANY}`);
    expect(summary(authorize(PEOPLE.property, aboutPrevious, 'handle'))).toBe('AUTH.FORBIDDEN');
  });

  it('still lets the handlers see the conduct complaint', () => {
    for (const p of ['grid', 'street', 'deptLead', 'leadership'] as const) {
      expect(authorize(PEOPLE[p], whistled({ category: 'illegal-fee' }), 'view').ok).toBe(true);
    }
  });

  it('reports the property conflict first when another grant is merely out of scope', () => {
    const both = who('u-both', PEOPLE.gridElsewhere.grants[0] as RoleGrant, PEOPLE.property.grants[0] as RoleGrant);
    expect(summary(authorize(both, feeComplaint(COMPANY), 'view'))).toBe('AUTH.PROPERTY_CONFLICT');
  });
});

describe('several grants', () => {
  it('uses the grant that allows the action', () => {
    const gridAndStreet = who('u-gs', PEOPLE.gridElsewhere.grants[0] as RoleGrant, PEOPLE.street.grants[0] as RoleGrant);
    expect(summary(authorize(gridAndStreet, ticketIn('accepted') as Ticket, 'whistle'))).toBe(`ok:street@${STREET}`);
  });

  it('tries grants in order', () => {
    const streetFirst = who('u-sg', PEOPLE.street.grants[0] as RoleGrant, PEOPLE.grid.grants[0] as RoleGrant);
    expect(summary(authorize(streetFirst, ticketIn('accepted') as Ticket, 'whistle'))).toBe(`ok:street@${STREET}`);
  });

  it('lets a staff member act as the resident on a ticket they reported', () => {
    const staffReporter = who(REPORTER, PEOPLE.gridElsewhere.grants[0] as RoleGrant);
    expect(summary(authorize(staffReporter, ticketIn('resolved') as Ticket, 'confirm'))).toBe('ok:resident');
    expect(summary(authorize(staffReporter, ticketIn('resolved') as Ticket, 'view'))).toBe('ok:resident');
  });

  it('picks the unit of a multi-unit officer that still has to report in', () => {
    const twoUnits = who('u-2u', { role: 'department', jurisdiction: J, units: [UNIT_LEAD, UNIT_CO] });
    const t = whistled({ assignedUnits: [UNIT_LEAD, UNIT_CO], acknowledgedUnits: [UNIT_LEAD], state: 'acknowledged' });
    expect(summary(authorize(twoUnits, t, 'acknowledge'))).toBe(`ok:department@${UNIT_CO}`);
  });

  it('picks the unit that resolved a reopened ticket', () => {
    const twoUnits = who('u-2u', { role: 'department', jurisdiction: J, units: [UNIT_LEAD, UNIT_CO] });
    const t = ticketIn('reopened', { assignedUnits: [UNIT_LEAD, UNIT_CO], resolvedBy: UNIT_CO }) as Ticket;
    expect(summary(authorize(twoUnits, t, 'resolve'))).toBe(`ok:department@${UNIT_CO}`);
  });

  it('refuses everything to an identity with no grants that did not report the ticket', () => {
    expect(summary(authorize(who('u-nobody'), whistled(), 'view'))).toBe('AUTH.OUT_OF_SCOPE');
    expect(summary(authorize(who('u-nobody'), whistled(), 'accept'))).toBe('AUTH.FORBIDDEN');
  });

  it('accepts a city grant on a county ticket (parent jurisdiction) for unit roles too', () => {
    const cityDept = who('u-city', { role: 'department', jurisdiction: 'yinchuan', units: [UNIT_LEAD] });
    expect(authorize(cityDept, whistled(), 'acknowledge', { parentOf }).ok).toBe(true);
    expect(authorize(cityDept, whistled(), 'acknowledge').ok).toBe(false);
  });
});

describe('coversJurisdiction', () => {
  it('walks up the parents and stops on a cycle', () => {
    const loop = (j: string): string => (j === 'a' ? 'b' : 'a');
    expect(coversJurisdiction('yinchuan', 'yongning', { parentOf })).toBe(true);
    expect(coversJurisdiction('yongning', 'yinchuan', { parentOf })).toBe(false);
    expect(coversJurisdiction('c', 'a', { parentOf: loop })).toBe(false);
  });
});

describe('actorFor', () => {
  it('builds the event actor from the identity and the decision', () => {
    const r = authorize({ ...PEOPLE.deptLead, name: '王强' }, whistled(), 'acknowledge');
    if (!r.ok) throw new Error('expected ok');
    expect(actorFor({ ...PEOPLE.deptLead, name: '王强' }, r)).toEqual({ userId: 'u-dept', role: 'department', unitId: UNIT_LEAD, name: '王强' });
    expect(actorFor(PEOPLE.grid, { role: 'grid' })).toEqual({ userId: 'u-grid', role: 'grid' });
  });
});
