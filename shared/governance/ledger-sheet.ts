/**
 * The per-estate 整治台账 as a table (issue 20 §1), for the XLSX export.
 *
 * 002_bbc741157aca8db7.txt lists as its 附件3 "永寧縣2023年物業提升“123”專項行動住宅小區項目整治臺賬",
 * but this copy of the document carries only that title, not the table itself. So the title follows
 * 附件3 and the column headers are the documents' own words for what such a ledger records:
 * - 000_54099d4cd549e82b.txt 序号6: "梳理各小区存在的问题，建立问题清单、整改清单、限时整改" →
 *   小区名称, 存在问题, 整改时限, 整改情况;
 * - 004_130a68cab0166a86.txt: "建立台账，进行梳理分析，确定整改措施、期限、责任人" → 整改措施, 责任单位;
 * - the lists' own column words (000/002): 序号, 责任单位; and 物业服务企业 (the party addressed).
 */
import { RECTIFICATION_STATUS_LABELS, wasOverdue, type RectificationNotice } from './rectification';

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '小区名称', width: 16 },
  { header: '物业服务企业', width: 18 },
  { header: '存在问题', width: 36 },
  { header: '整改依据', width: 24 },
  { header: '整改措施', width: 28 },
  { header: '责任单位', width: 16 },
  { header: '下达时间', width: 12 },
  { header: '整改时限', width: 12 },
  { header: '整改情况', width: 18 },
  { header: '销号时间', width: 12 },
] as const;

/** 002 附件3's title, for one estate of one jurisdiction. */
export function ledgerTitle(jurisdictionName: string, estateName: string): string {
  return `${jurisdictionName}物业提升“123”专项行动住宅小区项目整治台账（${estateName}）`;
}

/** YYYY-MM-DD in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The status a reader of the ledger sees, late items marked as such. */
export function ledgerStatus(n: RectificationNotice, now: string): string {
  const label = RECTIFICATION_STATUS_LABELS[n.status];
  if (n.status === 'overdue') return label;
  if (wasOverdue(n)) return `${label}（逾期）`;
  if (n.status !== 'accepted' && Date.parse(n.deadline) <= Date.parse(now)) return `${label}（已超时限）`;
  return label;
}

/** One row per notice: open items (问题清单) first, then closed ones (整改清单), each by issue time. */
export function ledgerRows(
  notices: readonly RectificationNotice[],
  names: { estateName: string; companyName: (id: string | null) => string; unitName: (id: string) => string },
  now: string,
): Array<Array<string | number>> {
  const open = notices.filter((n) => n.status !== 'accepted');
  const closed = notices.filter((n) => n.status === 'accepted');
  return [...open, ...closed].map((n, i) => [
    i + 1,
    names.estateName,
    n.addressee === 'company' ? names.companyName(n.companyId) : '—',
    n.problem,
    n.basis,
    n.measures || '—',
    names.unitName(n.issuerUnitId),
    shanghaiDay(n.issuedAt),
    shanghaiDay(n.deadline),
    ledgerStatus(n, now),
    n.closedAt ? shanghaiDay(n.closedAt) : '—',
  ]);
}
