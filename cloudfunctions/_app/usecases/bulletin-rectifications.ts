/**
 * The 月通报's overdue 整改通知 (issue 20 §1): the notices overdue in the month and those closed late
 * in it (shared/governance/month-overdue.ts), named, for two sheets of the bulletin, 逾期整改通知 and
 * 逾期整改汇总 (per township, issuing unit and company). The same scope as the ticket tables: the
 * whole jurisdiction, the caller's streets (属地) or the notices the caller's units issued.
 */
import { monthOverdueNotices, tallyOverdue, type MonthOverdueNotice } from '../../../shared/governance/month-overdue';
import { unitName } from '../../../shared/governance/names';
import { RECTIFICATION_STATUS_LABELS, type RectificationFilter, type RectificationNotice } from '../../../shared/governance/rectification';
import { shanghaiDay } from '../../../shared/governance/ledger-sheet';
import type { TicketFilter } from '../../../shared/ports/store';
import type { AppDeps } from '../context';

/** The bulletin's scope (bulletin.ts BulletinScope), as far as notices need it. */
type Scope = { filters: readonly TicketFilter[] };

export interface RectificationRow {
  no: string;
  estate: string;
  township: string;
  company: string;
  issuer: string;
  problem: string;
  basis: string;
  deadline: string;
  overdueDays: number;
  /** As the month ended (or at generation time). */
  status: string;
  closedAt: string;
}

export interface RectificationTallyRow {
  by: '乡镇（街道）' | '下达单位' | '物业服务企业';
  name: string;
  overdue: number;
  stillOverdue: number;
  closedLate: number;
}

export interface BulletinRectifications {
  rows: RectificationRow[];
  tally: RectificationTallyRow[];
}

export const NO_RECTIFICATIONS: BulletinRectifications = { rows: [], tally: [] };

const BY_LABEL = { township: '乡镇（街道）', unit: '下达单位', company: '物业服务企业' } as const;

/** The rows with names (pure): the month's rows of month-overdue.ts and the names of estates and companies. */
export function nameRectifications(rows: readonly MonthOverdueNotice[], names: { estate: (id: string) => string; company: (id: string) => string }): BulletinRectifications {
  const status = (r: MonthOverdueNotice) => (r.status === 'overdue' ? RECTIFICATION_STATUS_LABELS.overdue : `${RECTIFICATION_STATUS_LABELS[r.status]}（逾期）`);
  return {
    rows: rows.map((r) => ({
      no: r.no,
      estate: names.estate(r.estateId),
      township: unitName(r.townshipId),
      company: r.companyId ? names.company(r.companyId) : '—',
      issuer: unitName(r.issuerUnitId),
      problem: r.problem,
      basis: r.basis || '—',
      deadline: shanghaiDay(r.deadline),
      overdueDays: r.overdueDays,
      status: status(r),
      closedAt: r.closedAt ? shanghaiDay(r.closedAt) : '—',
    })),
    tally: tallyOverdue(rows).map((t) => ({
      by: BY_LABEL[t.by],
      name: t.by === 'company' ? names.company(t.key) : unitName(t.key),
      overdue: t.overdue,
      stillOverdue: t.stillOverdue,
      closedLate: t.closedLate,
    })),
  };
}

/** The scope's notice filters: 全辖区 by jurisdiction, a street officer by township, a unit by the notices it issued. */
export function noticeFilters(scope: Scope, deadlineBefore: string): RectificationFilter[] {
  return scope.filters.map((f) => ({
    ...(f.jurisdictions ? { jurisdictions: f.jurisdictions } : {}),
    ...(f.streetIds ? { townshipIds: f.streetIds } : {}),
    ...(f.unitIds ? { issuerUnitIds: f.unitIds } : {}),
    deadlineBefore,
  }));
}

/** Reads the scope's notices whose deadline passed by the cut, and names the month's overdue ones. */
export async function monthRectifications(deps: AppDeps, scope: Scope, range: { from: string; to: string }, now: string): Promise<BulletinRectifications> {
  const cut = Date.parse(range.to) < Date.parse(now) ? range.to : now;
  const lists = await Promise.all(noticeFilters(scope, cut).map((f) => deps.store.listRectificationNotices(f)));
  const byId = new Map<string, RectificationNotice>();
  for (const n of lists.flat()) byId.set(n.id, n);
  const rows = monthOverdueNotices([...byId.values()], range, now);
  if (!rows.length) return NO_RECTIFICATIONS;
  const estateIds = [...new Set(rows.map((r) => r.estateId))];
  const [estates, companies] = await Promise.all([deps.store.listEstates({ ids: estateIds }), rows.some((r) => r.companyId) ? deps.store.listPropertyCompanies() : []]);
  const estateNames = new Map(estates.map((e) => [e.id, e.name]));
  const companyNames = new Map(companies.map((c) => [c.id, c.name]));
  return nameRectifications(rows, { estate: (id) => estateNames.get(id) ?? id, company: (id) => companyNames.get(id) ?? id });
}
