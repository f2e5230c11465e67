/**
 * The 整改通知 that were overdue in a month, for the 月通报 (issue 20 §1 "Overdue notices appear in
 * the sweep and on dashboards"; the bulletin carries them per township, issuing unit and company).
 *
 * Basis, as the ledger cites it (ledger-sheet.ts): 000_54099d4cd549e82b.txt 序号6 "梳理各小区存在的问题，
 * 建立问题清单、整改清单、限时整改"; 004_130a68cab0166a86.txt "建立台账，进行梳理分析，确定整改措施、期限、
 * 责任人"; 002_bbc741157aca8db7.txt 附件3 names the 住宅小区项目整治台账.
 *
 * Month cut: a notice's state at an instant is replayed from its own dated answers and reviews, and
 * the month is read as it stood at its end (or at generation time, while it runs). So a bulletin of a
 * past month is not changed by an answer or acceptance that came after the month. Pure: time is an argument.
 */
import type { RectificationNotice, RectificationStatus } from './rectification';

const DAY_MS = 24 * 60 * 60 * 1000;

type Notice = Pick<RectificationNotice, 'issuedAt' | 'deadline' | 'answers' | 'reviews'>;

/** The notice's status at instant `t` from its dated history (null: not yet issued); past the deadline awaiting an answer = overdue. */
export function statusAt(n: Notice, t: number): RectificationStatus | null {
  if (Date.parse(n.issuedAt) > t) return null;
  const moves = [
    ...n.answers.map((a) => ({ at: Date.parse(a.at), status: 'answered' as RectificationStatus })),
    ...n.reviews.map((r) => ({ at: Date.parse(r.at), status: r.verdict as RectificationStatus })),
  ]
    .filter((m) => m.at <= t)
    .sort((a, b) => a.at - b.at);
  const last = moves[moves.length - 1]?.status ?? 'open';
  const awaiting = last === 'open' || last === 'rejected';
  return awaiting && Date.parse(n.deadline) <= t ? 'overdue' : last;
}

/** Milliseconds the notice spent past its deadline still owing an answer, within [deadline, cut). */
export function overdueMs(n: Notice, cut: number): number {
  const deadline = Date.parse(n.deadline);
  if (deadline >= cut) return 0;
  // The instants where its status may change after the deadline, then sum the overdue stretches.
  const points = [deadline, ...[...n.answers.map((a) => a.at), ...n.reviews.map((r) => r.at)].map(Date.parse).filter((t) => t > deadline && t < cut)].sort((a, b) => a - b);
  let total = 0;
  points.forEach((start, i) => {
    const end = points[i + 1] ?? cut;
    if (statusAt(n, start) === 'overdue') total += end - start;
  });
  return total;
}

/** Overdue at some instant of [from, cut): owing an answer past its deadline then. */
export function overdueWithin(n: Notice, from: number, cut: number): boolean {
  const start = Math.max(from, Date.parse(n.deadline));
  if (start >= cut) return false;
  const candidates = [start, ...n.reviews.filter((r) => r.verdict === 'rejected').map((r) => Date.parse(r.at)).filter((t) => t > start && t < cut)];
  return candidates.some((t) => statusAt(n, t) === 'overdue');
}

/** Accepted (销号) within [from, cut) on an answer that came after the deadline. */
export function closedLateWithin(n: Notice & Pick<RectificationNotice, 'status' | 'closedAt'>, from: number, cut: number): boolean {
  if (n.closedAt === null) return false;
  const closed = Date.parse(n.closedAt);
  if (closed < from || closed >= cut || statusAt(n, closed) !== 'accepted') return false;
  const accepted = n.answers.filter((a) => Date.parse(a.at) <= closed).pop();
  return !!accepted && Date.parse(accepted.at) > Date.parse(n.deadline);
}

export interface MonthOverdueNotice {
  no: string;
  estateId: string;
  townshipId: string;
  companyId: string | null;
  issuerUnitId: string;
  problem: string;
  basis: string;
  deadline: string;
  /** Status at the month's cut. */
  status: RectificationStatus;
  /** Overdue (owing an answer past the deadline) within the month. */
  overdueInMonth: boolean;
  /** Accepted within the month on a late answer. */
  closedLate: boolean;
  /** Whole days past the deadline owing an answer up to the cut (a started day counts). */
  overdueDays: number;
  /** When accepted, if by the cut. */
  closedAt: string | null;
}

/**
 * The month's overdue notices: those overdue at some instant of [from, cut) and those closed late
 * within it, cut = min(month end, now). Ordered by deadline, then number.
 */
export function monthOverdueNotices(notices: readonly RectificationNotice[], range: { from: string; to: string }, now: string): MonthOverdueNotice[] {
  const from = Date.parse(range.from);
  const cut = Math.min(Date.parse(range.to), Date.parse(now));
  const rows: MonthOverdueNotice[] = [];
  for (const n of notices) {
    const overdueInMonth = overdueWithin(n, from, cut);
    const closedLate = closedLateWithin(n, from, cut);
    if (!overdueInMonth && !closedLate) continue;
    const status = statusAt(n, cut - 1) ?? 'open';
    rows.push({
      no: n.no,
      estateId: n.estateId,
      townshipId: n.townshipId,
      companyId: n.companyId,
      issuerUnitId: n.issuerUnitId,
      problem: n.problem,
      basis: n.basis,
      deadline: n.deadline,
      status,
      overdueInMonth,
      closedLate,
      overdueDays: Math.ceil(overdueMs(n, cut) / DAY_MS),
      closedAt: status === 'accepted' ? n.closedAt : null,
    });
  }
  return rows.sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline) || (a.no < b.no ? -1 : 1));
}

export interface OverdueTally {
  /** 'township' | 'unit' | 'company' */
  by: 'township' | 'unit' | 'company';
  key: string;
  /** Notices overdue within the month. */
  overdue: number;
  /** Of all rows, still owing an answer past the deadline at the cut. */
  stillOverdue: number;
  /** Accepted within the month on a late answer. */
  closedLate: number;
}

/** Counts per township (属地), issuing unit and addressed company (notices against an estate have none). */
export function tallyOverdue(rows: readonly MonthOverdueNotice[]): OverdueTally[] {
  const tallies = new Map<string, OverdueTally>();
  const add = (by: OverdueTally['by'], key: string | null, r: MonthOverdueNotice) => {
    if (key === null) return;
    const id = `${by}|${key}`;
    const t = tallies.get(id) ?? { by, key, overdue: 0, stillOverdue: 0, closedLate: 0 };
    if (r.overdueInMonth) t.overdue += 1;
    if (r.status === 'overdue') t.stillOverdue += 1;
    if (r.closedLate) t.closedLate += 1;
    tallies.set(id, t);
  };
  for (const r of rows) {
    add('township', r.townshipId, r);
    add('unit', r.issuerUnitId, r);
    add('company', r.companyId, r);
  }
  const order = { township: 0, unit: 1, company: 2 };
  return [...tallies.values()].sort((a, b) => order[a.by] - order[b.by] || b.overdue + b.closedLate - (a.overdue + a.closedLate) || (a.key < b.key ? -1 : 1));
}
