/**
 * The units the demo must staff and list: computed by routing every category on every demo estate,
 * so that the demo covers exactly what routing produces (a list edit changes the demo with it).
 */
import type { Estate } from '../../shared/domain/directory';
import { REGISTRY } from '../../shared/jurisdictions';
import { route } from '../../shared/routing/route';
import { CATEGORY_CODES } from '../../shared/taxonomy/categories';

export interface DemoUnit {
  id: string;
  name: string;
  /** The jurisdiction whose list names the unit (a Yongning estate also routes to Yinchuan city units). */
  jurisdiction: string;
  /** Streets/townships are staffed by street officers, every other unit by a department officer. */
  township: boolean;
  /** The department's kind when it is one of a list's departments (police units get a police officer). */
  kind: string | null;
}

function townshipIds(): Set<string> {
  return new Set([...REGISTRY.lists.values()].flatMap((l) => l.townships.map((t) => t.id)));
}

export function isTownship(unitId: string): boolean {
  return townshipIds().has(unitId);
}

/** The list a unit id belongs to: its department directory, else the id's first segment ("yinchuan.xingqing.housing"). */
export function unitJurisdiction(unitId: string, fallback: string): string {
  for (const list of REGISTRY.lists.values()) {
    if (list.departments.some((d) => d.id === unitId) || list.townships.some((t) => t.id === unitId)) return list.id;
  }
  const head = unitId.split('.')[0] ?? '';
  return REGISTRY.list(head) ? head : fallback;
}

/** Every lead and responsible unit of every category on these estates, in first-seen order. */
export function routedUnits(estates: readonly Estate[]): DemoUnit[] {
  const townships = townshipIds();
  const units = new Map<string, DemoUnit>();
  for (const estate of estates) {
    for (const category of CATEGORY_CODES) {
      const decision = route({ jurisdiction: estate.jurisdiction, category, estate });
      for (const u of [...decision.lead, ...decision.responsible]) {
        if (units.has(u.id)) continue;
        units.set(u.id, {
          id: u.id,
          name: u.name,
          jurisdiction: unitJurisdiction(u.id, estate.jurisdiction),
          township: townships.has(u.id),
          kind: REGISTRY.department(u.id)?.kind ?? null,
        });
      }
    }
  }
  return [...units.values()];
}

/** Every department of every list, plus the routed units that are not departments (district units, townships). */
export function contactUnits(estates: readonly Estate[]): DemoUnit[] {
  const all = new Map<string, DemoUnit>();
  for (const list of REGISTRY.lists.values()) {
    for (const d of list.departments) all.set(d.id, { id: d.id, name: d.name, jurisdiction: list.id, township: false, kind: d.kind });
  }
  for (const u of routedUnits(estates)) if (!all.has(u.id)) all.set(u.id, u);
  return [...all.values()];
}
