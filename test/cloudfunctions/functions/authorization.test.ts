import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../cloudfunctions/_app/router';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, PEOPLE, REPORT, type Person, type TestApp } from '../../support/app';

/**
 * Authorization matrix: every staff and resident action × every role (fake platform context).
 * For each pair a fresh ticket is brought to a state where the action is legal, then the person
 * tries it: the listed people succeed, everyone else is refused with an authorization code and the
 * ticket is unchanged. It runs on both store adapters.
 */
const EVERYONE = Object.keys(PEOPLE) as Person[];
const DENIED_CODES = ['AUTH.FORBIDDEN', 'AUTH.OUT_OF_SCOPE', 'AUTH.PROPERTY_CONFLICT', 'TICKET.FORBIDDEN_ROLE', 'TICKET.UNIT_NOT_ASSIGNED', 'TICKET.NOT_ACKNOWLEDGED'];
const PHOTO = ['after-1'];
const HERE = REPORT.location;

type Setup = Array<[Person, string, Record<string, unknown>]>;
const WHISTLED: Setup = [['grid', 'whistle', { units: ['yongning.zjj', 'yongning.yjgl'] }]];
const ACKED: Setup = [...WHISTLED, ['housing', 'acknowledge', { officerName: '王强' }]];
const RESOLVED: Setup = [...ACKED, ['housing', 'resolve', { note: '已整改', photos: PHOTO }]];
const EXTENSION: Setup = [...ACKED, ['housing', 'requestExtension', { until: '2026-11-25T10:00:00+08:00', reason: '需要协调' }]];
const CLAIMED: Setup = [['police', 'claim', { officerName: '周警官' }]];

interface Row {
  fn: FunctionHandler;
  action: string;
  category?: string;
  setup: Setup;
  input: Record<string, unknown>;
  allowed: Person[];
}

const ROWS: Row[] = [
  { fn: ticket, action: 'accept', setup: [], input: {}, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'reject', setup: [], input: { reason: '重复举报' }, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'merge', setup: [], input: { duplicateOf: 'FIRST' }, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'handle', setup: [['grid', 'accept', {}]], input: {}, allowed: ['grid', 'street', 'property'] },
  { fn: ticket, action: 'settle', setup: [['grid', 'accept', {}]], input: { note: '现场已处理', photos: PHOTO, location: HERE }, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'whistle', setup: [], input: { units: ['yongning.zjj', 'yongning.yjgl'] }, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'acknowledge', setup: WHISTLED, input: { officerName: '某人' }, allowed: ['housing', 'emergency'] },
  { fn: ticket, action: 'arrive', setup: ACKED, input: { location: HERE }, allowed: ['housing'] },
  { fn: ticket, action: 'resolve', setup: ACKED, input: { note: '已整改', photos: PHOTO }, allowed: ['housing', 'emergency'] },
  { fn: ticket, action: 'return', setup: WHISTLED, input: { reasonCode: 'not-our-duty', reason: '非本单位职责' }, allowed: ['housing', 'emergency'] },
  { fn: ticket, action: 'reroute', setup: [...WHISTLED, ['housing', 'return', { reasonCode: 'not-our-duty', reason: '非本单位职责' }]], input: { units: ['yongning.zhzf'], reason: '改派' }, allowed: ['street'] },
  { fn: ticket, action: 'requestExtension', setup: ACKED, input: { until: '2026-11-25T10:00:00+08:00', reason: '需要协调' }, allowed: ['housing'] },
  { fn: ticket, action: 'approveExtension', setup: EXTENSION, input: {}, allowed: ['street'] },
  { fn: ticket, action: 'refuseExtension', setup: EXTENSION, input: { reason: '不同意' }, allowed: ['street'] },
  { fn: ticket, action: 'verify', setup: RESOLVED, input: {}, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'verifyFail', setup: RESOLVED, input: { reason: '飞线仍在' }, allowed: ['grid', 'street'] },
  { fn: ticket, action: 'supervise', setup: WHISTLED, input: { note: '请加快办理' }, allowed: ['street', 'leadership', 'hotline'] },
  { fn: ticket, action: 'escalate', setup: WHISTLED, input: { reason: '迟迟未报到' }, allowed: ['street'] },
  { fn: ticket, action: 'claim', category: 'dispute', setup: [], input: { officerName: '周警官' }, allowed: ['police'] },
  { fn: ticket, action: 'reply', category: 'dispute', setup: [], input: { text: '已联系双方' }, allowed: ['police'] },
  { fn: ticket, action: 'mediate', category: 'dispute', setup: CLAIMED, input: { parties: ['张三', '李四'], outcome: 'agreed', agreement: '互相谅解' }, allowed: ['police'] },
  { fn: ticket, action: 'handover', category: 'dispute', setup: CLAIMED, input: { units: ['yongning.zjj'], reason: '涉及物业管理' }, allowed: ['police'] },
  { fn: report, action: 'confirm', setup: RESOLVED, input: {}, allowed: ['resident'] },
  { fn: report, action: 'reopen', setup: RESOLVED, input: { reason: '飞线又接上了' }, allowed: ['resident'] },
  { fn: report, action: 'appeal', setup: [['grid', 'reject', { reason: '信息不全' }]], input: { reason: '信息是完整的' }, allowed: ['resident'] },
  { fn: report, action: 'rate', setup: [...RESOLVED, ['resident', 'confirm', {}]], input: { score: 4, fixed: true }, allowed: ['resident'] },
];

