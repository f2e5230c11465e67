/**
 * The rectification ledger (issue 20 §1): 整改通知 issued by a department or the street against an
 * estate or its property company, answered by the company with photos, accepted or rejected by the
 * issuing unit, marked overdue by the sweep, and listed per estate as its 问题清单/整改清单 (XLSX in
 * the layout of 002 附件3's 住宅小区项目整治台账). Never on a public surface; the company reads only
 * notices addressed to it, without ticket ids or officers' user ids.
 */
import type { Identity } from '../../../shared/domain/roles';
import { formatTicketNo } from '../../../shared/domain/ticket-no';
import {
  applyMove,
  inEstateChain,
  isClosed,
  mayAnswerNotice,
  mayIssueRectification,
  mayReadNotice,
  mayReviewNotice,
  propertyCompanies,
  RECTIFICATION_STATUS_LABELS,
  type GovernanceDecision,
  type RectificationMove,
  type RectificationNotice,
  type RectificationStatus,
  unitName,
} from '../../../shared/governance';
import { ledgerRows, LEDGER_COLUMNS, ledgerTitle } from '../../../shared/governance/ledger-sheet';
import { REGISTRY } from '../../../shared/jurisdictions';
import { shanghaiDate } from '../../../shared/sla/calendar';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { claimPhotos } from './photos';
import { AUTH_OPTIONS, loadEstate } from './support';

export const RECTIFICATION_ERRORS = {
  deadlinePast: 'RECTIFICATION.DEADLINE_PAST',
  noCompany: 'RECTIFICATION.NO_COMPANY',
  ticketMismatch: 'RECTIFICATION.TICKET_MISMATCH',
} as const;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A governance permission decision (shared/governance/access.ts), turned into a 403 on refusal. */
export function orThrow(d: GovernanceDecision): Extract<GovernanceDecision, { ok: true }> {
  if (!d.ok) throw new AppError(d.code, d.message, 403);
  return d;
}

/** Loads a notice the caller may read; one answer (404) for missing and not visible, so ids cannot be probed. */
async function loadVisible(deps: AppDeps, identity: Identity, id: string): Promise<RectificationNotice> {
  const notice = await deps.store.getRectificationNotice(id);
  if (!notice || !mayReadNotice(identity, notice, AUTH_OPTIONS)) throw errors.notFound('整改通知');
  return notice;
}

const actor = (identity: Identity, d: Extract<GovernanceDecision, { ok: true }>) => ({
  userId: identity.userId,
  role: d.role,
  ...(d.unitId ? { unitId: d.unitId } : {}),
  ...(identity.name ? { name: identity.name } : {}),
});

/** What the handling chain reads. */
export function staffNotice(n: RectificationNotice) {
  return { ...n, statusLabel: RECTIFICATION_STATUS_LABELS[n.status] };
}

/** What the company reads: no ticket ids (handles to residents' reports), no user ids of anyone. */
export function companyNotice(n: RectificationNotice) {
  const strip = (a: { role: string; unitId?: string; name?: string }) => ({ role: a.role, unitId: a.unitId ?? null, name: a.role === 'property' ? (a.name ?? null) : null });
  return {
    id: n.id,
    no: n.no,
    estateId: n.estateId,
    companyId: n.companyId,
    problem: n.problem,
    basis: n.basis,
    measures: n.measures,
    issuedAt: n.issuedAt,
    deadline: n.deadline,
    status: n.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[n.status],
    closedAt: n.closedAt,
    overdueAt: n.overdueAt,
    issuerUnitId: n.issuerUnitId,
    answers: n.answers.map((a) => ({ at: a.at, note: a.note, photos: a.photos, by: strip(a.by) })),
    reviews: n.reviews.map((r) => ({ at: r.at, verdict: r.verdict, reason: r.reason, by: strip(r.by) })),
    version: n.version,
  };
}

const viewFor = (identity: Identity, n: RectificationNotice) => (propertyCompanies(identity).length ? companyNotice(n) : staffNotice(n));

