/**
 * Demo users: per jurisdiction residents, a grid worker per grid, a street officer per township
 * with estates, a department officer for every unit routing can send the estates' tickets to, a
 * police officer, the leadership office, an admin and a property-company user. All `demo: true`
 * (only demo users can be picked in the local dev sign-in), no openids.
 */
import type { Estate, Grid, PropertyCompany, UnitContact, User } from '../../shared/domain/directory';
import type { RoleGrant } from '../../shared/domain/roles';
import { JURISDICTION_IDS, REGISTRY, type JurisdictionId } from '../../shared/jurisdictions';
import { AREA_CODE, COMPANY_SHORT } from './places';
import { contactUnits, routedUnits, type DemoUnit } from './units';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['强', '敏', '磊', '静', '军', '丽', '涛', '娟', '勇', '艳', '杰', '霞', '斌', '婷', '峰', '雪', '波', '芳', '鹏', '慧', '建国', '晓燕', '海波', '春梅'];

/** FNV-1a: a stable small hash, so that a unit keeps its person and phone number across seeds. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function personName(key: string): string {
  const h = stableHash(key);
  return `${SURNAMES[h % SURNAMES.length]}${GIVEN[Math.floor(h / SURNAMES.length) % GIVEN.length]}`;
}

/** A demo landline in the unit's area code, e.g. 0951-6xxxxxx (not a real number plan, only the shape). */
export function demoPhone(key: string, jurisdiction: string): string {
  const code = AREA_CODE[jurisdiction as JurisdictionId] ?? '0951';
  return `${code}-6${String(stableHash(`tel:${key}`) % 1_000_000).padStart(6, '0')}`;
}

const user = (id: string, name: string, grants: RoleGrant[]): User => ({ id, openid: null, name, phone: null, grants, demo: true });

export function deptUserId(unitId: string): string {
  return `demo.dept.${unitId}`;
}

/** The jurisdiction's 公安 unit; a created county's unit table may have none (its demo then has no police officer). */
function policeUnitOf(jurisdiction: string): string | null {
  return REGISTRY.list(jurisdiction)?.departments.find((d) => d.kind === 'police')?.id ?? null;
}

export function unitContacts(estates: readonly Estate[]): UnitContact[] {
  return contactUnits(estates).map((u) => ({
    unitId: u.id,
    name: u.name,
    phone: demoPhone(u.id, u.jurisdiction),
    contactPerson: personName(u.id),
    // 投诉举报电话 (issue 20 §5): a demo number of its own, like the unit's phone.
    complaintPhone: demoPhone(`complaint:${u.id}`, u.jurisdiction),
  }));
}

function staffFor(units: readonly DemoUnit[]): User[] {
  return units
    .filter((u) => !u.township)
    .map((u) => user(deptUserId(u.id), `${u.name}·${personName(u.id)}`, [{ role: 'department', jurisdiction: u.jurisdiction, units: [u.id] }]));
}

/** The demo users of these jurisdictions: the four bundled ones, or (local/demo/created.ts) the counties admins created. */
export function demoUsers(input: { estates: readonly Estate[]; grids: readonly Grid[]; companies: readonly PropertyCompany[] }, jurisdictions: readonly string[] = JURISDICTION_IDS): User[] {
  const users: User[] = [];
  const routed = routedUnits(input.estates);
  for (const j of jurisdictions) {
    const list = REGISTRY.list(j);
    if (!list) continue;
    const estates = input.estates.filter((e) => e.jurisdiction === j);
    if (estates.length === 0) continue;
    const estateIds = estates.map((e) => e.id);
    const home = estates[0]?.id;
    // Residents hold a resident grant only to be listed under their jurisdiction (it confers nothing).
    users.push(user(`demo.${j}.resident1`, `居民·${personName(`${j}.r1`)}`, [{ role: 'resident', jurisdiction: j, estates: home ? [home] : [] }]));
    // resident2 reports the seeded demo tickets, which are on the first estate too.
    users.push(user(`demo.${j}.resident2`, `居民·${personName(`${j}.r2`)}`, [{ role: 'resident', jurisdiction: j, estates: home ? [home] : [] }]));
    for (const g of input.grids.filter((x) => x.jurisdiction === j)) {
      users.push(user(`demo.grid.${g.id}`, `${g.name}·网格员${personName(g.id)}`, [{ role: 'grid', jurisdiction: j, estates: [...g.estateIds], grids: [g.id] }]));
    }
    for (const t of list.townships.filter((x) => estates.some((e) => e.townshipId === x.id))) {
      users.push(user(`demo.street.${t.id}`, `${t.name}·${personName(t.id)}`, [{ role: 'street', jurisdiction: j, streets: [t.id] }]));
    }
    const police = policeUnitOf(j);
    if (police) {
      const policeName = list.departments.find((d) => d.id === police)?.name ?? '公安局';
      users.push(user(`demo.${j}.police`, `${policeName}·民警${personName(`${j}.police`)}`, [{ role: 'police', jurisdiction: j, units: [police], estates: estateIds }]));
    }
    users.push(
      user(`demo.${j}.leadership`, `${list.name}领导小组办公室·${personName(`${j}.office`)}`, [{ role: 'leadership', jurisdiction: j, units: [list.leadershipOffice] }]),
    );
    users.push(user(`demo.${j}.admin`, `${list.name}管理员·${personName(`${j}.admin`)}`, [{ role: 'admin', jurisdiction: j }]));
    // The 12345 center of the jurisdiction (issue 20 §6), named by the hotline, not by an invented unit.
    users.push(user(`demo.${j}.hotline`, `12345政务服务便民热线·坐席${personName(`${j}.hotline`)}`, [{ role: 'hotline', jurisdiction: j }]));
    for (const c of input.companies.filter((x) => x.jurisdiction === j)) {
      const covered = estates.filter((e) => e.propertyCompanyId === c.id).map((e) => e.id);
      if (covered.length === 0) continue;
      users.push(user(`demo.property.${c.id}`, `${COMPANY_SHORT[c.id] ?? c.name}·客服${personName(c.id)}`, [{ role: 'property', jurisdiction: j, company: c.id, estates: covered }]));
    }
  }
  users.push(...staffFor(routed));
  return users;
}
