/** Issue 20 §1–3 on SQLite: rectification notices, "123" class changes, patrol visits (governance-schema.ts). */
import type { StandingRecord } from '../../shared/assessment/standing-record';
import type { EstateClassChange } from '../../shared/governance/estate-class';
import type { RectificationFilter, RectificationNotice } from '../../shared/governance/rectification';
import type { PatrolVisit } from '../../shared/governance/visits';
import { StoreConflictError, type GovernanceStore, type RectificationStore } from '../../shared/ports/store';
import { IN_LIST, jsonList, type StatementCache } from './statements';

/** WHERE parts and parameters built from a filter: every given field must hold. */
class Where {
  readonly parts: string[] = [];
  readonly params: Array<string | number> = [];
  eq(column: string, value: string | number | undefined): void {
    if (value === undefined) return;
    this.parts.push(`${column} = ?`);
    this.params.push(value);
  }
  in(column: string, values: readonly string[] | undefined): void {
    if (values === undefined) return;
    this.parts.push(`${column} IN ${IN_LIST}`);
    this.params.push(jsonList(values));
  }
  cmp(column: string, op: '<=' | '>=' | '<', value: string | undefined): void {
    if (value === undefined) return;
    this.parts.push(`${column} ${op} ?`);
    this.params.push(value);
  }
  toString(): string {
    return this.parts.length ? ` WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export class SqliteGovernance implements RectificationStore, GovernanceStore {
  constructor(private readonly st: StatementCache) {}

  async createRectificationNotice(n: RectificationNotice): Promise<boolean> {
    const info = this.st
      .get(
        `INSERT INTO rectification_notices (id, jurisdiction, estate_id, township_id, company_id, issuer_unit_id, status, issued_at, deadline, version, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(n.id, n.jurisdiction, n.estateId, n.townshipId, n.companyId, n.issuerUnitId, n.status, n.issuedAt, n.deadline, n.version, JSON.stringify(n));
    return info.changes === 1;
  }

  async updateRectificationNotice(n: RectificationNotice, expectedVersion: number): Promise<void> {
    const info = this.st
      .get(
        `UPDATE rectification_notices SET jurisdiction = ?, estate_id = ?, township_id = ?, company_id = ?, issuer_unit_id = ?, status = ?,
           issued_at = ?, deadline = ?, version = ?, doc = ? WHERE id = ? AND version = ?`,
      )
      .run(n.jurisdiction, n.estateId, n.townshipId, n.companyId, n.issuerUnitId, n.status, n.issuedAt, n.deadline, n.version, JSON.stringify(n), n.id, expectedVersion);
    if (info.changes !== 1) throw new StoreConflictError('整改通知已被他人更新，请刷新后重试');
  }

  async getRectificationNotice(id: string): Promise<RectificationNotice | null> {
    const row = this.st.get('SELECT doc FROM rectification_notices WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as RectificationNotice) : null;
  }

  async listRectificationNotices(filter: RectificationFilter): Promise<RectificationNotice[]> {
    const w = new Where();
    w.in('jurisdiction', filter.jurisdictions);
    w.in('estate_id', filter.estateIds);
    w.eq('company_id', filter.companyId);
    w.in('township_id', filter.townshipIds);
    w.in('issuer_unit_id', filter.issuerUnitIds);
    w.in('status', filter.statuses);
    w.cmp('deadline', '<=', filter.deadlineBefore);
    w.cmp('issued_at', '>=', filter.issuedFrom);
    w.cmp('issued_at', '<', filter.issuedTo);
    const rows = this.st.get(`SELECT doc FROM rectification_notices${w} ORDER BY issued_at, id`).all(...w.params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as RectificationNotice);
  }

  async addEstateClassChange(c: EstateClassChange): Promise<void> {
    this.st
      .get('INSERT INTO estate_class_changes (id, estate_id, jurisdiction, set_at, doc) VALUES (?, ?, ?, ?, ?)')
      .run(c.id, c.estateId, c.jurisdiction, c.setAt, JSON.stringify(c));
  }

  async listEstateClassChanges(filter: { jurisdictions?: string[]; estateIds?: string[] }): Promise<EstateClassChange[]> {
    const w = new Where();
    w.in('jurisdiction', filter.jurisdictions);
    w.in('estate_id', filter.estateIds);
    const rows = this.st.get(`SELECT doc FROM estate_class_changes${w} ORDER BY set_at, id`).all(...w.params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as EstateClassChange);
  }

  async putPatrolVisit(v: PatrolVisit): Promise<void> {
    this.st
      .get(
        `INSERT INTO patrol_visits (id, estate_id, jurisdiction, year, at, doc) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET estate_id = excluded.estate_id, jurisdiction = excluded.jurisdiction,
           year = excluded.year, at = excluded.at, doc = excluded.doc`,
      )
      .run(v.id, v.estateId, v.jurisdiction, v.year, v.at, JSON.stringify(v));
  }

  async listPatrolVisits(filter: { jurisdictions?: string[]; year?: number; estateIds?: string[] }): Promise<PatrolVisit[]> {
    const w = new Where();
    w.in('jurisdiction', filter.jurisdictions);
    w.eq('year', filter.year);
    w.in('estate_id', filter.estateIds);
    const rows = this.st.get(`SELECT doc FROM patrol_visits${w} ORDER BY at, id`).all(...w.params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as PatrolVisit);
  }

  async addStandingRecord(r: StandingRecord): Promise<boolean> {
    const info = this.st
      .get('INSERT INTO standing_records (id, company_id, jurisdiction, year, at, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(r.id, r.companyId, r.jurisdiction, r.year, r.at, JSON.stringify(r));
    return info.changes === 1;
  }

  async listStandingRecords(filter: { companyIds?: string[]; jurisdictions?: string[]; year?: number }): Promise<StandingRecord[]> {
    const w = new Where();
    w.in('company_id', filter.companyIds);
    w.in('jurisdiction', filter.jurisdictions);
    w.eq('year', filter.year);
    const rows = this.st.get(`SELECT doc FROM standing_records${w} ORDER BY at, id`).all(...w.params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as StandingRecord);
  }
}
