/**
 * The governance screens' calls (issue 20 §1–3): the rectification ledger, the "123" class and
 * 执法进小区, all actions of the `ticket` function (cloudfunctions/_app/functions/ticket.ts).
 */
import Taro from '@tarojs/taro';
import { callFunction } from '../../api';
import type { EstateClass, RectificationNotice, RectificationStatus } from '../../../shared/governance';
import { REGISTRY } from '../../../shared/jurisdictions';
import { coversJurisdiction } from '../../../shared/permissions';
import { estatesInScope } from './scope';
import type { EstateItem, Me } from './types';

type GovernanceAction =
  | 'issueRectification'
  | 'rectifications'
  | 'rectification'
  | 'answerRectification'
  | 'acceptRectification'
  | 'rejectRectification'
  | 'rectificationLedger'
  | 'setEstateClass'
  | 'estateClass'
  | 'classTable'
  | 'recordPatrol'
  | 'visitTable';

export function callGovernance<T>(action: GovernanceAction, data: unknown = {}): Promise<T> {
  return callFunction<T>('ticket', action, data);
}

interface ActorView {
  role: string;
  unitId?: string | null;
  name?: string | null;
}

/** A notice as the backend answers it (staff: whole; the company: without ticket ids and user ids). */
export interface NoticeView
  extends Pick<
    RectificationNotice,
    'id' | 'no' | 'estateId' | 'companyId' | 'problem' | 'basis' | 'measures' | 'issuedAt' | 'deadline' | 'status' | 'closedAt' | 'overdueAt' | 'issuerUnitId' | 'version'
  > {
  statusLabel: string;
  /** The estate's township (staff views only: the company's view leaves it out). */
  townshipId?: string;
  ticketIds?: string[];
  answers: Array<{ at: string; note: string; photos: string[]; by: ActorView }>;
  reviews: Array<{ at: string; verdict: 'accepted' | 'rejected'; reason: string | null; by: ActorView }>;
}

export interface NoticeList {
  items: NoticeView[];
  counts: Record<RectificationStatus, number>;
}

export interface LedgerFile {
  filename: string;
  xlsxBase64?: string;
  xlsxUrl?: string;
}

export interface ClassView {
  estateId: string;
  estateName: string;
  class: EstateClass | null;
  classLabel: string;
  history: Array<{ class: EstateClass; classLabel: string; previous: EstateClass | null; reason: string; setAt: string; setBy: { name: string; unitId: string | null; role: string } }>;
  openRectifications: Array<{ id: string; no: string; problem: string; deadline: string; status: RectificationStatus }>;
  satisfaction: { rated: number; satisfied: number; rate: number | null };
  /** The estate's property company with its credit status (usecases/standing.ts); null without one. */
  company?: { companyId: string; name: string; credit: string; creditLabel: string; stars: number | null; blacklisted: boolean } | null;
}

export interface ClassTableAnswer {
  classes: Array<{ code: EstateClass; label: string }>;
  rows: Array<{ townshipId: string; townshipName: string; counts: Record<EstateClass | 'unclassified', number>; total: number; openRectifications: number; overdueRectifications: number }>;
}

export interface VisitTableAnswer {
  year: number;
  minimum: number;
  rule: string;
  units: Array<{ id: string; name: string }>;
  rows: Array<{ estateId: string; estateName: string; byUnit: Record<string, number>; total: number; short: boolean; companyBlacklisted?: boolean }>;
  flagged: number;
}

/**
 * Saves the 整治台账: H5 (local runtime) from the base64 answer through a blob link; weapp from the
 * temporary URL (downloadFile, then openDocument).
 */
export async function saveLedgerFile(file: LedgerFile): Promise<void> {
  if (file.xlsxUrl && process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.downloadFile({ url: file.xlsxUrl });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  if (!file.xlsxBase64 || typeof document === 'undefined') return;
  const bytes = Uint8Array.from(atob(file.xlsxBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The date picker's day as the deadline instant: that day 18:00 Beijing time (end of the working day). */
export function deadlineOf(day: string): string {
  return `${day}T18:00:00+08:00`;
}

export const governancePaths = {
  ledger: '/staff/pages/ledger/index',
  governance: '/staff/pages/governance/index',
};

/** The home page's entries to these screens, by role (never for residents or grid workers' own use). */
export function governanceEntries(roles: readonly string[]): Array<{ label: string; url: string }> {
  const any = (...r: string[]) => roles.some((x) => r.includes(x));
  const out: Array<{ label: string; url: string }> = [];
  if (any('department', 'police', 'street', 'leadership', 'admin', 'grid')) out.push({ label: '整改台账（问题清单、整改清单）', url: governancePaths.ledger });
  else if (any('property')) out.push({ label: '整改通知（反馈整改情况）', url: governancePaths.ledger });
  if (any('department', 'police', 'street', 'leadership', 'admin')) out.push({ label: '小区分类与执法进小区', url: governancePaths.governance });
  return out;
}

const PARENT = { parentOf: (j: string) => REGISTRY.list(j)?.parent ?? null };

/**
 * The estates these screens offer: a department or police officer every estate of the county (a
 * 整改通知 or a patrol may concern any of them); others as the other screens (lib/scope.ts).
 */
export function governanceEstates(all: readonly EstateItem[], me: Me | null): EstateItem[] {
  const grants = me?.grants ?? null;
  if (grants && me?.roles.some((r) => r === 'department' || r === 'police')) {
    const officers = grants.filter((g) => g.role === 'department' || g.role === 'police');
    const wide = all.filter((e) => officers.some((g) => coversJurisdiction(g.jurisdiction, e.jurisdiction, PARENT)));
    const rest = estatesInScope(all, grants);
    return [...wide, ...rest.filter((e) => !wide.includes(e))];
  }
  return estatesInScope(all, grants);
}
