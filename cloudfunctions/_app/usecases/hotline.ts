/**
 * The 12345 center (issue 20 §6; 004 三(一)3 "负责统筹协调承办单位对本辖区有关物业管理工作方面工单的
 * 催办、督办和统计分析工作"): its tickets, statistics by unit, category and estate, the import of 12345
 * work orders (routed like any report, idempotent on 工单号) and the export of their outcomes.
 * 催办 is hotlineUrge below; 督办 is ticket.supervise, which the role may take (shared/lifecycle/transitions.ts).
 */
import type { z } from 'zod';
import type { Workbook } from 'exceljs';
import type { HotlineInputs } from '../../../shared/actions/hotline';
import type { Estate } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { STATE_LABELS, type Ticket, type TicketEvent } from '../../../shared/domain/ticket';
import { classifyOrder, hotlineKey, hotlineReporterId, HOTLINE_MAX_ROWS, matchEstate, parseCsv, readHotlineTable, type HotlineProblem } from '../../../shared/hotline/import';
import { REGISTRY } from '../../../shared/jurisdictions';
import { computeMetrics } from '../../../shared/metrics';
import { coversJurisdiction } from '../../../shared/permissions';
import { thing } from '../../../shared/notify/handover';
import { shanghaiDateTime } from '../../../shared/sla/calendar';
import { isOpen } from '../../../shared/sla/progress';
import { getCategory } from '../../../shared/taxonomy/categories';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { XLSX_CONTENT_TYPE } from './bulletin';
import { submitRouted } from './submission';
import { AUTH_OPTIONS, loadTicket, ticketsMatching, viewFor } from './support';

type In<K extends keyof typeof HotlineInputs> = z.output<(typeof HotlineInputs)[K]>;

/** The jurisdiction the 12345 center acts for: the one asked (if its grant covers it), else its grant's. */
export function hotlineJurisdiction(identity: Identity, asked?: string): string {
  const grants = identity.grants.filter((g) => g.role === 'hotline');
  if (grants.length === 0) throw errors.forbidden('仅12345热线中心可以使用此功能');
  if (!asked) return (grants[0] as { jurisdiction: string }).jurisdiction;
  if (!grants.some((g) => coversJurisdiction(g.jurisdiction, asked, AUTH_OPTIONS))) throw new AppError('AUTH.OUT_OF_SCOPE', '该辖区不在您的管辖范围内', 403);
  return asked;
}

/** The jurisdiction and the ones below it (Yinchuan's 12345 covers 永宁县). */
function withChildren(j: string): string[] {
  return [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];
}

const MAX_TEXT = 500;

/* ---------------------------------------------------------------- import */

async function tableOf(input: In<'hotlineImport'>): Promise<string[][]> {
  if (input.format === 'csv') return parseCsv(input.content);
  const ExcelJS = loadExcel();
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(input.content, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INPUT.INVALID', '无法读取XLSX文件', 400);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INPUT.INVALID', 'XLSX文件没有工作表', 400);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c += 1) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return rows;
}

export interface ImportedRow {
  line: number;
  no: string;
  status: 'created' | 'existing';
  ticketId: string;
  ticketNo: string;
  estate: string | null;
  category: string;
  units: string[];
}

/**
 * Each order: matched to an estate by address, classified, routed like a report (submitRouted) with
 * its 工单号 on the submit event. The reporter is the center's pseudo-reporter (no resident record,
 * no phone): the caller's phone never enters the product. An order whose 工单号 was imported before
 * is answered with its ticket and nothing is written (not even a ticket number is drawn).
 */