/** The same matrix on both store adapters: SQLite, and CloudBase (the real SDK against the loopback server). */
const ADAPTERS: Array<[string, (opts: { reportsPerHour?: number }) => Promise<TestApp<Store>>]> = [
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
];

describe.each(ADAPTERS)('on the %s store', (_adapter, make) => {
  let app: TestApp<Store>;
  beforeAll(async () => {
    app = await make({ reportsPerHour: 10_000 });
  });
  afterAll(() => app.close());

  /** Photos in an input become the caller's own upload: only the uploader may name a photo (checked elsewhere). */
  const uploaded = new Map<Person, string>();
  async function withOwnPhotos(who: Person, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!input.photos) return input;
    if (!uploaded.has(who)) uploaded.set(who, await app.photo(who));
    return { ...input, photos: [uploaded.get(who)] };
  }

  async function prepared(category: string, setup: Setup): Promise<string> {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
    const id = res.data.ticket.id as string;
    for (const [who, action, input] of setup) {
      const v = (await app.store.getTicket(id))!.version;
      const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
      const out = await app.call(fn, who, action, { ticketId: id, version: v, ...(await withOwnPhotos(who, input)) });
      if (!out.ok) throw new Error(`setup ${who} ${action}: ${out.error?.code}`);
    }
    return id;
  }

  describe.each(ROWS)('$action', (row) => {
    it.each(EVERYONE)(`%s`, async (who) => {
      const first = await prepared(row.category ?? 'fly-wire', []);
      const id = await prepared(row.category ?? 'fly-wire', row.setup);
      const before = await app.store.getTicket(id);
      const input = { ...(await withOwnPhotos(who, row.input)), ...(row.input.duplicateOf ? { duplicateOf: first } : {}) };
      const res = await app.call(row.fn, who, row.action, { ticketId: id, version: before!.version, ...input });
      if (row.allowed.includes(who)) {
        expect(res.error).toBeUndefined();
        expect(res.ok).toBe(true);
      } else {
        expect(res.ok).toBe(false);
        expect(DENIED_CODES).toContain(res.error!.code);
        expect((await app.store.getTicket(id))!.version).toBe(before!.version);
      }
    });
  });

  describe('viewing a ticket', () => {
    // 县公安局 is co-responsible for 飞线充电 in Yongning (002 二(二)1(6)), so the police officer sees it too.
    const CAN_SEE_FLY_WIRE: Person[] = ['resident', 'grid', 'street', 'housing', 'emergency', 'police', 'leadership', 'admin', 'property', 'hotline'];
    it.each(EVERYONE)('%s on a whistled 飞线充电 ticket', async (who) => {
      const id = await prepared('fly-wire', WHISTLED);
      const fn = who === 'resident' || who === 'otherResident' ? report : ticket;
      const res = await app.call(fn, who, 'detail', { ticketId: id });
      expect(res.ok).toBe(CAN_SEE_FLY_WIRE.includes(who));
      if (!res.ok) expect(DENIED_CODES).toContain(res.error!.code);
    });

    it('hides a fee complaint (乱收费) about its own company from the property-company user', async () => {
      const id = await prepared('illegal-fee', []);
      const res = await app.call(ticket, 'property', 'detail', { ticketId: id });
      expect(res.error?.code).toBe('AUTH.PROPERTY_CONFLICT');
      const queue = await app.call(ticket, 'property', 'queue', { view: 'all' });
      expect(queue.data.items.map((t: { id: string }) => t.id)).not.toContain(id);
    });

    it('shows the reporter’s phone to the handling chain and to nobody else', async () => {
      const id = await prepared('fly-wire', WHISTLED);
      const phoneOf = async (who: Person) => (await app.call(ticket, who, 'detail', { ticketId: id })).data?.ticket?.reporter?.phone;
      expect(await phoneOf('grid')).toBe(REPORT.contactPhone);
      expect(await phoneOf('housing')).toBe(REPORT.contactPhone);
      expect(await phoneOf('leadership')).toBeUndefined();
      expect(await phoneOf('property')).toBeUndefined();
      const prop = await app.call(ticket, 'property', 'detail', { ticketId: id });
      expect(JSON.stringify(prop.data)).not.toContain(PEOPLE.resident.openid!);
    });
  });

  describe('the police owner-group desk', () => {
    it('shows the officer’s estates’ police-relevant tickets even when not routed to the station', async () => {
      // 邻里纠纷 in Yongning routes to 永宁县人民政府 (001 序号15), not to 县公安局.
      const id = await prepared('dispute', []);
      const desk = await app.call(ticket, 'police', 'queue', { view: 'police-desk' });
      expect(desk.data.items.map((t: { id: string }) => t.id)).toContain(id);
      const other = await prepared('garbage', []);
      expect(desk.data.items.map((t: { id: string }) => t.id)).not.toContain(other);
    });
  });
});
