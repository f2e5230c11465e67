import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../../../shared/domain/directory';
import type { DirectoryStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, getAll, toDoc, withoutId, type CollectionName } from './collections';
import type { CbDatabase, CbQuery, DocData } from './sdk';

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

export function createCloudbaseDirectoryStore(db: CbDatabase): DirectoryStore {
  const _ = db.command;

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
    getEstate: (id) => getById<Estate>(COLLECTIONS.estates, id),
    getEstateByScene: (sceneCode) => findOne<Estate>(COLLECTIONS.estates, { sceneCode }),
    async listEstates(filter) {
      const where: DocData = filter.jurisdiction !== undefined ? { jurisdiction: filter.jurisdiction } : {};
      if (filter.ids) return listByIds<Estate>(COLLECTIONS.estates, filter.ids, where);
      return list<Estate>(COLLECTIONS.estates, where);
    },
    putEstate: (estate) => put(COLLECTIONS.estates, estate.id, estate),

    getGrid: (id) => getById<Grid>(COLLECTIONS.grids, id),
    listGrids(filter) {
      const where: DocData = {};
      if (filter.jurisdiction !== undefined) where.jurisdiction = filter.jurisdiction;
      // Array field: matches grids whose estateIds contain this estate.
      if (filter.estateId !== undefined) where.estateIds = filter.estateId;
      return list<Grid>(COLLECTIONS.grids, where);
    },
    putGrid: (grid) => put(COLLECTIONS.grids, grid.id, grid),

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
    putUser: (user) => put(COLLECTIONS.users, user.id, userDoc(user)),

    listPropertyCompanies: (jurisdiction) =>
      list<PropertyCompany>(COLLECTIONS.propertyCompanies, jurisdiction !== undefined ? { jurisdiction } : {}),
    putPropertyCompany: (company) => put(COLLECTIONS.propertyCompanies, company.id, company),

    listUnitContacts: (unitIds) =>
      unitIds ? listByIds<UnitContact>(COLLECTIONS.unitContacts, unitIds, {}) : list<UnitContact>(COLLECTIONS.unitContacts, {}),
    putUnitContact: (contact) => put(COLLECTIONS.unitContacts, contact.unitId, contact),

    async getSlaPolicy(jurisdiction) {
      const doc = await getById<{ policy?: unknown }>(COLLECTIONS.slaPolicies, jurisdiction);
      return doc?.policy ?? null;
    },
    putSlaPolicy: (jurisdiction, policy) => put(COLLECTIONS.slaPolicies, jurisdiction, { jurisdiction, policy }),

    listOwnerGroups(filter) {
      const where: DocData = filter.estateId !== undefined ? { estateId: filter.estateId } : {};
      if (filter.ids) return listByIds<OwnerGroup>(COLLECTIONS.ownerGroups, filter.ids, where);
      return list<OwnerGroup>(COLLECTIONS.ownerGroups, where);
    },
    putOwnerGroup: (group) => put(COLLECTIONS.ownerGroups, group.id, group),
  };
}
