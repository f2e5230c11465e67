/** Reference data on SQLite: estates, grids, users, property companies, unit contacts, SLA policies, owner groups. */
import type Database from 'better-sqlite3';
import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../../shared/domain/directory';
import { DomainError } from '../../shared/lifecycle/errors';
import type { DirectoryStore } from '../../shared/ports/store';
import { DocCache } from './doc-cache';
import { IN_LIST, jsonList, type StatementCache } from './statements';
import { buildUserQuery, userIndexRows, type UserFilter } from './user-query';

type DocRow = { doc: string };

function parseFirst<T>(docs: readonly string[]): T | null {
  const doc = docs[0];
  return doc === undefined ? null : (JSON.parse(doc) as T);
}

function parseAll<T>(docs: readonly string[]): T[] {
  return docs.map((d) => JSON.parse(d) as T);
}

/** Builds "WHERE a AND b" from optional conditions; an empty list filter makes the whole query match nothing. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  none = false;

  eq(column: string, value: string | number | undefined): this {
    if (value !== undefined) {
      this.parts.push(`${column} = ?`);
      this.params.push(value);
    }
    return this;
  }

  anyOf(column: string, values: readonly string[] | undefined): this {
    if (values === undefined) return this;
    if (values.length === 0) this.none = true;
    this.parts.push(`${column} IN ${IN_LIST}`);
    this.params.push(jsonList(values));
    return this;
  }

  toString(): string {
    return this.parts.length > 0 ? ` WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * The UNIQUE constraint of users.openid (schema.ts) refused the write. Duck-typed, not instanceof:
 * better-sqlite3's native part keeps the SqliteError class of the first realm that loaded it.
 */
function isOpenidTaken(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('users.openid');
}

export class SqliteDirectory implements DirectoryStore {
  private readonly putUserTx: Database.Transaction<(user: User) => void>;
  private readonly cache: DocCache;

  constructor(private readonly st: StatementCache) {
    this.putUserTx = st.db.transaction((user: User) => this.putUserNow(user));
    this.cache = new DocCache(st.db);
  }

  /** The `doc` column of every row `sql` selects, through the cache. */
  private docs(sql: string, params: readonly unknown[]): readonly string[] {
    return this.cache.docs(sql, params, () => (this.st.get(sql).all(...params) as DocRow[]).map((r) => r.doc));
  }

  /** A directory write: runs `write`, then drops every cached read (also when `write` fails half-way). */
  private write(write: () => void): void {
    try {
      write();
    } finally {
      this.cache.clear();
    }
  }

  async getEstate(id: string): Promise<Estate | null> {
    return parseFirst<Estate>(this.docs('SELECT doc FROM estates WHERE id = ?', [id]));
  }

  async getEstateByScene(sceneCode: string): Promise<Estate | null> {
    return parseFirst<Estate>(this.docs('SELECT doc FROM estates WHERE scene_code = ?', [sceneCode]));
  }

  async listEstates(filter: { jurisdiction?: string; ids?: string[] }): Promise<Estate[]> {
    const w = new Where().eq('jurisdiction', filter.jurisdiction).anyOf('id', filter.ids);
    return this.list<Estate>('estates', w);
  }

  async putEstate(estate: Estate): Promise<void> {
    this.write(() => {
      this.st
        .get(
          `INSERT INTO estates (id, jurisdiction, scene_code, doc) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET jurisdiction = excluded.jurisdiction, scene_code = excluded.scene_code, doc = excluded.doc`,
        )
        .run(estate.id, estate.jurisdiction, estate.sceneCode, JSON.stringify(estate));
    });
  }

  async getGrid(id: string): Promise<Grid | null> {
    return parseFirst<Grid>(this.docs('SELECT doc FROM grids WHERE id = ?', [id]));
  }

  async listGrids(filter: { jurisdiction?: string; estateId?: string }): Promise<Grid[]> {
    const w = new Where().eq('jurisdiction', filter.jurisdiction);
    if (filter.estateId !== undefined) {
      w.parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.estateIds') e WHERE e.value = ?)`);
      w.params.push(filter.estateId);
    }
    return this.list<Grid>('grids', w);
  }

  async putGrid(grid: Grid): Promise<void> {
    this.write(() => {
      this.st
        .get(
          `INSERT INTO grids (id, jurisdiction, doc) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET jurisdiction = excluded.jurisdiction, doc = excluded.doc`,
        )
        .run(grid.id, grid.jurisdiction, JSON.stringify(grid));
    });
  }

  /** A re-imported grid table left this grid out (usecases/county.ts importGrids checked nothing binds it). */
  async deleteGrid(id: string): Promise<void> {
    this.write(() => {
      this.st.get('DELETE FROM grids WHERE id = ?').run(id);
    });
  }

  async getUser(id: string): Promise<User | null> {
    return parseFirst<User>(this.docs('SELECT doc FROM users WHERE id = ?', [id]));
  }

