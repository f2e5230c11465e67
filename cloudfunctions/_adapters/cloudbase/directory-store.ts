import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../../../shared/domain/directory';
import type { DirectoryStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, getAll, toDoc, withoutId, type CollectionName } from './collections';
import { DomainError } from '../../../shared/lifecycle/errors';
import { isDuplicateWrite, type CbDatabase, type CbQuery, type DocData } from './sdk';

/**
 * `users.openid` has a unique sparse index (cloudfunctions/_deploy/resources.ts): a user without an
 * openid (staff not yet bound) is stored without the field, since a stored null is a value and a
 * second one would be a duplicate key. Read back, a missing openid is null again.
 */
export function userDoc(user: User): object {
  if (user.openid !== null) return user;
  const { openid: _none, ...rest } = user;
  return rest;
}

export function userFrom(user: User | null): User | null {
  return user && user.openid === undefined ? { ...user, openid: null } : user;
}

/** How long a container trusts directory reference data it read (see DirectoryCache). */
export const DIRECTORY_CACHE_TTL_MS = 60_000;

export interface DirectoryCacheOptions {
  /** Default DIRECTORY_CACHE_TTL_MS; 0 turns the cache off. */
  ttlMs?: number;
  /** Milliseconds clock of the cache (tests). */
  now?: () => number;
}

/**
 * The directory's reference data per warm container (issue 17 §2): estates, grids, SLA policies,
 * unit contacts and property companies, which change only when an administrator edits them, are
 * read once and then answered from memory.
 *
 * The invalidation rule:
 * - an entry is used for at most `ttlMs` (60 s) after it was read; a change made by another
 *   container (an administrator's call lands on any instance) is seen within that time;
 * - any directory write through this store (putEstate, putGrid, deleteGrid, putSlaPolicy, putUnitContact,
 *   putPropertyCompany) drops every entry at once, so this container reads its own writes;
 * - users and their grants are never cached (getUser, getUserByOpenid, listUsers always read the
 *   database), and neither are owner groups: the caller's identity and grants are read afresh on
 *   every call, so a revoked grant is refused on the next call in every container.
 * Entries are kept as JSON text and parsed for every caller, so no caller can change another's copy.
 */
class DirectoryCache {
  private readonly entries = new Map<string, { at: number; json: string | undefined }>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Moves on every clear: a read that began before a write does not store what it read. */
  private generation = 0;

  constructor(options: DirectoryCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DIRECTORY_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return (hit.json === undefined ? undefined : JSON.parse(hit.json)) as T;
    const at = this.now();
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.entries.set(key, { at, json: value === undefined ? undefined : JSON.stringify(value) });
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

export function createCloudbaseDirectoryStore(db: CbDatabase, cacheOptions?: DirectoryCacheOptions): DirectoryStore {
  const _ = db.command;
  const cache = new DirectoryCache(cacheOptions);
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => cache.read(key, load);
  /** A directory write: the cache is dropped before and after it (a read racing the write does not keep what it read). */
  const written = async (write: Promise<void>): Promise<void> => {
    cache.clear();
    try {
      await write;
    } finally {
      cache.clear();
    }
  };

  async function getById<T>(collection: CollectionName, id: string): Promise<T | null> {
    const { data } = await db.collection(collection).doc(id).get();
    const doc = data[0];
    return doc ? fromDoc<T>(doc) : null;
  }

  async function findOne<T>(collection: CollectionName, where: DocData): Promise<T | null> {
    const { data } = await db.collection(collection).where(where).orderBy('_id', 'asc').limit(1).get();
    const doc = data[0];
    return doc ? fromDoc<T>(doc) : null;
  }

  /** All matching documents, ordered by id (a stable order the callers can rely on). */
  async function listDocs(collection: CollectionName, where: DocData): Promise<DocData[]> {
    const base: CbQuery = db.collection(collection);
    const query = Object.keys(where).length > 0 ? base.where(where) : base;
    return getAll(query.orderBy('_id', 'asc'));
  }

  async function list<T>(collection: CollectionName, where: DocData): Promise<T[]> {
    return (await listDocs(collection, where)).map((d) => fromDoc<T>(d));
  }

  /** The same list restricted to ids (an empty list means none), still ordered by id. */
  async function listByIds<T>(collection: CollectionName, ids: readonly string[], where: DocData): Promise<T[]> {
    const docs: DocData[] = [];
    for (const part of chunk([...new Set(ids)], 100)) {
      docs.push(...(await listDocs(collection, { ...where, _id: _.in(part) })));
    }
    docs.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0));
    return docs.map((d) => fromDoc<T>(d));
  }

  /** Whole-document replace keyed by id (doc().set is an upsert with merge=false). */
  async function put(collection: CollectionName, id: string, value: object): Promise<void> {
    await db.collection(collection).doc(id).set(withoutId(toDoc(id, value)));
  }

