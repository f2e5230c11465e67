/**
 * The contract of RectificationStore and GovernanceStore (shared/ports/store.ts, issue 20 §1–3):
 * both adapters (SQLite, CloudBase) run it. Each test opens a fresh, empty store.
 */
import type { StandingRecord } from '../../shared/assessment/standing-record';
import type { EstateClassChange } from '../../shared/governance/estate-class';
import type { RectificationNotice } from '../../shared/governance/rectification';
import type { PatrolVisit } from '../../shared/governance/visits';
import { StoreConflictError, type Store } from '../../shared/ports/store';
import { ESTATE_ID, LEAD_UNIT, STREET_ID, minutesAfter } from '../support/fixtures';
import type { OpenedStore } from './store.contract';

let seq = 0;
export function makeNotice(overrides: Partial<RectificationNotice> = {}): RectificationNotice {
  seq += 1;
  const issuedAt = overrides.issuedAt ?? minutesAfter(seq);
  return {
    id: `rn-${String(seq).padStart(4, '0')}`,
    no: `ZG-20261123-${String(seq).padStart(3, '0')}`,
    jurisdiction: 'yongning',
    estateId: ESTATE_ID,
    townshipId: STREET_ID,
    companyId: 'yongning.pc.jinxiu',
    addressee: 'company',
    problem: '地下车库堆放易燃物品',
    basis: '永宁县“治脏”“治乱”责任清单 二(二)1(6)',
    measures: '清理车库杂物',
    issuedAt,
    deadline: minutesAfter(seq + 7 * 24 * 60),
    status: 'open',
    closedAt: null,
    ticketIds: ['t-0001'],
    issuerUnitId: LEAD_UNIT,
    issuedBy: { userId: 'u-zjj', role: 'department', unitId: LEAD_UNIT, name: '县住建局·王强' },
    overdueAt: null,
    answers: [],
    reviews: [],
    version: 1,
    updatedAt: issuedAt,
    ...overrides,
  };
}

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);

