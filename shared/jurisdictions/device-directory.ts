/**
 * The created jurisdictions a staff member's phone names units by (issue 19): the mini-program
 * ships only the bundled lists, so a county created by its admin (stored.ts) reaches a phone as the
 * lists the server's live registry holds for it, limited to the caller's scope. Pure: the server
 * passes its registry and stored records, the phone passes what it was answered.
 */
import type { RoleGrant } from '../domain/roles';
import { coversJurisdiction } from '../permissions/permissions';
import type { Registry } from './registry';
import type { JurisdictionList } from './schema';
import { withLists, type StoredJurisdiction } from './stored';

export interface DeviceDirectory {
  /** Moves whenever one of these lists' version or directory changes; the phone sends it back to skip an unchanged answer. */
  revision: string;
  /** Created jurisdictions in scope, each after its parent (the order the registry adds them in). */
  lists: JurisdictionList[];
}

/** FNV-1a over the text with a seed: two of them make a 64-bit revision that fits in a short field. */
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The created jurisdictions the grants reach (a grant covers its jurisdiction and every one below
 * it), with their created ancestors so that each list's parent is there. A resident grant reaches
 * nothing: residents name units from what the server answers them.
 */
export function deviceDirectory(registry: Registry, stored: ReadonlyArray<Pick<StoredJurisdiction, 'id' | 'updatedAt'>>, grants: readonly RoleGrant[]): DeviceDirectory {
  const staff = grants.filter((g) => g.role !== 'resident');
  const updated = new Map(stored.map((j) => [j.id, j.updatedAt]));
  const parentOf = (j: string) => registry.list(j)?.parent ?? null;
  const wanted = new Set<string>();
  for (const list of registry.lists.values()) {
    if (!updated.has(list.id) || !staff.some((g) => coversJurisdiction(g.jurisdiction, list.id, { parentOf }))) continue;
    for (let j: string | null = list.id; j && updated.has(j) && !wanted.has(j); j = parentOf(j)) wanted.add(j);
  }
  const lists = [...registry.lists.values()].filter((l) => wanted.has(l.id));
  const basis = JSON.stringify(lists.map((l) => [l.id, l.versionId, updated.get(l.id) ?? '']));
  return { revision: `${fnv(basis, 0x811c9dc5)}${fnv(basis, 0x01000193)}`, lists };
}

/** The registry a phone answers by: the bundled lists plus the lists of its directory (validated as the server validates them). */
export function deviceRegistry(base: readonly JurisdictionList[], lists: readonly JurisdictionList[]): Registry {
  return withLists(base, lists).registry;
}
