/**
 * SQL for DirectoryStore.listUsers. A pure builder: the store runs it, and the tests run EXPLAIN
 * QUERY PLAN on exactly the same text.
 *
 * The candidates come from user_units (unitId) or user_roles (role and/or jurisdiction), read by
 * their primary key or index, so that the cost follows the users found, not the users stored
 * (every resident who signed in is a user). The json_each check then applies the rule that all
 * grant filters hold on ONE grant to those few candidates.
 */

export interface UserFilter {
  jurisdiction?: string;
  demo?: boolean;
  unitId?: string;
  role?: string;
}

/** The narrowest index of the users a filter can match; null when it names no role, jurisdiction or unit. */
function candidates(filter: UserFilter): { sql: string; params: string[] } | null {
  if (filter.unitId !== undefined) return { sql: 'SELECT user_id FROM user_units WHERE unit_id = ?', params: [filter.unitId] };
  if (filter.role !== undefined && filter.jurisdiction !== undefined) {
    return { sql: 'SELECT user_id FROM user_roles WHERE role = ? AND jurisdiction = ?', params: [filter.role, filter.jurisdiction] };
  }
  if (filter.role !== undefined) return { sql: 'SELECT user_id FROM user_roles WHERE role = ?', params: [filter.role] };
  if (filter.jurisdiction !== undefined) return { sql: 'SELECT user_id FROM user_roles WHERE jurisdiction = ?', params: [filter.jurisdiction] };
  return null;
}

/** The users matching every given field (grant fields on one grant), in id order. */
export function buildUserQuery(filter: UserFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.demo !== undefined) {
    where.push('demo = ?');
    params.push(filter.demo ? 1 : 0);
  }
  const narrowed = candidates(filter);
  if (narrowed) {
    where.push(`id IN (${narrowed.sql})`);
    params.push(...narrowed.params);
  }
  const grant: string[] = [];
  if (filter.jurisdiction !== undefined) {
    grant.push(`json_extract(g.value, '$.jurisdiction') = ?`);
    params.push(filter.jurisdiction);
  }
  if (filter.role !== undefined) {
    grant.push(`json_extract(g.value, '$.role') = ?`);
    params.push(filter.role);
  }
  if (filter.unitId !== undefined) {
    grant.push(
      `(EXISTS (SELECT 1 FROM json_each(g.value, '$.units') u WHERE u.value = ?) OR ` +
        `EXISTS (SELECT 1 FROM json_each(g.value, '$.streets') s WHERE s.value = ?))`,
    );
    params.push(filter.unitId, filter.unitId);
  }
  if (grant.length > 0) where.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.grants') g WHERE ${grant.join(' AND ')})`);
  return { sql: `SELECT doc FROM users${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, params };
}

/**
 * The user_roles and user_units rows of one user: the same rows as migration V3's back-fill
 * (grants with a role and a jurisdiction; a grant's units and streets that are text).
 */
export function userIndexRows(user: { id: string; grants: ReadonlyArray<{ role?: unknown; jurisdiction?: unknown; units?: unknown; streets?: unknown }> }): {
  roles: Array<[role: string, jurisdiction: string]>;
  units: string[];
} {
  const roles = new Map<string, [string, string]>();
  const units = new Set<string>();
  for (const g of user.grants) {
    if (typeof g.role === 'string' && typeof g.jurisdiction === 'string') roles.set(JSON.stringify([g.role, g.jurisdiction]), [g.role, g.jurisdiction]);
    for (const list of [g.units, g.streets]) if (Array.isArray(list)) for (const u of list) if (typeof u === 'string') units.add(u);
  }
  return { roles: [...roles.values()], units: [...units] };
}
