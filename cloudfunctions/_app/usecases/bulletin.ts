/**
 * 月通报 (monthly bulletin, issue 6 §5; 001_c21a685cf9840a30.txt 序号1 "建立随机督查、月通报机制"):
 * for a jurisdiction and a month, the metrics of shared/metrics by department, street and category
 * with a ranking, the list of overdue tickets and the month's overdue 整改通知 (issue 20 §1,
 * bulletin-rectifications.ts), as an XLSX (exceljs) and a CSV (UTF-8 with BOM).
 * The figures are those of the tickets reported in that month (Asia/Shanghai), as they stand when
 * the bulletin is made. No reporter data and no report text appear anywhere in it.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { Identity } from '../../../shared/domain/roles';
import { STATE_LABELS, TICKET_STATES, type SlaStep, type Ticket, type TicketEvent } from '../../../shared/domain/ticket';
import { REGISTRY } from '../../../shared/jurisdictions';
import { computeMetricsFromRecords, computeMetricsSet, METRIC_DEFINITIONS, NO_STREET_KEY, overdueOpenAt, type MetricsRow, type TicketFactsRecord } from '../../../shared/metrics';
import { coversJurisdiction } from '../../../shared/permissions';
import type { TicketFilter } from '../../../shared/ports/store';
import { isOpen } from '../../../shared/sla/progress';
import { getCategory, isCategoryCode } from '../../../shared/taxonomy/categories';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { monthRectifications, NO_RECTIFICATIONS, type BulletinRectifications, type RectificationRow, type RectificationTallyRow } from './bulletin-rectifications';
import { AUTH_OPTIONS, factsMatching, ticketsMatching } from './support';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const HOUR_MS = 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/* ------------------------------------------------------------------ time */

/** The instants bounding an Asia/Shanghai calendar month: [from, to) as UTC ISO strings. */
export function monthRange(month: string): { from: string; to: string } {
  const m = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new AppError('INPUT.INVALID', '月份格式应为 YYYY-MM', 400);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  const start = (y: number, i: number) => new Date(Date.UTC(y, i, 1) - SHANGHAI_OFFSET_MS).toISOString();
  return { from: start(year, index), to: index === 11 ? start(year + 1, 0) : start(year, index + 1) };
}

