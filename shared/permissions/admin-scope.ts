/**
 * Where an admin may act (DESIGN.md §7): admin rights are per jurisdiction, and a city admin also
 * manages the counties whose list names the city as parent (yinchuan → yongning), not the reverse.
 * Every admin write is checked against the record's current jurisdiction and the one it moves to.
 */
import type { Identity } from '../domain/roles';
import { REGISTRY } from '../jurisdictions';

/** True when one of the identity's admin grants covers the jurisdiction (itself or an ancestor). */
export function administers(identity: Identity, jurisdiction: string): boolean {
  const chain = REGISTRY.chain(jurisdiction).map((l) => l.id);
  if (chain.length === 0) return false;
  return identity.grants.some((g) => g.role === 'admin' && chain.includes(g.jurisdiction));
}

/** A user record this admin may change or invite: staff whose every grant lies where it acts; never a resident's. */
export function managesStaff(identity: Identity, user: { grants: readonly { jurisdiction: string }[] }): boolean {
  return user.grants.length > 0 && user.grants.every((g) => administers(identity, g.jurisdiction));
}

/** Every registered jurisdiction the identity administers. */
export function administeredJurisdictions(identity: Identity): string[] {
  return [...REGISTRY.lists.keys()].filter((j) => administers(identity, j));
}

/** The jurisdiction whose list names this department or police station, if any. */
export function unitJurisdiction(unitId: string): string | undefined {
  for (const list of REGISTRY.lists.values()) if (list.departments.some((d) => d.id === unitId)) return list.id;
  return undefined;
}

/** The jurisdiction whose list names this street or township, if any. */
export function townshipJurisdiction(townshipId: string): string | undefined {
  for (const list of REGISTRY.lists.values()) if (list.townships.some((t) => t.id === townshipId)) return list.id;
  return undefined;
}