export function describeGovernanceContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Rectification and governance store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(() => cleanup());

    it('createRectificationNotice inserts once: a second insert with the same id answers false and keeps the first', async () => {
      const n = makeNotice();
      expect(await store.createRectificationNotice(n)).toBe(true);
      expect(await store.createRectificationNotice({ ...n, problem: '改写' })).toBe(false);
      expect(await store.getRectificationNotice(n.id)).toEqual(n);
      expect(await store.getRectificationNotice('rn-missing')).toBeNull();
    });

    it('updateRectificationNotice writes only over the expected version; a stale writer gets StoreConflictError and changes nothing', async () => {
      const n = makeNotice();
      await store.createRectificationNotice(n);
      const answered: RectificationNotice = {
        ...n,
        status: 'answered',
        version: 2,
        answers: [{ at: minutesAfter(100), by: { userId: 'u-pc', role: 'property', name: '恒安物业·客服' }, note: '已清理', photos: ['p1'] }],
      };
      await store.updateRectificationNotice(answered, 1);
      expect(await store.getRectificationNotice(n.id)).toEqual(answered);
      await expect(store.updateRectificationNotice({ ...n, status: 'overdue', version: 2 }, 1)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getRectificationNotice(n.id)).toEqual(answered);
      // A closed notice carries closedAt back (null → instant).
      const accepted: RectificationNotice = { ...answered, status: 'accepted', closedAt: minutesAfter(200), version: 3 };
      await store.updateRectificationNotice(accepted, 2);
      expect(await store.getRectificationNotice(n.id)).toEqual(accepted);
    });

    it('listRectificationNotices: every given field must hold, ordered by issuedAt then id', async () => {
      const a = makeNotice({ issuedAt: minutesAfter(30) });
      const b = makeNotice({ issuedAt: minutesAfter(10), status: 'answered', companyId: 'yongning.pc.other' });
      const c = makeNotice({ issuedAt: minutesAfter(20), estateId: 'yongning.e.other', townshipId: 'yongning.t.wangyuan', deadline: minutesAfter(40) });
      const d = makeNotice({ issuedAt: minutesAfter(20), jurisdiction: 'qitai', estateId: 'qitai.e.1', townshipId: 'qitai.t.1', companyId: null, addressee: 'estate', issuerUnitId: 'qitai.t.1' });
      for (const n of [a, b, c, d]) await store.createRectificationNotice(n);
      expect(ids(await store.listRectificationNotices({}))).toEqual([b.id, ...[c.id, d.id].sort(), a.id]);
      expect(ids(await store.listRectificationNotices({ jurisdictions: ['yongning'] }))).toEqual([b.id, c.id, a.id]);
      expect(ids(await store.listRectificationNotices({ estateIds: [ESTATE_ID] }))).toEqual([b.id, a.id]);
      expect(ids(await store.listRectificationNotices({ companyId: 'yongning.pc.jinxiu' }))).toEqual([c.id, a.id]);
      expect(ids(await store.listRectificationNotices({ townshipIds: ['yongning.t.wangyuan', 'qitai.t.1'] }))).toEqual([c.id, d.id].sort());
      expect(ids(await store.listRectificationNotices({ issuerUnitIds: ['qitai.t.1'] }))).toEqual([d.id]);
      expect(ids(await store.listRectificationNotices({ statuses: ['open', 'rejected'], deadlineBefore: minutesAfter(40) }))).toEqual([c.id]);
      expect(ids(await store.listRectificationNotices({ jurisdictions: ['yongning'], issuedFrom: minutesAfter(20), issuedTo: minutesAfter(30) }))).toEqual([c.id]);
      expect(await store.listRectificationNotices({ estateIds: [] })).toEqual([]);
    });

    it('estate class changes are appended and listed by setAt then id, by estate and jurisdiction', async () => {
      const change = (id: string, estateId: string, setAt: string, jurisdiction = 'yongning'): EstateClassChange => ({
        id,
        estateId,
        jurisdiction,
        townshipId: STREET_ID,
        class: 'remediation',
        previous: null,
        reason: '投诉较多',
        setAt,
        setBy: { userId: 'u-street', name: '街道老张', unitId: STREET_ID, role: 'street' },
      });
      const x = change('c2', ESTATE_ID, minutesAfter(20));
      const y = change('c1', ESTATE_ID, minutesAfter(10));
      const z = change('c3', 'qitai.e.1', minutesAfter(15), 'qitai');
      for (const c of [x, y, z]) await store.addEstateClassChange(c);
      expect(await store.listEstateClassChanges({})).toEqual([y, z, x]);
      expect(await store.listEstateClassChanges({ estateIds: [ESTATE_ID] })).toEqual([y, x]);
      expect(await store.listEstateClassChanges({ jurisdictions: ['qitai'] })).toEqual([z]);
    });

    it('patrol visits: put replaces by id; listed by at then id, filtered by jurisdiction, year and estate', async () => {
      const visit = (id: string, at: string, year: number, estateId = ESTATE_ID): PatrolVisit => ({
        id,
        estateId,
        jurisdiction: 'yongning',
        unitId: 'yongning.zhzf',
        year,
        at,
        location: { lat: 38.28, lng: 106.24 },
        photos: ['p1'],
        note: '专项巡查',
        officer: { userId: 'u-zhzf', name: '县综合执法局·刘' },
      });
      const a = visit('pv-a', minutesAfter(30), 2026);
      const b = visit('pv-b', minutesAfter(10), 2026, 'yongning.e.other');
      const c = visit('pv-c', '2025-12-01T02:00:00.000Z', 2025);
      for (const v of [a, b, c]) await store.putPatrolVisit(v);
      await store.putPatrolVisit({ ...a, note: '复查' });
      expect(await store.listPatrolVisits({})).toEqual([c, b, { ...a, note: '复查' }]);
      expect(ids(await store.listPatrolVisits({ jurisdictions: ['yongning'], year: 2026 }))).toEqual(['pv-b', 'pv-a']);
      expect(ids(await store.listPatrolVisits({ estateIds: [ESTATE_ID] }))).toEqual(['pv-c', 'pv-a']);
    });

    it('standing records (issue 20 §4): appended once per id, listed by at then id, filtered by company, jurisdiction and year', async () => {
      const record = (id: string, companyId: string, at: string, year = 2026, jurisdiction = 'yongning'): StandingRecord => ({
        id,
        companyId,
        jurisdiction,
        year,
        at,
        by: { userId: 'u-street', role: 'street', unitId: STREET_ID, name: '街道·老张' },
        cause: { kind: 'violation', violationId: `v:${id}`, item: 7, ticketNo: 'YN-20261123-0001' },
        before: { level: 0, stars: 4, credit: 'good', items: 0 },
        after: { level: 1, stars: 4, credit: 'deducted', items: 1 },
      });
      const a = record('sc-a', 'pc-a', minutesAfter(30));
      const b = record('sc-b', 'pc-b', minutesAfter(10));
      const c = record('sc-c', 'pc-a', '2025-12-01T02:00:00.000Z', 2025);
      const d = record('sc-d', 'pc-a', minutesAfter(30), 2026, 'yinchuan');
      for (const r of [a, b, c, d]) expect(await store.addStandingRecord(r)).toBe(true);
      // A retried write of the same change adds nothing and keeps the first.
      expect(await store.addStandingRecord({ ...a, at: minutesAfter(99) })).toBe(false);
      expect(await store.listStandingRecords({})).toEqual([c, b, a, d]);
      const idsOf = (rs: StandingRecord[]) => rs.map((r) => r.id);
      expect(idsOf(await store.listStandingRecords({ companyIds: ['pc-a'], year: 2026 }))).toEqual(['sc-a', 'sc-d']);
      expect(idsOf(await store.listStandingRecords({ jurisdictions: ['yongning'], year: 2026 }))).toEqual(['sc-b', 'sc-a']);
      expect(idsOf(await store.listStandingRecords({ companyIds: ['pc-a', 'pc-b'], jurisdictions: ['yongning'] }))).toEqual(['sc-c', 'sc-b', 'sc-a']);
    });
  });
}
