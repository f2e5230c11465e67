import type { Violation } from '../../../shared/domain/violation';
import type { ViolationStore } from '../../../shared/ports/store';
import { COLLECTIONS, fromDoc, getAll, toDoc, withoutId } from './collections';
import type { CbDatabase, CbQuery, DocData } from './sdk';

/** The 九不准 ledger in the `violations` collection (`_id` = Violation.id). */
export function createCloudbaseViolationStore(db: CbDatabase): ViolationStore {
  return {
    async putViolation(violation) {
      await db.collection(COLLECTIONS.violations).doc(violation.id).set(withoutId(toDoc(violation.id, violation)));
    },
    async listViolations(filter) {
      const where: DocData = {};
      if (filter.companyId !== undefined) where.companyId = filter.companyId;
      if (filter.year !== undefined) where.year = filter.year;
      if (filter.jurisdiction !== undefined) where.jurisdiction = filter.jurisdiction;
      const base: CbQuery = db.collection(COLLECTIONS.violations);
      const query = Object.keys(where).length > 0 ? base.where(where) : base;
      const docs = await getAll(query.orderBy('confirmedAt', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<Violation>(d));
    },
  };
}
