/**
 * The rectification ledger (issue 20 §1): a 整改通知 a department or the street issues against an
 * estate or its property company, with a deadline (限时整改). 000_54099d4cd549e82b.txt 序号6 asks the
 * street to "梳理各小区存在的问题，建立问题清单、整改清单、限时整改"; this is one row of those lists.
 *
 * Life of a notice: open → answered (the company answers with photos) → accepted (closed) or
 * rejected (reopened with a reason: the company must answer again). An open or rejected notice
 * whose deadline has passed is marked overdue by the sweep; a late answer is still taken.
 */
import type { EventActor } from '../domain/ticket';

export const RECTIFICATION_STATUSES = ['open', 'answered', 'accepted', 'rejected', 'overdue'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  answered: '已反馈待验收',
  accepted: '已整改销号',
  rejected: '验收未通过',
  overdue: '逾期未整改',
};

/** Statuses in which the company still owes an answer (the sweep's overdue candidates). */
export const AWAITING_ANSWER: readonly RectificationStatus[] = ['open', 'rejected', 'overdue'];

/** The company's answer: what it did, with photos (fileIDs of the answering user's uploads). */
export interface RectificationAnswer {
  at: string;
  by: EventActor;
  note: string;
  photos: string[];
}

/** The issuing officer's verdict on an answer. */
export interface RectificationReview {
  at: string;
  by: EventActor;
  verdict: 'accepted' | 'rejected';
  /** Required when rejected. */
  reason: string | null;
}

export interface RectificationNotice {
  id: string;
  /** Human number, e.g. ZG-20261206-001 (per jurisdiction and day). */
  no: string;
  jurisdiction: string;
  estateId: string;
  /** The estate's street/township (属地) at issue time: the street's scope. */
  townshipId: string;
  /** The property company the notice is addressed to; null when against an estate without one. */
  companyId: string | null;
  /** Against the company (责令物业整改) or the estate as a whole (e.g. the street's own list). */
  addressee: 'company' | 'estate';
  /** 存在问题 */
  problem: string;
  /** 依据: the rule or list item the order rests on. */
  basis: string;
  /** 整改要求 / 措施 the issuer sets (may be empty). */
  measures: string;
  issuedAt: string;
  /** 整改时限 */
  deadline: string;
  status: RectificationStatus;
  /** When it was accepted (销号); null while open. */
  closedAt: string | null;
  /** The ticket(s) it came from. */
  ticketIds: string[];
  /** The issuing unit (a department unit or the township) and officer. */
  issuerUnitId: string;
  issuedBy: EventActor;
  /** First time the sweep found it past its deadline without an answer; kept after a late answer. */
  overdueAt: string | null;
  answers: RectificationAnswer[];
  reviews: RectificationReview[];
  /** Optimistic concurrency, as for tickets. */
  version: number;
  updatedAt: string;
}

/** Filter of listRectificationNotices: every given field must hold. */
export interface RectificationFilter {
  jurisdictions?: string[];
  estateIds?: string[];
  companyId?: string;
  townshipIds?: string[];
  issuerUnitIds?: string[];
  statuses?: RectificationStatus[];
  /** deadline ≤ this instant (the sweep). */
  deadlineBefore?: string;
  /** issuedAt within [issuedFrom, issuedTo). */
  issuedFrom?: string;
  issuedTo?: string;
}

export function isClosed(n: Pick<RectificationNotice, 'status'>): boolean {
  return n.status === 'accepted';
}

/** Whether the sweep should mark it overdue now. */
export function isDueForOverdue(n: Pick<RectificationNotice, 'status' | 'deadline'>, now: string): boolean {
  return AWAITING_ANSWER.includes(n.status) && n.status !== 'overdue' && Date.parse(n.deadline) <= Date.parse(now);
}

/**
 * Rectified on time: accepted, and the answer that was accepted came in by the deadline. What the
 * company score reads (issue 20 §4: "rectification notices (on time or overdue)").
 */
export function rectifiedOnTime(n: Pick<RectificationNotice, 'status' | 'deadline' | 'answers'>): boolean {
  if (n.status !== 'accepted') return false;
  const last = n.answers[n.answers.length - 1];
  return !!last && Date.parse(last.at) <= Date.parse(n.deadline);
}

/** Ever late: marked overdue by the sweep, or its accepted answer came after the deadline. */
export function wasOverdue(n: Pick<RectificationNotice, 'status' | 'deadline' | 'answers' | 'overdueAt'>): boolean {
  if (n.overdueAt !== null || n.status === 'overdue') return true;
  return n.status === 'accepted' && !rectifiedOnTime(n);
}

export type RectificationMove =
  | { kind: 'answer'; at: string; by: EventActor; note: string; photos: string[] }
  | { kind: 'accept'; at: string; by: EventActor }
  | { kind: 'reject'; at: string; by: EventActor; reason: string }
  | { kind: 'mark-overdue'; at: string };

export type MoveResult = { ok: true; next: RectificationNotice } | { ok: false; code: string; message: string };

export const RECTIFICATION_CODES = {
  invalidMove: 'RECTIFICATION.INVALID_TRANSITION',
  notDue: 'RECTIFICATION.NOT_DUE',
} as const;

/** The notice after a move, or why the move is not allowed in its status. Pure: time is an argument. */
export function applyMove(n: RectificationNotice, move: RectificationMove): MoveResult {
  const bump = (patch: Partial<RectificationNotice>): MoveResult => ({ ok: true, next: { ...n, ...patch, version: n.version + 1, updatedAt: move.at } });
  const refuse = (message: string): MoveResult => ({ ok: false, code: RECTIFICATION_CODES.invalidMove, message });
  switch (move.kind) {
    case 'answer':
      if (!AWAITING_ANSWER.includes(n.status)) return refuse(n.status === 'answered' ? '已反馈，等待验收' : '该整改通知已销号');
      return bump({ status: 'answered', answers: [...n.answers, { at: move.at, by: move.by, note: move.note, photos: move.photos }] });
    case 'accept':
      if (n.status !== 'answered') return refuse('只有已反馈的整改通知可以验收');
      return bump({ status: 'accepted', closedAt: move.at, reviews: [...n.reviews, { at: move.at, by: move.by, verdict: 'accepted', reason: null }] });
    case 'reject':
      if (n.status !== 'answered') return refuse('只有已反馈的整改通知可以退回');
      return bump({ status: 'rejected', reviews: [...n.reviews, { at: move.at, by: move.by, verdict: 'rejected', reason: move.reason }] });
    case 'mark-overdue':
      if (!isDueForOverdue(n, move.at)) return { ok: false, code: RECTIFICATION_CODES.notDue, message: '未到整改时限或已反馈' };
      return bump({ status: 'overdue', overdueAt: n.overdueAt ?? move.at });
  }
}