/** 2026-11-23T02:00:00.000Z → '2026-11-23 10:00' (Beijing time). */
export function formatShanghai(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/* ----------------------------------------------------------------- scope */

export interface BulletinScope {
  /** 全辖区, or the caller's streets/units. */
  label: string;
  full: boolean;
  filters: TicketFilter[];
}

const childrenOf = (j: string) => [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];

/**
 * Whose tickets the bulletin covers. Leadership and admin of the jurisdiction (or of its parent):
 * all tickets of the jurisdiction and its child jurisdictions. Street officers: their streets.
 * Department and police officers: tickets naming their units. Anyone else is refused.
 */
export function bulletinScope(identity: Identity, jurisdiction: string): BulletinScope {
  const within = childrenOf(jurisdiction);
  const concerns = (grantJurisdiction: string) => within.includes(grantJurisdiction) || coversJurisdiction(grantJurisdiction, jurisdiction, AUTH_OPTIONS);
  const whole = identity.grants.some((g) => (g.role === 'leadership' || g.role === 'admin') && coversJurisdiction(g.jurisdiction, jurisdiction, AUTH_OPTIONS));
  if (whole) return { label: '全辖区', full: true, filters: [{ jurisdictions: within }] };
  const filters: TicketFilter[] = [];
  const labels = new Set<string>();
  for (const g of identity.grants) {
    if (!concerns(g.jurisdiction)) continue;
    if (g.role === 'street' && g.streets?.length) {
      filters.push({ jurisdictions: within, streetIds: g.streets });
      labels.add('本街道范围');
    } else if ((g.role === 'department' || g.role === 'police') && g.units?.length) {
      filters.push({ jurisdictions: within, unitIds: g.units });
      labels.add('本单位范围');
    }
  }
  if (!filters.length) throw new AppError('AUTH.FORBIDDEN', '仅领导小组办公室、街道和部门可以导出本辖区的月通报', 403);
  return { label: [...labels].join('、'), full: false, filters };
}

/* ---------------------------------------------------------------- tables */

/**
 * 综合得分 (our definition: the documents name no weights): the plain mean of those of 响应率, 解决率
 * and 满意率 that the row has; null when it has none of them.
 */
export function compositeScore(row: MetricsRow): number | null {
  const rates = [row.rates.responseRate, row.rates.resolutionRate, row.rates.satisfactionRate].filter((r): r is number => r !== null);
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
}

export const RANKING_DEFINITION = {
  label: '综合得分与排名',
  definition:
    '综合得分为响应率、解决率、满意率三项中有数据各项的算术平均（本系统口径，相关文件未规定权重）；按综合得分从高到低排名，得分相同的并列同一名次，其后名次顺延（如 1、1、3），无数据的排在最后且不参与排名。',
} as const;

/** The overdue 整改通知 sheets: their basis in the documents' words, and the month cut. */
export const RECTIFICATION_DEFINITION = {
  label: '逾期整改通知',
  definition:
    '依据：“梳理各小区存在的问题，建立问题清单、整改清单、限时整改”（000 序号6）；“建立台账，进行梳理分析，确定整改措施、期限、责任人”（004）；台账式样见 002 附件3“住宅小区项目整治台账”。' +
    '口径：整改时限已过而当月内（北京时间）仍未反馈、或验收未通过后未再反馈的整改通知，以及当月逾期后整改销号的整改通知；状态按当月月末（当月未结束时按通报生成时间）计，月末以后的反馈、验收不改变该月通报。逾期天数为超过时限仍未反馈的时长，不足一天按一天计。',
} as const;

export interface BulletinRow {
  key: string;
  name: string;
  /** 1-based competition rank (equal scores share a rank); null when unranked. */
  rank: number | null;
  score: number | null;
  metrics: MetricsRow;
}

export interface OverdueRow {
  ticketNo: string;
  category: string;
  estate: string;
  street: string;
  state: string;
  /** Who holds it: the units it was whistled to, else the street or grid. */
  holders: string;
  steps: string;
  /** The earliest missed deadline. */
  due: string;
  overdueHours: number;
  reportedAt: string;
}

export interface BulletinTables {
  jurisdiction: string;
  jurisdictionName: string;
  month: string;
  generatedAt: string;
  scope: string;
  overall: MetricsRow;
  departments: BulletinRow[];
  streets: BulletinRow[];
  categories: BulletinRow[];
  overdue: OverdueRow[];
  /** The 整改通知 overdue in the month or closed late in it (bulletin-rectifications.ts), and their counts. */
  rectifications: RectificationRow[];
  rectificationTally: RectificationTallyRow[];
}

const STEP_LABELS: Record<SlaStep, string> = { triage: '受理', ack: '报到', arrive: '到场', resolve: '办结', confirm: '居民确认' };

/** Ranked best first; rows without a score last (by key), unranked. */
export function rankByScore(rows: readonly MetricsRow[], nameOf: (key: string) => string): BulletinRow[] {
  const scored = rows.map((metrics) => ({ key: metrics.key, name: nameOf(metrics.key), score: compositeScore(metrics), metrics }));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === b.score ? (a.key < b.key ? -1 : 1) : a.score === null ? 1 : -1;
    return b.score - a.score || (a.key < b.key ? -1 : 1);
  });
  let previous: { score: number; rank: number } | null = null;
  return scored.map((r, i) => {
    if (r.score === null) return { ...r, rank: null };
    const rank: number = previous && previous.score === r.score ? previous.rank : i + 1;
    previous = { score: r.score, rank };
    return { ...r, rank };
  });
}

/** A unit's name: the registry's, else the one a ticket's route gives it, else the township's, else its id. */
export function unitNamer(routeNames: Iterable<readonly [string, string]>): (id: string) => string {
  const fromRoutes = new Map<string, string>();
  for (const [id, name] of routeNames) if (!fromRoutes.has(id)) fromRoutes.set(id, name);
  return (id) => REGISTRY.department(id)?.name ?? fromRoutes.get(id) ?? streetName(id) ?? id;
}

function* routeNames(tickets: readonly Ticket[]): Generator<[string, string]> {
  for (const t of tickets) for (const u of [...t.route.lead, ...t.route.responsible]) yield [u.id, u.name];
}

function streetName(id: string): string | null {
  if (id === NO_STREET_KEY) return '（无属地）';
  for (const list of REGISTRY.lists.values()) {
    const t = list.townships.find((x) => x.id === id);
    if (t) return t.name;
  }
  return null;
}