export async function issueRectification(
  deps: AppDeps,
  identity: Identity,
  input: { estateId: string; addressee: 'company' | 'estate'; problem: string; basis: string; measures: string; deadline: string; ticketIds: string[] },
) {
  const estate = await loadEstate(deps, input.estateId);
  const auth = orThrow(mayIssueRectification(identity, estate, AUTH_OPTIONS));
  const now = deps.clock.now();
  const deadline = new Date(Date.parse(input.deadline)).toISOString();
  if (Date.parse(deadline) <= Date.parse(now)) throw new AppError(RECTIFICATION_ERRORS.deadlinePast, '整改时限应晚于当前时间', 400);
  if (input.addressee === 'company' && !estate.propertyCompanyId) throw new AppError(RECTIFICATION_ERRORS.noCompany, '该小区没有登记物业服务企业，请改为对小区下达', 400);
  // Officers name a ticket by its number (YN-20261123-0007) or its id; the notice keeps ids.
  const ticketIds: string[] = [];
  for (const ref of new Set(input.ticketIds)) {
    const t = (await deps.store.getTicket(ref)) ?? (await deps.store.getTicketByNo(ref));
    if (!t || t.estateId !== estate.id) throw new AppError(RECTIFICATION_ERRORS.ticketMismatch, '关联的工单不存在或不属于该小区', 400);
    if (!ticketIds.includes(t.id)) ticketIds.push(t.id);
  }
  for (const text of [input.problem, input.basis, input.measures]) {
    if (!text) continue;
    const verdict = await deps.content.checkText(text, identity.openid ?? null);
    if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  }
  const seq = await deps.store.nextSequence(`rectification-no:${estate.jurisdiction}:${shanghaiDate(now)}`);
  const notice: RectificationNotice = {
    id: deps.ids.newId(),
    no: `ZG-${formatTicketNo(estate.jurisdiction, now, seq)}`,
    jurisdiction: estate.jurisdiction,
    estateId: estate.id,
    townshipId: estate.townshipId,
    companyId: input.addressee === 'company' ? estate.propertyCompanyId : null,
    addressee: input.addressee,
    problem: input.problem,
    basis: input.basis,
    measures: input.measures,
    issuedAt: now,
    deadline,
    status: 'open',
    closedAt: null,
    ticketIds,
    issuerUnitId: auth.unitId as string,
    issuedBy: actor(identity, auth),
    overdueAt: null,
    answers: [],
    reviews: [],
    version: 1,
    updatedAt: now,
  };
  await deps.store.createRectificationNotice(notice);
  return { notice: staffNotice(notice) };
}

async function move(deps: AppDeps, notice: RectificationNotice, version: number, m: RectificationMove) {
  if (notice.version !== version) throw new AppError('RECTIFICATION.VERSION_CONFLICT', '整改通知已被他人更新，请刷新后重试', 409);
  const result = applyMove(notice, m);
  if (!result.ok) throw new AppError(result.code, result.message, 400);
  await deps.store.updateRectificationNotice(result.next, notice.version);
  return result.next;
}