export async function hotlineImport(deps: AppDeps, identity: Identity, input: In<'hotlineImport'>) {
  const jurisdiction = hotlineJurisdiction(identity, input.jurisdiction);
  const { orders, problems } = readHotlineTable(await tableOf(input));
  if (orders.length > HOTLINE_MAX_ROWS) throw new AppError('INPUT.INVALID', `一次最多导入${HOTLINE_MAX_ROWS}条工单`, 400);
  const estates = (await Promise.all(withChildren(jurisdiction).map((j) => deps.store.listEstates({ jurisdiction: j })))).flat();
  const reporterId = hotlineReporterId(jurisdiction);
  const rows: ImportedRow[] = [];
  const skipped: HotlineProblem[] = [...problems];
  for (const order of orders) {
    const key = hotlineKey(order.no);
    const before = await deps.store.findByIdempotencyKey(reporterId, key);
    if (before) {
      rows.push({ line: order.line, no: order.no, status: 'existing', ticketId: before.id, ticketNo: before.no, estate: before.estateId, category: before.category, units: before.route.lead.map((u) => u.name) });
      continue;
    }
    const estate: Estate | null = matchEstate(order.address, estates);
    const { category } = classifyOrder(order);
    const head = `【12345工单 ${order.no}】`;
    const { ticket } = await submitRouted(deps, {
      jurisdiction: estate?.jurisdiction ?? jurisdiction,
      category,
      estate,
      description: `${head}${order.text}`.slice(0, MAX_TEXT),
      photos: [],
      location: null,
      reporter: { userId: reporterId, anonymous: true },
      idempotencyKey: key,
      actorName: '12345热线',
      payload: { source: '12345', hotlineNo: order.no, calledAt: order.calledAt, address: order.address.slice(0, 200), hotlineType: order.type },
    });
    rows.push({ line: order.line, no: order.no, status: 'created', ticketId: ticket.id, ticketNo: ticket.no, estate: ticket.estateId, category, units: ticket.route.lead.map((u) => u.name) });
  }
  return {
    created: rows.filter((r) => r.status === 'created').length,
    existing: rows.filter((r) => r.status === 'existing').length,
    unmatched: rows.filter((r) => r.estate === null).map((r) => r.no),
    rows,
    problems: skipped,
  };
}

/* ------------------------------------------------------- tickets, stats */

/** Every ticket of the center's jurisdiction (and below), newest first, as the center may see it. */
export async function hotlineTickets(deps: AppDeps, identity: Identity, input: In<'hotlineTickets'>) {
  const jurisdiction = hotlineJurisdiction(identity, input.jurisdiction);
  const page = await deps.store.queryTickets({ jurisdictions: withChildren(jurisdiction) }, { limit: input.limit, after: input.after ?? null });
  const items = await Promise.all(page.items.map(async (t) => (await viewFor(deps, identity, t)).ticket));
  return { items, next: page.next };
}

interface EstateRow {
  estateId: string;
  name: string;
  tickets: number;
  open: number;
  rated: number;
  satisfied: number;
}