const categoryName = (code: string) => (isCategoryCode(code) ? getCategory(code).label : code);

/** What the overdue list reads of a ticket (the asynchronous job keeps only this between steps). */
export type OverdueTicket = Pick<Ticket, 'no' | 'category' | 'estateId' | 'streetId' | 'state' | 'assignedUnits' | 'holder' | 'deadlines' | 'createdAt'>;

/** The deadlines the overdue list counts as missed at `nowMs`. */
const missedDeadlines = (t: Pick<Ticket, 'deadlines'>, nowMs: number) =>
  t.deadlines.filter((d) => d.step !== 'confirm' && (d.overdueAt !== undefined || (d.metAt === undefined && Date.parse(d.due) < nowMs)));

/**
 * A ticket cut to what its overdue row needs, its deadlines to the missed ones: the same row, a
 * fraction of the bytes (the job stores 1,322 of them at 1 M tickets; bulletin-job.ts).
 */
export function slimOverdueTicket(t: Ticket, now: string): OverdueTicket {
  return {
    no: t.no,
    category: t.category,
    estateId: t.estateId,
    streetId: t.streetId,
    state: t.state,
    assignedUnits: t.assignedUnits,
    holder: t.holder,
    deadlines: missedDeadlines(t, Date.parse(now)),
    createdAt: t.createdAt,
  };
}

function overdueRows(tickets: readonly OverdueTicket[], now: string, estateName: (id: string | null) => string, unitName: (id: string) => string): OverdueRow[] {
  const nowMs = Date.parse(now);
  const rows: Array<OverdueRow & { dueMs: number }> = [];
  for (const t of tickets) {
    if (!isOpen(t)) continue;
    const missed = missedDeadlines(t, nowMs);
    if (!missed.length) continue;
    const dueMs = Math.min(...missed.map((d) => Date.parse(d.due)));
    const holders = t.assignedUnits.length
      ? t.assignedUnits.map(unitName).join('、')
      : t.holder.kind === 'grid'
        ? '网格员'
        : t.holder.ids.map(unitName).join('、') || '—';
    rows.push({
      ticketNo: t.no,
      category: categoryName(t.category),
      estate: estateName(t.estateId),
      street: t.streetId ? (streetName(t.streetId) ?? t.streetId) : '—',
      state: STATE_LABELS[t.state],
      holders,
      steps: [...new Set(missed.map((d) => STEP_LABELS[d.step]))].join('、'),
      due: formatShanghai(new Date(dueMs).toISOString()),
      overdueHours: Math.floor((nowMs - dueMs) / HOUR_MS),
      reportedAt: formatShanghai(t.createdAt),
      dueMs,
    });
  }
  rows.sort((a, b) => a.dueMs - b.dueMs || (a.ticketNo < b.ticketNo ? -1 : 1));
  return rows.map(({ dueMs: _dueMs, ...row }) => row);
}

export type BulletinGrouping = 'all' | 'department' | 'street' | 'category';
export const GROUPINGS: readonly BulletinGrouping[] = ['all', 'department', 'street', 'category'];

/** The tables from the four groupings' rows and the month's overdue open tickets (their list). */
export function assembleTables(input: {
  jurisdiction: string;
  month: string;
  scope: string;
  now: string;
  rows: Record<BulletinGrouping, MetricsRow[]>;
  /** The month's tickets, or at least its overdue open ones (the others are ignored here). */
  tickets: readonly OverdueTicket[];
  unitName: (id: string) => string;
  estateNames: ReadonlyMap<string, string>;
  /** The month's overdue 整改通知, named (none when not given). */
  rectifications?: BulletinRectifications;
}): BulletinTables {
  const { rows, now, unitName } = input;
  const rectifications = input.rectifications ?? NO_RECTIFICATIONS;
  const estateName = (id: string | null) => (id ? (input.estateNames.get(id) ?? id) : '—');
  const categories = rankByScore(rows.category, categoryName).map((r) => ({ ...r, rank: null }));
  categories.sort((a, b) => b.metrics.counts.tickets - a.metrics.counts.tickets || (a.key < b.key ? -1 : 1));
  return {
    jurisdiction: input.jurisdiction,
    jurisdictionName: REGISTRY.list(input.jurisdiction)?.name ?? input.jurisdiction,
    month: input.month,
    generatedAt: now,
    scope: input.scope,
    overall: rows.all[0] as MetricsRow,
    departments: rankByScore(rows.department, unitName),
    streets: rankByScore(rows.street, (id) => streetName(id) ?? id),
    categories,
    overdue: overdueRows(input.tickets, now, estateName, unitName),
    rectifications: rectifications.rows,
    rectificationTally: rectifications.tally,
  };
}

