/**
 * The synthetic directory behind the growth benchmark: estates spread over the four jurisdictions'
 * townships, one grid each, property companies, the staff the demo would have for them (grid
 * workers, street officers, department officers of every routed unit, police, leadership, admin),
 * and a pool of resident users (in production every reporter is a user row).
 */
import { demoUsers } from '../../../local/demo';
import type { Estate, Grid, PropertyCompany, User } from '../../../shared/domain/directory';
import { JURISDICTION_IDS, REGISTRY, type JurisdictionId } from '../../../shared/jurisdictions';

/** Share of tickets per jurisdiction: Yinchuan city is the largest, Qitai county the smallest. */
export const JURISDICTION_WEIGHTS: Readonly<Record<JurisdictionId, number>> = { yinchuan: 0.45, yongning: 0.15, wuzhong: 0.28, qitai: 0.12 };
const ESTATES: Readonly<Record<JurisdictionId, number>> = { yinchuan: 240, yongning: 60, wuzhong: 120, qitai: 40 };
const CENTERS: Readonly<Record<JurisdictionId, { lat: number; lng: number }>> = {
  yinchuan: { lat: 38.487, lng: 106.231 },
  yongning: { lat: 38.277, lng: 106.253 },
  wuzhong: { lat: 37.997, lng: 106.199 },
  qitai: { lat: 44.022, lng: 89.591 },
};

/** A small, fast, seeded PRNG (mulberry32): the same world and tickets on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key by weight. */
export function weighted<K extends string>(rand: () => number, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x <= 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

export interface World {
  estates: Estate[];
  grids: Grid[];
  companies: PropertyCompany[];
  staff: User[];
  /** Resident user ids per jurisdiction. */
  residents: Record<JurisdictionId, string[]>;
  estatesOf: Record<JurisdictionId, Estate[]>;
}

export function buildWorld(residentsTotal: number, seed = 20261201): World {
  const rand = prng(seed);
  const estates: Estate[] = [];
  const companies: PropertyCompany[] = [];
  const estatesOf = {} as Record<JurisdictionId, Estate[]>;
  const residents = {} as Record<JurisdictionId, string[]>;
  for (const j of JURISDICTION_IDS) {
    const list = REGISTRY.list(j);
    if (!list) throw new Error(`no list for ${j}`);
    const center = CENTERS[j];
    const own: Estate[] = [];
    for (let c = 0; c < 8; c += 1) companies.push({ id: `${j}.pc.${c}`, name: `${list.name}第${c + 1}物业服务有限公司`, jurisdiction: j });
    for (let n = 0; n < ESTATES[j]; n += 1) {
      const township = list.townships[n % list.townships.length];
      if (!township) throw new Error(`${j} has no township`);
      own.push({
        id: `${j}.e.${n}`,
        name: `${township.name}第${n + 1}小区`,
        jurisdiction: j,
        areaId: township.area ?? null,
        townshipId: township.id,
        address: `${list.name}${township.name}幸福路${n + 1}号`,
        location: { lat: center.lat + (rand() - 0.5) * 0.12, lng: center.lng + (rand() - 0.5) * 0.12 },
        sceneCode: `b-${j.slice(0, 2)}${n}`,
        propertyCompanyId: `${j}.pc.${n % 8}`,
        propertyInfo: { servicePhone: '0951-6000000', feeStandard: '多层住宅0.85元/㎡·月', publicIncome: '2026年上半年公共收益已公示' },
      });
    }
    estates.push(...own);
    estatesOf[j] = own;
    const count = Math.max(50, Math.round(residentsTotal * JURISDICTION_WEIGHTS[j]));
    residents[j] = Array.from({ length: count }, (_, i) => `u.${j}.${i}`);
  }
  const grids: Grid[] = estates.map((e) => ({ id: `${e.id}.grid`, name: `${e.name}网格`, jurisdiction: e.jurisdiction, townshipId: e.townshipId, estateIds: [e.id] }));
  // The demo's staff model, for these estates; real accounts (not demo, with an openid).
  const staff = demoUsers({ estates, grids, companies })
    .filter((u) => u.grants.some((g) => g.role !== 'resident'))
    .map((u) => ({ ...u, demo: false, openid: `o-${u.id}` }));
  return { estates, grids, companies, staff, residents, estatesOf };
}

/** A resident user record (what the sign-in creates for a reporter). */
export function residentUser(id: string, jurisdiction: string): User {
  return { id, openid: `o-${id}`, name: `居民${id.slice(id.lastIndexOf('.') + 1)}`, phone: null, grants: [{ role: 'resident', jurisdiction }], demo: false };
}