/** 统计分析: 三率 by unit and by category (shared/metrics), and counts by estate. */
export async function hotlineStats(deps: AppDeps, identity: Identity, input: In<'hotlineStats'>) {
  const jurisdiction = hotlineJurisdiction(identity, input.jurisdiction);
  const range = { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  const tickets = await ticketsMatching(deps, [{ jurisdictions: withChildren(jurisdiction) }], range);
  const events = await deps.store.listEventsFor(tickets.map((t) => t.id));
  const now = deps.clock.now();
  const estates = new Map((await deps.store.listEstates({ ids: [...new Set(tickets.flatMap((t) => (t.estateId ? [t.estateId] : [])))] })).map((e) => [e.id, e.name]));
  const byEstate = new Map<string, EstateRow>();
  for (const t of tickets) {
    const id = t.estateId ?? '(未定位小区)';
    const row = byEstate.get(id) ?? { estateId: id, name: (t.estateId && estates.get(t.estateId)) || '未定位小区', tickets: 0, open: 0, rated: 0, satisfied: 0 };
    row.tickets += 1;
    if (isOpen(t)) row.open += 1;
    if (t.rating) {
      row.rated += 1;
      if (t.rating.score >= 4) row.satisfied += 1;
    }
    byEstate.set(id, row);
  }
  return {
    jurisdiction,
    tickets: tickets.length,
    byUnit: computeMetrics({ tickets, events, now, groupBy: 'department' }),
    byCategory: computeMetrics({ tickets, events, now, groupBy: 'category' }).map((r) => ({ ...r, label: getCategory(r.key as never)?.label ?? r.key })),
    byEstate: [...byEstate.values()].sort((a, b) => b.tickets - a.tickets || a.estateId.localeCompare(b.estateId)),
  };
}

/* ---------------------------------------------------------------- export */

const SCORE_LABELS = { 5: '满意', 4: '基本满意', 3: '一般', 2: '不满意', 1: '很不满意' } as const;

export interface OutcomeRow {
  工单号: string;
  承办单位: string;
  办理结果: string;
  办结时间: string;
  满意度: string;
}

function unitNames(t: Ticket): Map<string, string> {
  return new Map([...t.route.lead, ...t.route.responsible].map((u) => [u.id, u.name]));
}

/** One outcome row per imported order, from its ticket and events (no caller or reporter data). */
export function outcomeOf(t: Ticket, events: readonly TicketEvent[]): OutcomeRow | null {
  const submit = events.find((e) => e.action === 'submit');
  const no = submit?.payload?.hotlineNo;
  if (typeof no !== 'string') return null;
  const names = unitNames(t);
  const done = events.find((e) => e.action === 'resolve' || e.action === 'settle');
  const handlers = t.resolvedBy ? [t.resolvedBy] : t.assignedUnits.length ? t.assignedUnits : done ? [] : t.route.lead.map((u) => u.id);
  const unit = done && !t.resolvedBy && done.actor.role === 'grid' ? '网格员现场处置' : handlers.map((id) => names.get(id) ?? id).join('、');
  return {
    工单号: no,
    承办单位: unit || '—',
    办理结果: done?.note ? `${STATE_LABELS[t.state]}：${done.note}` : STATE_LABELS[t.state],
    办结时间: done ? shanghaiDateTime(done.at) : '',
    满意度: t.rating ? SCORE_LABELS[t.rating.score] : '未评价',
  };
}

export const OUTCOME_COLUMNS: ReadonlyArray<keyof OutcomeRow> = ['工单号', '承办单位', '办理结果', '办结时间', '满意度'];

/** exceljs is required at run time (see bulletin.ts: inlined it is over the bundle budget). */
const EXCELJS_MODULE = 'exceljs';
function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(EXCELJS_MODULE) as typeof import('exceljs');
}