/** The bulletin's tables from the month's tickets and their events (pure). */
export function buildBulletinTables(input: {
  jurisdiction: string;
  month: string;
  scope: string;
  tickets: readonly Ticket[];
  events: readonly TicketEvent[];
  now: string;
  estateNames: ReadonlyMap<string, string>;
  rectifications?: BulletinRectifications;
}): BulletinTables {
  const { tickets, events, now } = input;
  // One pass: each ticket's facts are derived from its events once for the four tables.
  const rows = computeMetricsSet({ tickets, events, now, groupBys: GROUPINGS });
  return assembleTables({ ...input, rows, unitName: unitNamer(routeNames(tickets)) });
}

/**
 * The same tables from the month's facts records (the store keeps one per ticket) and its open
 * tickets — at least the overdue ones, which the overdue list needs whole (pure).
 */
export function bulletinTablesFromRecords(input: {
  jurisdiction: string;
  month: string;
  scope: string;
  records: readonly TicketFactsRecord[];
  openTickets: readonly Ticket[];
  now: string;
  estateNames: ReadonlyMap<string, string>;
  rectifications?: BulletinRectifications;
}): BulletinTables {
  const rows = computeMetricsFromRecords({ records: input.records, now: input.now, groupBys: GROUPINGS });
  return assembleTables({ ...input, rows, tickets: input.openTickets, unitName: unitNamer(input.records.flatMap((r) => r.unitNames)) });
}

/* ----------------------------------------------------------- file layout */

type Cell = string | number | null;
type Kind = 'text' | 'count' | 'rate' | 'minutes' | 'hours';

interface Column {
  header: string;
  kind: Kind;
  width: number;
}

const METRIC_COLUMNS: readonly Column[] = [
  { header: '排名', kind: 'count', width: 6 },
  { header: '名称', kind: 'text', width: 28 },
  { header: '综合得分', kind: 'rate', width: 10 },
  { header: '工单数', kind: 'count', width: 8 },
  { header: '吹哨数', kind: 'count', width: 8 },
  { header: '响应率', kind: 'rate', width: 9 },
  { header: '解决率', kind: 'rate', width: 9 },
  { header: '满意率', kind: 'rate', width: 9 },
  { header: '按时办结率', kind: 'rate', width: 11 },
  { header: '报到用时P50（分钟）', kind: 'minutes', width: 12 },
  { header: '报到用时P90（分钟）', kind: 'minutes', width: 12 },
  { header: '办结用时P50（小时）', kind: 'hours', width: 12 },
  { header: '办结用时P90（小时）', kind: 'hours', width: 12 },
  { header: '超期未结', kind: 'count', width: 9 },
];

const OVERDUE_COLUMNS: readonly Column[] = [
  { header: '工单号', kind: 'text', width: 20 },
  { header: '问题类别', kind: 'text', width: 24 },
  { header: '小区', kind: 'text', width: 14 },
  { header: '街道（乡镇）', kind: 'text', width: 18 },
  { header: '当前状态', kind: 'text', width: 10 },
  { header: '承办单位', kind: 'text', width: 28 },
  { header: '超期环节', kind: 'text', width: 10 },
  { header: '时限', kind: 'text', width: 17 },
  { header: '已超期（小时）', kind: 'count', width: 10 },
  { header: '提交时间', kind: 'text', width: 17 },
];

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function metricCells(r: BulletinRow | { rank: null; name: string; score: number | null; metrics: MetricsRow }): Cell[] {
  const m = r.metrics;
  return [
    r.rank,
    r.name,
    r.score,
    m.counts.tickets,
    m.counts.whistled,
    m.rates.responseRate,
    m.rates.resolutionRate,
    m.rates.satisfactionRate,
    m.rates.onTimeRate,
    round1(m.ackMinutes.p50),
    round1(m.ackMinutes.p90),
    round1(m.resolveMinutes.p50 === null ? null : m.resolveMinutes.p50 / 60),
    round1(m.resolveMinutes.p90 === null ? null : m.resolveMinutes.p90 / 60),
    m.counts.overdueOpen,
  ];
}