  async getUserByOpenid(openid: string): Promise<User | null> {
    return parseFirst<User>(this.docs('SELECT doc FROM users WHERE openid = ?', [openid]));
  }

  /**
   * The grant filters (jurisdiction, role, unitId) must all hold on ONE grant of the user: a police
   * officer of one jurisdiction who is a resident in another is not a police officer of the second.
   * unitId matches the units a user acts for and the streets (township units) a user covers.
   * Read through user_roles / user_units (user-query.ts): the cost follows the users found.
   */
  async listUsers(filter: UserFilter): Promise<User[]> {
    const q = buildUserQuery(filter);
    return parseAll<User>(this.docs(q.sql, q.params));
  }

  /**
   * The user row and its user_roles / user_units rows, in one transaction. An openid bound to
   * another user is refused (400 USER.OPENID_TAKEN) and nothing is written.
   */
  async putUser(user: User): Promise<void> {
    this.write(() => {
      try {
        this.putUserTx.immediate(user);
      } catch (err) {
        if (isOpenidTaken(err)) throw new DomainError('USER.OPENID_TAKEN', '该微信账号已绑定其他用户');
        throw err;
      }
    });
  }

  /** Drops every cached read: for a unit of work that wrote users through putUserNow (invitation-store.ts). */
  clearCache(): void {
    this.cache.clear();
  }

  /** The user row and its index rows, inside the caller's transaction (putUser wraps it in its own). */
  putUserNow(user: User): void {
    this.st
      .get(
        `INSERT INTO users (id, openid, demo, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET openid = excluded.openid, demo = excluded.demo, doc = excluded.doc`,
      )
      .run(user.id, user.openid, user.demo ? 1 : 0, JSON.stringify(user));
    this.st.get('DELETE FROM user_roles WHERE user_id = ?').run(user.id);
    this.st.get('DELETE FROM user_units WHERE user_id = ?').run(user.id);
    const rows = userIndexRows(user);
    const role = this.st.get('INSERT INTO user_roles (role, jurisdiction, user_id) VALUES (?, ?, ?)');
    for (const [r, j] of rows.roles) role.run(r, j, user.id);
    const unit = this.st.get('INSERT INTO user_units (unit_id, user_id) VALUES (?, ?)');
    for (const u of rows.units) unit.run(u, user.id);
  }

  async listPropertyCompanies(jurisdiction?: string): Promise<PropertyCompany[]> {
    return this.list<PropertyCompany>('property_companies', new Where().eq('jurisdiction', jurisdiction));
  }

  async putPropertyCompany(company: PropertyCompany): Promise<void> {
    this.write(() => {
      this.st
        .get(
          `INSERT INTO property_companies (id, jurisdiction, doc) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET jurisdiction = excluded.jurisdiction, doc = excluded.doc`,
        )
        .run(company.id, company.jurisdiction, JSON.stringify(company));
    });
  }

  async listUnitContacts(unitIds?: string[]): Promise<UnitContact[]> {
    return this.list<UnitContact>('unit_contacts', new Where().anyOf('unit_id', unitIds), 'unit_id');
  }

  async putUnitContact(contact: UnitContact): Promise<void> {
    this.write(() => {
      this.st
        .get('INSERT INTO unit_contacts (unit_id, doc) VALUES (?, ?) ON CONFLICT (unit_id) DO UPDATE SET doc = excluded.doc')
        .run(contact.unitId, JSON.stringify(contact));
    });
  }

  async getSlaPolicy(jurisdiction: string): Promise<unknown | null> {
    return parseFirst<unknown>(this.docs('SELECT doc FROM sla_policies WHERE jurisdiction = ?', [jurisdiction]));
  }

  async putSlaPolicy(jurisdiction: string, policy: unknown): Promise<void> {
    this.write(() => {
      this.st
        .get('INSERT INTO sla_policies (jurisdiction, doc) VALUES (?, ?) ON CONFLICT (jurisdiction) DO UPDATE SET doc = excluded.doc')
        .run(jurisdiction, JSON.stringify(policy));
    });
  }

  async listOwnerGroups(filter: { estateId?: string; estateIds?: string[]; ids?: string[] }): Promise<OwnerGroup[]> {
    return this.list<OwnerGroup>('owner_groups', new Where().eq('estate_id', filter.estateId).anyOf('estate_id', filter.estateIds).anyOf('id', filter.ids));
  }

  async putOwnerGroup(group: OwnerGroup): Promise<void> {
    this.write(() => {
      this.st
        .get(
          `INSERT INTO owner_groups (id, estate_id, doc) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET estate_id = excluded.estate_id, doc = excluded.doc`,
        )
        .run(group.id, group.estateId, JSON.stringify(group));
    });
  }

  /** Lists in id order, so that screens and seeds see a stable order. */
  private list<T>(table: string, where: Where, orderBy = 'id'): T[] {
    if (where.none) return [];
    return parseAll<T>(this.docs(`SELECT doc FROM ${table}${where.toString()} ORDER BY ${orderBy}`, where.params));
  }
}
