/** The demo data: all four jurisdictions, staffed for everything routing produces, seeded idempotently. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminInputs } from '../../../shared/actions/admin';
import { distanceMeters } from '../../../shared/geo';
import { JURISDICTION_IDS, REGISTRY } from '../../../shared/jurisdictions';
import { route } from '../../../shared/routing/route';
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';
import { fixedClock } from '../../../local/store/clock';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { DEMO_ESTATES, DEMO_GRIDS, demoData, deptUserId, seedDemo } from '../../../local/demo';
import type { RectificationNotice } from '../../../shared/governance/rectification';

const NOW = '2026-11-23T02:00:00.000Z';
let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xqcs-demo-'));
  store = openSqliteStore(join(dir, 'store.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, as text: "nothing changed" means this is equal. */
function dump(s: SqliteStore): string {
  const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  return JSON.stringify(tables.map((t) => [t, s.db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
}

const CENTERS: Record<string, { lat: number; lng: number }> = {
  yinchuan: { lat: 38.47, lng: 106.23 },
  yongning: { lat: 38.28, lng: 106.25 },
  wuzhong: { lat: 37.99, lng: 106.2 },
  qitai: { lat: 44.02, lng: 89.59 },
};

describe('demo estates', () => {
  it('has two estates per jurisdiction near its town, with valid townships, areas, scene codes and property info', () => {
    for (const j of JURISDICTION_IDS) {
      const estates = DEMO_ESTATES.filter((e) => e.jurisdiction === j);
      expect(estates).toHaveLength(2);
      const list = REGISTRY.list(j);
      for (const e of estates) {
        expect(AdminInputs.putEstate.parse(e)).toEqual(e);
        expect(distanceMeters(e.location, CENTERS[j] ?? { lat: 0, lng: 0 })).toBeLessThan(10_000);
        expect(list?.townships.map((t) => t.id)).toContain(e.townshipId);
        expect(e.name).toMatch(/[\u4e00-\u9fff]/);
        expect(e.propertyInfo?.servicePhone).toMatch(/^0\d{3}-\d{7}$/);
        expect(e.sceneCode.length).toBeLessThanOrEqual(12);
        if (j === 'yinchuan') expect(e.areaId).toMatch(/^yinchuan\./);
        const township = list?.townships.find((t) => t.id === e.townshipId);
        if (township?.area) expect(e.areaId).toBe(township.area);
      }
    }
    expect(new Set(DEMO_ESTATES.map((e) => e.sceneCode)).size).toBe(DEMO_ESTATES.length);
    for (const e of DEMO_ESTATES) expect(DEMO_GRIDS.filter((g) => g.estateIds.includes(e.id))).toHaveLength(1);
  });
});

describe('demo users', () => {
  const data = demoData();
  const users = data.users;

  it('are all demo users without openids, with valid grants', () => {
    expect(users.every((u) => u.demo && u.openid === null)).toBe(true);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    for (const u of users) expect(() => AdminInputs.putUser.parse(u)).not.toThrow();
  });

  it('staff every unit routing can send an estate ticket to: a department officer, or a street officer for a township', () => {
    const townships = new Set([...REGISTRY.lists.values()].flatMap((l) => l.townships.map((t) => t.id)));
    const routed = new Set<string>();
    for (const e of DEMO_ESTATES) {
      for (const category of CATEGORY_CODES) {
        const d = route({ jurisdiction: e.jurisdiction, category, estate: e });
        for (const u of [...d.lead, ...d.responsible]) routed.add(u.id);
      }
    }
    expect(routed.size).toBeGreaterThan(40);
    for (const unitId of routed) {
      if (townships.has(unitId)) {
        expect(users.some((u) => u.grants.some((g) => g.role === 'street' && g.streets?.includes(unitId)))).toBe(true);
      } else {
        const officer = users.find((u) => u.id === deptUserId(unitId));
        expect(officer?.grants).toEqual([expect.objectContaining({ role: 'department', units: [unitId] })]);
        expect(officer?.name).toMatch(/·/);
      }
    }
    // District units of the Yinchuan estates are among them.
    expect(users.find((u) => u.id === 'demo.dept.yinchuan.xingqing.housing')?.name).toMatch(/^兴庆区住建部门·/);
  });

  it('give each jurisdiction residents, grid workers, police, office, admin and property users', () => {
    for (const j of JURISDICTION_IDS) {
      const mine = users.filter((u) => u.grants.some((g) => g.jurisdiction === j));
      const roles = (r: string) => mine.filter((u) => u.grants.some((g) => g.role === r));
      expect(roles('resident').length).toBeGreaterThanOrEqual(1);
      expect(roles('grid')).toHaveLength(2);
      for (const g of roles('grid')) expect(g.grants[0]?.grids?.length).toBe(1);
      expect(roles('leadership')).toHaveLength(1);
      expect(roles('admin')).toHaveLength(1);
      const police = roles('police');
      expect(police).toHaveLength(1);
      const policeUnit = REGISTRY.list(j)?.departments.find((d) => d.kind === 'police')?.id;
      expect(police[0]?.grants[0]).toMatchObject({ units: [policeUnit], estates: DEMO_ESTATES.filter((e) => e.jurisdiction === j).map((e) => e.id) });
      const property = roles('property');
      expect(property).toHaveLength(1);
      expect(property[0]?.grants[0]?.company).toBe(DEMO_ESTATES.find((e) => e.jurisdiction === j)?.propertyCompanyId);
      const streets = new Set(DEMO_ESTATES.filter((e) => e.jurisdiction === j).map((e) => e.townshipId));
      expect(roles('street')).toHaveLength(streets.size);
      // The 12345 center (issue 20 §6): one desk per jurisdiction, a hotline grant and nothing else.
      expect(roles('hotline').map((u) => u.grants)).toEqual([[{ role: 'hotline', jurisdiction: j }]]);
    }
    for (const e of data.estates) expect(e.households).toBeGreaterThan(0);
  });

  it('list a contact for every department of each list and every routed unit', () => {
    const contacts = new Set(data.contacts.map((c) => c.unitId));
    for (const list of REGISTRY.lists.values()) for (const d of list.departments) expect(contacts).toContain(d.id);
    expect(contacts).toContain('yinchuan.xingqing.housing');
    expect(contacts).toContain('yinchuan.t.funingjie');
    for (const c of data.contacts) expect(() => AdminInputs.putUnitContact.parse(c)).not.toThrow();
    expect(data.contacts.find((c) => c.unitId === 'qitai.zjj')?.phone).toMatch(/^0994-\d{7}$/);
  });
});

describe('seedDemo', () => {
  it('writes the directory and demo tickets in several states', async () => {
    const summary = await seedDemo(store, fixedClock(NOW));
    expect(summary.written.estates).toBe(8);
    expect(summary.written.tickets).toBe(12);
    expect(await store.listEstates({})).toHaveLength(8);
    const tickets = (await store.queryTickets({}, { limit: 100 })).items;
    expect(new Set(tickets.map((t) => t.state))).toEqual(new Set(['submitted', 'whistled', 'acknowledged']));
    expect(new Set(tickets.map((t) => t.jurisdiction))).toEqual(new Set(JURISDICTION_IDS));
  });

  it('writes, per jurisdiction on its last estate, a 整改通知 past its deadline (overdue, from the 住建 unit), one the company answered (from the street), and that estate’s "123" class (issue 20)', async () => {
    const summary = await seedDemo(store, fixedClock(NOW));
    expect([summary.written.rectifications, summary.written.classes]).toEqual([8, 4]);
    const notices = await store.listRectificationNotices({ jurisdictions: ['yongning'] });
    expect(notices.map((n) => [n.estateId, n.status, n.issuerUnitId, n.companyId])).toEqual([
      ['yn-tjxy', 'overdue', 'yongning.zjj', 'pc-yn-anju'],
      ['yn-tjxy', 'answered', 'yongning.t.tuanjiexilu', 'pc-yn-anju'],
    ]);
    const [overdue, answered] = notices as [RectificationNotice, RectificationNotice];
    expect(Date.parse(overdue.deadline)).toBeLessThan(Date.parse(NOW));
    expect(answered.answers.map((a) => a.by.role)).toEqual(['property']);
    // The officers and the company's user are demo users, so the demo can accept or reject the answer.
    for (const id of [overdue.issuedBy.userId, answered.issuedBy.userId, answered.answers[0]!.by.userId]) expect((await store.getUser(id))?.demo).toBe(true);
    // The first estate is left for the browser stories: no class, no notice.
    expect((await store.listEstateClassChanges({ jurisdictions: ['yongning'] })).map((c) => [c.estateId, c.class, c.setBy.role])).toEqual([['yn-tjxy', 'remediation', 'street']]);
    expect(await store.listRectificationNotices({ estateIds: ['yn-hsjy'] })).toEqual([]);
    // Nothing waits for the sweep.
    expect(await store.listRectificationNotices({ statuses: ['open', 'rejected'] })).toEqual([]);
  });

  it('is idempotent: a second run writes nothing and changes no row', async () => {
    const clock = fixedClock(NOW);
    await seedDemo(store, clock);
    const before = dump(store);
    clock.advance(3_600_000);
    const second = await seedDemo(store, clock);
    expect(second.written).toEqual({ companies: 0, estates: 0, grids: 0, contacts: 0, users: 0, tickets: 0, rectifications: 0, classes: 0 });
    expect(dump(store)).toBe(before);
  });

  it('keeps a demo record an admin edited', async () => {
    await seedDemo(store, fixedClock(NOW), { tickets: false });
    const estate = await store.getEstate('qt-tsjy');
    if (!estate) throw new Error('seeded estate missing');
    await store.putEstate({ ...estate, name: '天山佳苑（已改名）' });
    await seedDemo(store, fixedClock(NOW), { tickets: false });
    expect((await store.getEstate('qt-tsjy'))?.name).toBe('天山佳苑（已改名）');
  });
});