/** The department table lists, per unit, the tickets it never reported in on although its 报到 deadline passed. */
const DEPARTMENT_COLUMNS: readonly Column[] = [...METRIC_COLUMNS, { header: '未报到工单', kind: 'text', width: 40 }];

function departmentCells(r: BulletinRow): Cell[] {
  return [...metricCells(r), (r.metrics.missedAck ?? []).join('、') || null];
}

/** 逾期整改通知: one row per notice (the 整改依据 is the notice's own basis). */
const RECTIFICATION_COLUMNS: readonly Column[] = [
  { header: '整改通知编号', kind: 'text', width: 24 },
  { header: '小区', kind: 'text', width: 14 },
  { header: '街道（乡镇）', kind: 'text', width: 18 },
  { header: '物业服务企业', kind: 'text', width: 20 },
  { header: '下达单位', kind: 'text', width: 22 },
  { header: '存在问题', kind: 'text', width: 30 },
  { header: '整改依据', kind: 'text', width: 20 },
  { header: '整改时限', kind: 'text', width: 12 },
  { header: '逾期天数', kind: 'count', width: 9 },
  { header: '月末状态', kind: 'text', width: 18 },
  { header: '销号时间', kind: 'text', width: 12 },
];

const RECTIFICATION_TALLY_COLUMNS: readonly Column[] = [
  { header: '统计维度', kind: 'text', width: 14 },
  { header: '名称', kind: 'text', width: 28 },
  { header: '当月逾期', kind: 'count', width: 10 },
  { header: '月末仍逾期未整改', kind: 'count', width: 16 },
  { header: '逾期后整改销号', kind: 'count', width: 14 },
];

function rectificationCells(r: RectificationRow): Cell[] {
  return [r.no, r.estate, r.township, r.company, r.issuer, r.problem, r.basis, r.deadline, r.overdueDays, r.status, r.closedAt];
}

function overdueCells(r: OverdueRow): Cell[] {
  return [r.ticketNo, r.category, r.estate, r.street, r.state, r.holders, r.steps, r.due, r.overdueHours, r.reportedAt];
}

interface Section {
  sheet: string;
  title: string;
  columns: readonly Column[];
  rows: Cell[][];
}

function sections(t: BulletinTables): Section[] {
  const overallRow = { rank: null, name: `${t.jurisdictionName}（${t.scope}）`, score: compositeScore(t.overall), metrics: t.overall };
  return [
    { sheet: '总体', title: '总体', columns: METRIC_COLUMNS, rows: [metricCells(overallRow)] },
    { sheet: '部门排名', title: '部门排名', columns: DEPARTMENT_COLUMNS, rows: t.departments.map(departmentCells) },
    { sheet: '街道排名', title: '街道（乡镇）排名', columns: METRIC_COLUMNS, rows: t.streets.map(metricCells) },
    { sheet: '问题类别', title: '问题类别', columns: METRIC_COLUMNS, rows: t.categories.map(metricCells) },
    { sheet: '超期工单', title: '超期工单', columns: OVERDUE_COLUMNS, rows: t.overdue.map(overdueCells) },
    { sheet: '逾期整改通知', title: '逾期整改通知', columns: RECTIFICATION_COLUMNS, rows: t.rectifications.map(rectificationCells) },
    {
      sheet: '逾期整改汇总',
      title: '逾期整改通知汇总（按乡镇（街道）、下达单位、物业服务企业）',
      columns: RECTIFICATION_TALLY_COLUMNS,
      rows: t.rectificationTally.map((r) => [r.by, r.name, r.overdue, r.stillOverdue, r.closedLate]),
    },
  ];
}

/** The definitions shown with the figures (shared/metrics, plus the ranking rule). */
export function definitionRows(): Array<[string, string]> {
  return [
    ...Object.values(METRIC_DEFINITIONS).map((d): [string, string] => [d.label, d.definition]),
    [RANKING_DEFINITION.label, RANKING_DEFINITION.definition],
    ['统计口径', '统计当月（北京时间）提交的工单，数据截至通报生成时间；办结用时在表中折算为小时；“—”表示无数据。'],
    [RECTIFICATION_DEFINITION.label, RECTIFICATION_DEFINITION.definition],
  ];
}

