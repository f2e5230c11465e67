/**
 * Builders of domain records for tests, with plausible defaults (永宁县, 团结西路街道, a 飞线充电
 * report). Every call gets fresh ids and, for tickets, a later createdAt than the previous one,
 * unless overridden.
 */
import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../../shared/domain/directory';
import type { OutboxMessage } from '../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}
const pad = (n: number, width = 6) => String(n).padStart(width, '0');

/** Base instant of the fixtures (2026-11-23 10:00 Beijing time). */
export const T0 = '2026-11-23T02:00:00.000Z';

/** `base` plus a number of minutes, as a UTC ISO string. */
export function minutesAfter(minutes: number, base: string = T0): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

export const STREET_ID = 'yongning.t.tuanjiexilu';

/** 锦绣花园 as a CloudBase estates document (`_id` = its id), for seeding the loopback server. */
export const JINXIU_DOC = {
  _id: 'yn-jinxiu',
  id: 'yn-jinxiu',
  name: '锦绣花园',
  jurisdiction: 'yongning',
  areaId: null,
  townshipId: STREET_ID,
  address: '永宁县团结西路88号',
  location: { lat: 38.28, lng: 106.25 },
  sceneCode: 'yn-jinxiu',
  propertyCompanyId: null,
  propertyInfo: null,
} as const;
export const ESTATE_ID = 'yongning.e.jinxiu';
export const GRID_ID = 'yongning.g.jinxiu-1';
export const LEAD_UNIT = 'yongning.zjj';
export const CO_UNIT = 'yongning.yjgl';
export const REPORTER_ID = 'u-resident-1';

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const n = next();
  const createdAt = overrides.createdAt ?? minutesAfter(n);
  return {
    id: `t-${pad(n)}`,
    no: `YN-20261123-${pad(n, 4)}`,
    version: 1,
    jurisdiction: 'yongning',
    estateId: ESTATE_ID,
    streetId: STREET_ID,
    gridId: GRID_ID,
    propertyCompanyId: 'yongning.pc.jinxiu',
    category: 'fly-wire',
    priority: 'urgent',
    state: 'submitted',
    description: '3号楼2单元有人从窗户拉电线给电动车充电',
    photos: ['f-before-1'],
    afterPhotos: [],
    location: { lat: 38.2779, lng: 106.2531 },
    reporter: { userId: REPORTER_ID, anonymous: false },
    route: {
      lead: [{ id: LEAD_UNIT, name: '县住建局' }],
      responsible: [
        { id: CO_UNIT, name: '县应急管理局' },
        { id: STREET_ID, name: '团结西路街道办事处' },
      ],
      basis: [{ source: '002_bbc741157aca8db7.txt', item: '一', text: '飞线充电' }],
    },
    assignedUnits: [],
    acknowledgedUnits: [],
    resolvedBy: null,
    holder: { kind: 'grid', ids: [GRID_ID] },
    deadlines: [{ step: 'triage', due: minutesAfter(30, createdAt) }],
    pendingExtension: null,
    mergedInto: null,
    meToo: 0,
    rating: null,
    appealed: false,
    escalation: 0,
    sharedGroups: [],
    claimedBy: null,
    createdAt,
    updatedAt: createdAt,
    closedAt: null,
    sweepAt: null,
    ...overrides,
  };
}

/** The ticket one transition later: version + 1 and updatedAt moved on (default one minute). */
export function nextVersion(ticket: Ticket, overrides: Partial<Ticket> = {}): Ticket {
  return { ...ticket, version: ticket.version + 1, updatedAt: minutesAfter(1, ticket.updatedAt), ...overrides };
}

/** The event that brought `ticket` to its current version (seq = version). */
export function makeEvent(ticket: Ticket, overrides: Partial<TicketEvent> = {}): TicketEvent {
  const first = ticket.version === 1;
  return {
    id: `ev-${pad(next())}`,
    ticketId: ticket.id,
    seq: ticket.version,
    at: ticket.updatedAt,
    actor: first ? { userId: ticket.reporter.userId, role: 'resident' } : { userId: 'u-grid-1', role: 'grid', name: '网格员王芳' },
    action: first ? 'submit' : 'accept',
    from: first ? null : 'submitted',
    to: ticket.state,
    ...(first ? {} : { note: '已受理，正在核实' }),
    ...overrides,
  };
}

export function makeEstate(overrides: Partial<Estate> = {}): Estate {
  const n = next();
  return {
    id: `yongning.e.${pad(n)}`,
    name: `锦绣花园${n}期`,
    jurisdiction: 'yongning',
    areaId: null,
    townshipId: STREET_ID,
    address: '宁夏银川市永宁县团结西路88号',
    location: { lat: 38.2779, lng: 106.2531 },
    sceneCode: `e=yn${pad(n)}`,
    propertyCompanyId: 'yongning.pc.jinxiu',
    propertyInfo: { servicePhone: '0951-8000000', feeStandard: '多层 0.9 元/㎡·月', publicIncome: '2025年公共收益 12.6 万元，已公示' },
    ...overrides,
  };
}

export function makeGrid(overrides: Partial<Grid> = {}): Grid {
  const n = next();
  return {
    id: `yongning.g.${pad(n)}`,
    name: `第${n}网格`,
    jurisdiction: 'yongning',
    townshipId: STREET_ID,
    estateIds: [ESTATE_ID],
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  const n = next();
  return {
    id: `u-${pad(n)}`,
    openid: `openid-${pad(n)}`,
    name: `张伟${n}`,
    phone: `1380951${pad(n, 4)}`,
    grants: [{ role: 'resident', jurisdiction: 'yongning' }],
    demo: false,
    ...overrides,
  };
}

export function makePropertyCompany(overrides: Partial<PropertyCompany> = {}): PropertyCompany {
  const n = next();
  return { id: `yongning.pc.${pad(n)}`, name: `宁夏锦绣物业服务有限公司${n}`, jurisdiction: 'yongning', ...overrides };
}

export function makeUnitContact(overrides: Partial<UnitContact> = {}): UnitContact {
  return { unitId: LEAD_UNIT, name: '县住建局', phone: '0951-8012345', contactPerson: '李强', ...overrides };
}

export function makeOwnerGroup(overrides: Partial<OwnerGroup> = {}): OwnerGroup {
  const n = next();
  return {
    id: `g-${pad(n)}`,
    estateId: ESTATE_ID,
    name: `锦绣花园业主群${n}`,
    boundBy: 'u-street-1',
    boundAt: T0,
    active: true,
    ...overrides,
  };
}

export function makeOutbox(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const n = next();
  return {
    id: `ob-${pad(n)}`,
    recipientUserId: 'u-grid-1',
    ticketId: null,
    kind: 'submitted',
    title: '新工单待受理',
    body: '锦绣花园：飞线充电',
    data: { thing1: '飞线充电', time2: '2026-11-23 10:00' },
    createdAt: minutesAfter(n),
    sentAt: null,
    readAt: null,
    attempts: 0,
    lastError: null,
    ...overrides,
  };
}