  return {
    getEstate: (id) => cached(`estate:${id}`, () => getById<Estate>(COLLECTIONS.estates, id)),
    getEstateByScene: (sceneCode) => cached(`estate-scene:${sceneCode}`, () => findOne<Estate>(COLLECTIONS.estates, { sceneCode })),
    listEstates(filter) {
      const where: DocData = filter.jurisdiction !== undefined ? { jurisdiction: filter.jurisdiction } : {};
      if (filter.ids) {
        const ids = filter.ids;
        return cached(`estates:${JSON.stringify([filter.jurisdiction ?? null, [...new Set(ids)].sort()])}`, () => listByIds<Estate>(COLLECTIONS.estates, ids, where));
      }
      return cached(`estates:${JSON.stringify([filter.jurisdiction ?? null])}`, () => list<Estate>(COLLECTIONS.estates, where));
    },
    putEstate: (estate) => written(put(COLLECTIONS.estates, estate.id, estate)),

    getGrid: (id) => cached(`grid:${id}`, () => getById<Grid>(COLLECTIONS.grids, id)),
    listGrids(filter) {
      const where: DocData = {};
      if (filter.jurisdiction !== undefined) where.jurisdiction = filter.jurisdiction;
      // Array field: matches grids whose estateIds contain this estate.
      if (filter.estateId !== undefined) where.estateIds = filter.estateId;
      return cached(`grids:${JSON.stringify([filter.jurisdiction ?? null, filter.estateId ?? null])}`, () => list<Grid>(COLLECTIONS.grids, where));
    },
    putGrid: (grid) => written(put(COLLECTIONS.grids, grid.id, grid)),
    deleteGrid: (id) =>
      written(
        db
          .collection(COLLECTIONS.grids)
          .doc(id)
          .remove()
          .then(() => undefined),
      ),

    getUser: async (id) => userFrom(await getById<User>(COLLECTIONS.users, id)),
    getUserByOpenid: async (openid) => userFrom(await findOne<User>(COLLECTIONS.users, { openid })),
    async listUsers(filter) {
      const where: DocData = {};
      if (filter.demo !== undefined) where.demo = filter.demo;
      // Role, jurisdiction and unit must hold in the same grant: a police officer of one
      // jurisdiction who is a resident of another is not a police officer of the second. A unit
      // id matches the units a user acts for and the streets (township units) the user covers.
      const grant: DocData = {};
      if (filter.jurisdiction !== undefined) grant.jurisdiction = filter.jurisdiction;
      if (filter.role !== undefined) grant.role = filter.role;
      if (filter.unitId !== undefined) grant.$or = [{ units: filter.unitId }, { streets: filter.unitId }];
      if (Object.keys(grant).length > 0) where.grants = _.elemMatch(grant);
      return (await list<User>(COLLECTIONS.users, where)).map((u) => userFrom(u) as User);
    },
    // An openid bound to another user breaks the unique index (openid_unique): 400 USER.OPENID_TAKEN, as on SQLite.
    putUser: (user) =>
      put(COLLECTIONS.users, user.id, userDoc(user)).catch((error: unknown) => {
        throw isDuplicateWrite(error) ? new DomainError('USER.OPENID_TAKEN', '该微信账号已绑定其他用户') : error;
      }),

    listPropertyCompanies: (jurisdiction) =>
      cached(`companies:${JSON.stringify([jurisdiction ?? null])}`, () =>
        list<PropertyCompany>(COLLECTIONS.propertyCompanies, jurisdiction !== undefined ? { jurisdiction } : {}),
      ),
    putPropertyCompany: (company) => written(put(COLLECTIONS.propertyCompanies, company.id, company)),

    listUnitContacts: (unitIds) =>
      cached(`contacts:${JSON.stringify(unitIds ? [...new Set(unitIds)].sort() : null)}`, () =>
        unitIds ? listByIds<UnitContact>(COLLECTIONS.unitContacts, unitIds, {}) : list<UnitContact>(COLLECTIONS.unitContacts, {}),
      ),
    putUnitContact: (contact) => written(put(COLLECTIONS.unitContacts, contact.unitId, contact)),

    getSlaPolicy: (jurisdiction) =>
      cached(`sla:${jurisdiction}`, async () => {
        const doc = await getById<{ policy?: unknown }>(COLLECTIONS.slaPolicies, jurisdiction);
        return doc?.policy ?? null;
      }),
    putSlaPolicy: (jurisdiction, policy) => written(put(COLLECTIONS.slaPolicies, jurisdiction, { jurisdiction, policy })),

    async listOwnerGroups(filter) {
      const where: DocData = filter.estateId !== undefined ? { estateId: filter.estateId } : {};
      if (filter.ids) return listByIds<OwnerGroup>(COLLECTIONS.ownerGroups, filter.ids, where);
      if (filter.estateIds) {
        // Several estates in one `_.in` request each 100 (the owner_groups estateId index), in id order.
        const parts = chunk([...new Set(filter.estateIds)], 100);
        const lists = await Promise.all(parts.map((part) => list<OwnerGroup>(COLLECTIONS.ownerGroups, { ...where, estateId: _.in(part) })));
        return lists.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      return list<OwnerGroup>(COLLECTIONS.ownerGroups, where);
    },
    putOwnerGroup: (group) => put(COLLECTIONS.ownerGroups, group.id, group),
  };
}