function headerLines(t: BulletinTables): Array<[string, string]> {
  return [
    ['月通报', `${t.jurisdictionName} ${t.month}`],
    ['统计范围', t.scope],
    ['生成时间', formatShanghai(t.generatedAt)],
  ];
}

/* ------------------------------------------------------------------- CSV */

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function csvField(value: Cell, kind: Kind): string {
  let text: string;
  if (value === null) text = '—';
  else if (typeof value === 'number') text = kind === 'rate' ? `${(value * 100).toFixed(1)}%` : String(value);
  else text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV with every table one after another (a title line, the header, the rows, a blank line). UTF-8 with BOM, CRLF. */
export function bulletinCsv(t: BulletinTables): string {
  const lines: string[] = headerLines(t).map(([k, v]) => [csvField(k, 'text'), csvField(v, 'text')].join(','));
  for (const s of sections(t)) {
    lines.push('', csvField(`【${s.title}】`, 'text'));
    lines.push(s.columns.map((c) => csvField(c.header, 'text')).join(','));
    for (const row of s.rows) lines.push(row.map((v, i) => csvField(v, s.columns[i]?.kind ?? 'text')).join(','));
  }
  lines.push('', csvField('【指标说明】', 'text'), '指标,说明');
  for (const [k, v] of definitionRows()) lines.push(`${csvField(k, 'text')},${csvField(v, 'text')}`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/* ------------------------------------------------------------------ XLSX */

/**
 * exceljs is required at run time, not imported: inlined by esbuild it weighs 1.1 MB, over the cloud
 * function bundle budget (1 MB). Locally it is in node_modules; the `ticket` function must list it
 * in its package.json dependencies so that CloudBase installs it.
 */
const EXCELJS_MODULE = 'exceljs';
function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(EXCELJS_MODULE) as typeof import('exceljs');
}

const NUM_FMT: Partial<Record<Kind, string>> = { rate: '0.0%', minutes: '0.0', hours: '0.0' };

function addTable(wb: Workbook, s: Section): Worksheet {
  const ws = wb.addWorksheet(s.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of s.rows) {
    const added = ws.addRow(row.map((v) => (v === null ? '—' : v)));
    row.forEach((v, i) => {
      const fmt = NUM_FMT[s.columns[i]?.kind ?? 'text'];
      if (fmt && typeof v === 'number') added.getCell(i + 1).numFmt = fmt;
    });
  }
  return ws;
}

/**
 * The workbook: one sheet per table, 总体 first, then 指标说明 (title, scope, definitions) last,
 * as in the CSV. A reader opens on the figures (issue 18 §5): 总体 is the first sheet and the
 * workbook view's active tab, which Excel, WPS and LibreOffice open on.
 */
export async function bulletinXlsx(t: BulletinTables): Promise<Buffer> {
  const ExcelJS = loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '小区吹哨';
  wb.created = new Date(t.generatedAt);
  wb.modified = new Date(t.generatedAt);
  for (const s of sections(t)) addTable(wb, s);
  const info = wb.addWorksheet('指标说明');
  info.columns = [{ width: 16 }, { width: 100 }];
  for (const line of headerLines(t)) info.addRow(line).font = { bold: true };
  info.addRow([]);
  info.addRow(['指标', '说明']).font = { bold: true };
  for (const line of definitionRows()) info.addRow(line).alignment = { wrapText: true, vertical: 'top' };
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/* -------------------------------------------------------------- use case */

export interface BuiltBulletin {
  tables: BulletinTables;
  csv: string;
  xlsx: Buffer;
  /** '永宁县月通报-2026-11.xlsx' and its ASCII stand-in 'bulletin-yongning-2026-11.xlsx' (HTTP fallback). */
  filename: string;
  csvFilename: string;
  asciiName: string;
}

export async function estateNamesOf(deps: AppDeps, tickets: ReadonlyArray<Pick<Ticket, 'estateId'>>): Promise<Map<string, string>> {
  const ids = [...new Set(tickets.map((t) => t.estateId).filter((id): id is string => id !== null))];
  const estates = ids.length ? await deps.store.listEstates({ ids }) : [];
  return new Map(estates.map((e) => [e.id, e.name]));
}

/** States in which a ticket may be overdue and open (a finished ticket's record has no open deadlines). */
export const UNFINISHED_STATES = TICKET_STATES.filter((s) => s !== 'closed' && s !== 'rejected' && s !== 'merged');

/**
 * The overdue tickets whole, for their list. A store that lists a window's records at once
 * (listTicketFacts: CloudBase, where each read is a round trip) gives the window's unfinished
 * tickets a page of 1,000 at a time (issue 17 §3: at 1 M tickets, 1,951 overdue tickets were as many
 * requests); elsewhere each ticket is read by id, as before. The same tickets either way.
 */
export async function overdueTickets(deps: AppDeps, scope: BulletinScope, range: { from: string; to: string }, ids: readonly string[]): Promise<Ticket[]> {
  if (ids.length === 0) return [];
  if (deps.store.listTicketFacts) {
    const wanted = new Set(ids);
    const unfinished = await ticketsMatching(deps, scope.filters.map((f) => ({ ...f, states: UNFINISHED_STATES })), range);
    return unfinished.filter((t) => wanted.has(t.id));
  }
  const read = await Promise.all(ids.map((id) => deps.store.getTicket(id)));
  return read.filter((t): t is Ticket => t !== null);
}

/**
 * The tables of a month: from the store's facts records where it keeps them (one small row per
 * ticket, and the overdue tickets whole for their list: issue 8), else from every ticket of the
 * month and its events. The same tables either way.
 */
export async function monthTables(deps: AppDeps, scope: BulletinScope, input: { jurisdiction: string; month: string }): Promise<BulletinTables> {
  const range = monthRange(input.month);
  const now = deps.clock.now();
  const [records, rectifications] = await Promise.all([factsMatching(deps, scope.filters, range), monthRectifications(deps, scope, range, now)]);
  const common = { jurisdiction: input.jurisdiction, month: input.month, scope: scope.label, now, rectifications };
  if (records) {
    // The overdue list needs the overdue tickets whole: the records say which they are.
    const nowMs = Date.parse(now);
    const overdueIds = records.filter((r) => overdueOpenAt(r.openDeadlines, nowMs)).map((r) => r.ticketId);
    const openTickets = await overdueTickets(deps, scope, range, overdueIds);
    return bulletinTablesFromRecords({ ...common, records, openTickets, estateNames: await estateNamesOf(deps, openTickets) });
  }
  const tickets = await ticketsMatching(deps, scope.filters, range);
  const events = tickets.length ? await deps.store.listEventsFor(tickets.map((t) => t.id)) : [];
  return buildBulletinTables({ ...common, tickets, events, estateNames: await estateNamesOf(deps, tickets) });
}

/** Computes the bulletin and renders both files (no upload). */
export async function buildBulletin(deps: AppDeps, identity: Identity, input: { jurisdiction: string; month: string }): Promise<BuiltBulletin> {
  const list = REGISTRY.list(input.jurisdiction);
  if (!list) throw errors.notFound('辖区');
  const scope = bulletinScope(identity, input.jurisdiction);
  const tables = await monthTables(deps, scope, input);
  const base = `${list.name}月通报-${input.month}`;
  return {
    tables,
    csv: bulletinCsv(tables),
    xlsx: await bulletinXlsx(tables),
    filename: `${base}.xlsx`,
    csvFilename: `${base}.csv`,
    asciiName: `bulletin-${input.jurisdiction}-${input.month}`,
  };
}

/**
 * ticket.bulletin: the tables, the CSV text and the XLSX — base64 in the local runtime; on CloudBase
 * uploaded to storage, answered with its file id and a temporary URL (weapp: downloadFile, then
 * openDocument with fileType 'xlsx').
 */
export async function bulletin(deps: AppDeps, identity: Identity, input: { jurisdiction: string; month: string }) {
  const built = await buildBulletin(deps, identity, input);
  const common = { filename: built.filename, csvFilename: built.csvFilename, csv: built.csv, tables: built.tables, definitions: definitionRows() };
  if (deps.config.platform === 'cloudbase') {
    const file = await deps.files.put({ bytes: new Uint8Array(built.xlsx), contentType: XLSX_CONTENT_TYPE, ownerUserId: identity.userId });
    return { ...common, xlsxFileId: file.id, xlsxUrl: await deps.files.url(file.id), fileType: 'xlsx' as const };
  }
  return { ...common, xlsxBase64: built.xlsx.toString('base64'), fileType: 'xlsx' as const };
}
