/** The 九不准 ledger on SQLite (table `violations`, migration 2). */
import type { Violation } from '../../shared/domain/violation';
import type { ViolationFilter, ViolationStore } from '../../shared/ports/store';
import type { StatementCache } from './statements';

export class SqliteViolations implements ViolationStore {
  constructor(private readonly st: StatementCache) {}

  async putViolation(v: Violation): Promise<void> {
    this.st
      .get(
        `INSERT INTO violations (id, company_id, year, jurisdiction, confirmed_at, doc) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET company_id = excluded.company_id, year = excluded.year,
           jurisdiction = excluded.jurisdiction, confirmed_at = excluded.confirmed_at, doc = excluded.doc`,
      )
      .run(v.id, v.companyId, v.year, v.jurisdiction, v.confirmedAt, JSON.stringify(v));
  }

  async listViolations(filter: ViolationFilter): Promise<Violation[]> {
    const parts: string[] = [];
    const params: Array<string | number> = [];
    const eq = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      parts.push(`${column} = ?`);
      params.push(value);
    };
    eq('company_id', filter.companyId);
    eq('year', filter.year);
    eq('jurisdiction', filter.jurisdiction);
    const where = parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
    const rows = this.st.get(`SELECT doc FROM violations${where} ORDER BY confirmed_at, id`).all(...params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as Violation);
  }
}