export async function outcomesXlsx(rows: readonly OutcomeRow[], at: string): Promise<Buffer> {
  const ExcelJS = loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '小区吹哨';
  wb.created = new Date(at);
  const ws = wb.addWorksheet('办理结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = OUTCOME_COLUMNS.map((c) => ({ header: c, key: c, width: c === '办理结果' ? 60 : 20 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(OUTCOME_COLUMNS.map((c) => r[c]));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The outcomes of the center's imported orders (created in [from, to)) for the 12345 system, as XLSX. */
export async function hotlineExport(deps: AppDeps, identity: Identity, input: In<'hotlineExport'>) {
  const jurisdiction = hotlineJurisdiction(identity, input.jurisdiction);
  const range = { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  const tickets = await ticketsMatching(deps, [{ reporterUserId: hotlineReporterId(jurisdiction) }], range);
  const events = await deps.store.listEventsFor(tickets.map((t) => t.id));
  const byTicket = new Map<string, TicketEvent[]>();
  for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
  const rows = tickets
    .map((t) => outcomeOf(t, (byTicket.get(t.id) ?? []).sort((a, b) => a.seq - b.seq)))
    .filter((r): r is OutcomeRow => r !== null)
    .sort((a, b) => a.工单号.localeCompare(b.工单号));
  const xlsx = await outcomesXlsx(rows, deps.clock.now());
  const filename = `12345-outcomes-${jurisdiction}.xlsx`;
  if (deps.config.platform === 'cloudbase') {
    const file = await deps.files.put({ bytes: new Uint8Array(xlsx), contentType: XLSX_CONTENT_TYPE, ownerUserId: identity.userId });
    return { rows, filename, xlsxFileId: file.id, xlsxUrl: await deps.files.url(file.id), fileType: 'xlsx' as const };
  }
  return { rows, filename, xlsxBase64: xlsx.toString('base64'), fileType: 'xlsx' as const };
}

/* ------------------------------------------------------------------ 催办 */

export const HOTLINE_CODES = {
  notOpen: 'HOTLINE.NOT_OPEN',
  noUnits: 'HOTLINE.NO_UNITS',
} as const;

/**
 * 催办 (004 三(一)3 "催办、督办"): the 12345 center urges the units handling an open ticket of its
 * jurisdiction to speed up. Recorded on the timeline as 'urge' (the state does not move) and sent to
 * every officer of the ticket's assigned units as a hand-over. 督办, the formal supervision, stays
 * ticket.supervise (the lifecycle's, which the hotline role may take); the two are separate.
 */
export async function hotlineUrge(deps: AppDeps, identity: Identity, input: In<'hotlineUrge'>) {
  const jurisdiction = hotlineJurisdiction(identity);
  const first = await loadTicket(deps, input.ticketId);
  // One answer (404) for a ticket outside the center's jurisdiction and a missing one.
  if (!withChildren(jurisdiction).includes(first.jurisdiction)) throw errors.notFound('工单');
  if (!isOpen(first)) throw new AppError(HOTLINE_CODES.notOpen, '工单已办结或已关闭，无需催办', 400);
  if (!first.assignedUnits.length) throw new AppError(HOTLINE_CODES.noUnits, '工单尚未派至承办单位，暂不能催办', 400);
  const verdict = await deps.content.checkText(input.note, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  const grant = identity.grants.find((g) => g.role === 'hotline');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await loadTicket(deps, input.ticketId);
    const seq = (await deps.store.listEvents(current.id)).length + 1;
    const at = deps.clock.now();
    const event: TicketEvent = {
      id: deps.ids.newId(),
      ticketId: current.id,
      seq,
      at,
      actor: { userId: identity.userId, role: 'hotline', ...(grant?.units?.[0] ? { unitId: grant.units[0] } : {}), ...(identity.name ? { name: identity.name } : {}) },
      action: 'urge',
      from: current.state,
      to: current.state,
      note: input.note,
    };
    const next = { ...current, version: current.version + 1, updatedAt: at };
    const officers = (await Promise.all(current.assignedUnits.map((unitId) => deps.store.listUsers({ unitId })))).flat();
    const title = '12345催办：请加快办理';
    const body = `${current.no} ${getCategory(current.category).label}：${input.note}`;
    const outbox = [...new Set(officers.map((u) => u.id))]
      .filter((id) => id !== identity.userId)
      .map((recipientUserId) => ({
        id: deps.ids.newId(),
        recipientUserId,
        ticketId: current.id,
        kind: 'supervised' as const,
        title,
        body,
        data: { thing1: thing(title), character_string2: current.no, thing3: thing(body) },
        createdAt: at,
        sentAt: null,
        readAt: null,
        attempts: 0,
        lastError: null,
      }));
    try {
      await deps.store.commitTransition({ next, expectedVersion: current.version, event, outbox });
      return { ticket: (await viewFor(deps, identity, next)).ticket, notified: outbox.length };
    } catch (err) {
      if ((err as { code?: string }).code !== 'TICKET.VERSION_CONFLICT') throw err;
    }
  }
  throw new AppError('TICKET.VERSION_CONFLICT', '工单正在更新，请稍后重试', 409);
}