export async function answerRectification(deps: AppDeps, identity: Identity, input: { id: string; version: number; note: string; photos: string[] }) {
  const notice = await loadVisible(deps, identity, input.id);
  const auth = orThrow(mayAnswerNotice(identity, notice));
  const verdict = await deps.content.checkText(input.note, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  const photos = await claimPhotos(deps, identity.userId, input.photos);
  const next = await move(deps, notice, input.version, { kind: 'answer', at: deps.clock.now(), by: actor(identity, auth), note: input.note, photos });
  return { notice: companyNotice(next) };
}

export async function acceptRectification(deps: AppDeps, identity: Identity, input: { id: string; version: number }) {
  const notice = await loadVisible(deps, identity, input.id);
  const auth = orThrow(mayReviewNotice(identity, notice, AUTH_OPTIONS));
  const next = await move(deps, notice, input.version, { kind: 'accept', at: deps.clock.now(), by: actor(identity, auth) });
  return { notice: staffNotice(next) };
}

export async function rejectRectification(deps: AppDeps, identity: Identity, input: { id: string; version: number; reason: string }) {
  const notice = await loadVisible(deps, identity, input.id);
  const auth = orThrow(mayReviewNotice(identity, notice, AUTH_OPTIONS));
  const verdict = await deps.content.checkText(input.reason, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  const next = await move(deps, notice, input.version, { kind: 'reject', at: deps.clock.now(), by: actor(identity, auth), reason: input.reason });
  return { notice: staffNotice(next) };
}

export async function rectificationDetail(deps: AppDeps, identity: Identity, input: { id: string }) {
  return { notice: viewFor(identity, await loadVisible(deps, identity, input.id)) };
}

const childrenOf = (j: string) => [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];

/**
 * The notices the caller may see: a company its own; staff those of the estates in their chain (an
 * estate given, or every jurisdiction their grants cover, then filtered notice by notice).
 */
export async function listRectifications(deps: AppDeps, identity: Identity, input: { estateId?: string | undefined; statuses?: RectificationStatus[] | undefined }) {
  const companies = propertyCompanies(identity);
  const statuses = input.statuses ? { statuses: input.statuses } : {};
  let notices: RectificationNotice[];
  if (companies.length) {
    const lists = await Promise.all(companies.map((companyId) => deps.store.listRectificationNotices({ companyId, ...statuses, ...(input.estateId ? { estateIds: [input.estateId] } : {}) })));
    notices = lists.flat();
  } else if (input.estateId) {
    const estate = await loadEstate(deps, input.estateId);
    if (!inEstateChain(identity, estate, AUTH_OPTIONS)) throw new AppError('AUTH.OUT_OF_SCOPE', '该小区不在您的辖区内', 403);
    notices = await deps.store.listRectificationNotices({ estateIds: [estate.id], ...statuses });
  } else {
    const jurisdictions = [...new Set(identity.grants.flatMap((g) => childrenOf(g.jurisdiction)))];
    if (!identity.grants.some((g) => g.role !== 'resident')) throw errors.forbidden('仅工作人员可以查看整改通知');
    notices = jurisdictions.length ? await deps.store.listRectificationNotices({ jurisdictions, ...statuses }) : [];
  }
  const visible = notices.filter((n) => mayReadNotice(identity, n, AUTH_OPTIONS));
  return { items: visible.map((n) => viewFor(identity, n)), counts: countByStatus(visible) };
}

export function countByStatus(notices: readonly RectificationNotice[]): Record<RectificationStatus, number> {
  const counts: Record<RectificationStatus, number> = { open: 0, answered: 0, accepted: 0, rejected: 0, overdue: 0 };
  for (const n of notices) counts[n.status] += 1;
  return counts;
}

/**
 * The sweep's part (additive hunk in usecases/sweep.ts): every open or rejected notice whose
 * deadline has passed is marked overdue once (version-checked: a concurrent answer wins).
 */
export async function markOverdueRectifications(deps: AppDeps, now: string): Promise<{ marked: number; conflicts: number }> {
  const due = await deps.store.listRectificationNotices({ statuses: ['open', 'rejected'], deadlineBefore: now });
  let marked = 0;
  let conflicts = 0;
  for (const notice of due) {
    const result = applyMove(notice, { kind: 'mark-overdue', at: now });
    if (!result.ok) continue;
    try {
      await deps.store.updateRectificationNotice(result.next, notice.version);
      marked += 1;
    } catch (err) {
      if ((err as { code?: string }).code !== 'TICKET.VERSION_CONFLICT') throw err;
      conflicts += 1;
    }
  }
  return { marked, conflicts };
}

/** Loads ExcelJS at run time (see usecases/bulletin.ts: inlined it is over the bundle budget). */
const EXCELJS_MODULE = 'exceljs';
function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(EXCELJS_MODULE) as typeof import('exceljs');
}

export async function ledgerXlsx(title: string, rows: ReadonlyArray<ReadonlyArray<string | number>>, generatedAt: string): Promise<Buffer> {
  const ExcelJS = loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '小区吹哨';
  wb.created = new Date(generatedAt);
  wb.modified = new Date(generatedAt);
  const ws = wb.addWorksheet('整治台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(LEDGER_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow([...r]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The estate's 问题清单 (open items) and 整改清单 (closed items), for its handling chain only; with
 * format 'xlsx' also the 整治台账 file (base64 locally; uploaded on CloudBase, as the bulletin).
 */
export async function rectificationLedger(deps: AppDeps, identity: Identity, input: { estateId: string; format: 'json' | 'xlsx' }) {
  const estate = await loadEstate(deps, input.estateId);
  if (!inEstateChain(identity, estate, AUTH_OPTIONS)) throw new AppError(propertyCompanies(identity).length ? 'AUTH.FORBIDDEN' : 'AUTH.OUT_OF_SCOPE', '仅该小区的属地和部门可以查看整治台账', 403);
  const notices = await deps.store.listRectificationNotices({ estateIds: [estate.id] });
  const companies = new Map((await deps.store.listPropertyCompanies()).map((c) => [c.id, c.name]));
  const problems = notices.filter((n) => !isClosed(n)).map(staffNotice);
  const rectified = notices.filter(isClosed).map(staffNotice);
  const base = { estateId: estate.id, estateName: estate.name, problems, rectified, counts: countByStatus(notices) };
  if (input.format === 'json') return base;
  const now = deps.clock.now();
  const title = ledgerTitle(REGISTRY.list(estate.jurisdiction)?.name ?? '', estate.name);
  const rows = ledgerRows(notices, { estateName: estate.name, companyName: (id) => (id ? (companies.get(id) ?? id) : '—'), unitName }, now);
  const xlsx = await ledgerXlsx(title, rows, now);
  const filename = `${estate.name}住宅小区项目整治台账-${shanghaiDate(now)}.xlsx`;
  if (deps.config.platform === 'cloudbase') {
    const file = await deps.files.put({ bytes: new Uint8Array(xlsx), contentType: XLSX_CONTENT_TYPE, ownerUserId: identity.userId });
    return { ...base, filename, xlsxFileId: file.id, xlsxUrl: await deps.files.url(file.id), fileType: 'xlsx' as const };
  }
  return { ...base, filename, xlsxBase64: xlsx.toString('base64'), fileType: 'xlsx' as const };
}
