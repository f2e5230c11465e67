import type { StandingRecord } from '../../../shared/assessment/standing-record';
import type { EstateClassChange } from '../../../shared/governance/estate-class';
import type { RectificationFilter, RectificationNotice } from '../../../shared/governance/rectification';
import type { PatrolVisit } from '../../../shared/governance/visits';
import { StoreConflictError, type GovernanceStore, type RectificationStore } from '../../../shared/ports/store';
import { COLLECTIONS, fromDoc, getAll, toDoc, withoutId } from './collections';
import { isDuplicateWrite, type CbDatabase, type CbQueryCommand, type DocData } from './sdk';

/**
 * Issue 20 §1–3 in the `rectification_notices`, `estate_class_changes` and `patrol_visits`
 * collections (`_id` = our id). A notice is updated with a version-checked `where({_id, version})
 * .update()` (one modifyDocument), as tickets were before transactions.
 */
export function createCloudbaseGovernanceStore(db: CbDatabase): RectificationStore & GovernanceStore {
  const _ = db.command;
  const notices = () => db.collection(COLLECTIONS.rectificationNotices);

  function where(conditions: Array<DocData | CbQueryCommand>) {
    return conditions.length === 0 ? null : conditions.length === 1 ? (conditions[0] as DocData) : _.and(conditions);
  }

  return {
    async createRectificationNotice(notice) {
      try {
        await notices().add(toDoc(notice.id, notice));
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
    async updateRectificationNotice(next, expectedVersion) {
      if (next.version <= expectedVersion) throw new Error(`新版本 ${next.version} 必须大于预期版本 ${expectedVersion}`);
      const { updated } = await notices()
        .where({ _id: next.id, version: expectedVersion })
        .update(withoutId(toDoc(next.id, next)));
      if (updated !== 1) throw new StoreConflictError('整改通知已被他人更新，请刷新后重试');
    },
    async getRectificationNotice(id) {
      const { data } = await notices().doc(id).get();
      return data[0] ? fromDoc<RectificationNotice>(data[0]) : null;
    },
    async listRectificationNotices(filter: RectificationFilter) {
      const c: Array<DocData | CbQueryCommand> = [];
      // The most selective field first: it is the one an index starts with.
      if (filter.estateIds) c.push({ estateId: _.in(filter.estateIds) });
      if (filter.companyId !== undefined) c.push({ companyId: filter.companyId });
      if (filter.statuses) c.push({ status: _.in(filter.statuses) });
      if (filter.jurisdictions) c.push({ jurisdiction: _.in(filter.jurisdictions) });
      if (filter.townshipIds) c.push({ townshipId: _.in(filter.townshipIds) });
      if (filter.issuerUnitIds) c.push({ issuerUnitId: _.in(filter.issuerUnitIds) });
      if (filter.deadlineBefore !== undefined) c.push({ deadline: _.lte(filter.deadlineBefore) });
      if (filter.issuedFrom !== undefined) c.push({ issuedAt: _.gte(filter.issuedFrom) });
      if (filter.issuedTo !== undefined) c.push({ issuedAt: _.lt(filter.issuedTo) });
      const w = where(c);
      const base = w ? notices().where(w) : notices();
      const docs = await getAll(base.orderBy('issuedAt', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<RectificationNotice>(d));
    },
    async addEstateClassChange(change) {
      await db.collection(COLLECTIONS.estateClassChanges).add(toDoc(change.id, change));
    },
    async listEstateClassChanges(filter) {
      const c: Array<DocData | CbQueryCommand> = [];
      if (filter.estateIds) c.push({ estateId: _.in(filter.estateIds) });
      if (filter.jurisdictions) c.push({ jurisdiction: _.in(filter.jurisdictions) });
      const w = where(c);
      const col = db.collection(COLLECTIONS.estateClassChanges);
      const docs = await getAll((w ? col.where(w) : col).orderBy('setAt', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<EstateClassChange>(d));
    },
    async putPatrolVisit(visit) {
      await db.collection(COLLECTIONS.patrolVisits).doc(visit.id).set(withoutId(toDoc(visit.id, visit)));
    },
    async listPatrolVisits(filter) {
      const c: Array<DocData | CbQueryCommand> = [];
      if (filter.estateIds) c.push({ estateId: _.in(filter.estateIds) });
      if (filter.jurisdictions) c.push({ jurisdiction: _.in(filter.jurisdictions) });
      if (filter.year !== undefined) c.push({ year: filter.year });
      const w = where(c);
      const col = db.collection(COLLECTIONS.patrolVisits);
      const docs = await getAll((w ? col.where(w) : col).orderBy('at', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<PatrolVisit>(d));
    },
    async addStandingRecord(record) {
      try {
        await db.collection(COLLECTIONS.standingRecords).add(toDoc(record.id, record));
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
    async listStandingRecords(filter) {
      const c: Array<DocData | CbQueryCommand> = [];
      if (filter.companyIds) c.push({ companyId: _.in(filter.companyIds) });
      if (filter.jurisdictions) c.push({ jurisdiction: _.in(filter.jurisdictions) });
      if (filter.year !== undefined) c.push({ year: filter.year });
      const w = where(c);
      const col = db.collection(COLLECTIONS.standingRecords);
      const docs = await getAll((w ? col.where(w) : col).orderBy('at', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<StandingRecord>(d));
    },
  };
}
