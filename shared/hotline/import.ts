import { suggestCategories } from '../classify';
import { CATEGORIES, type CategoryCode } from '../taxonomy/categories';

/**
 * 12345 work orders brought in from the hotline system's export (issue 20 §6): columns 工单号, 来电时间,
 * 诉求内容, 地址, 诉求类型. A caller's phone column, when the export has one, is never read: the
 * 12345 system keeps it, the 工单号 leads back to it, and nothing here can leak what it never held.
 */
export const HOTLINE_COLUMNS = ['工单号', '来电时间', '诉求内容', '地址', '诉求类型'] as const;
export type HotlineColumn = (typeof HOTLINE_COLUMNS)[number];

/** At most this many rows per import (one request; a month of one county's property orders fits). */
export const HOTLINE_MAX_ROWS = 500;

export interface HotlineOrder {
  /** Line in the file (1 = the header). */
  line: number;
  no: string;
  /** UTC ISO instant of the call (the export's time is Beijing time). */
  calledAt: string;
  text: string;
  address: string;
  type: string;
}

export interface HotlineProblem {
  line: number;
  no: string | null;
  message: string;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF, a UTF-8 BOM) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const BEIJING = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?$/;

/** '2026-11-20 09:15:00' or '2026/11/20 9:15' (Beijing time) → UTC ISO; null when it is not a time. */
export function beijingTime(text: string): string | null {
  const m = BEIJING.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const back = new Date(ms + 8 * 3600_000);
  // Reject 2026-02-30 and 25:00: the date must read back as written.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || mi > 59 || s > 59) return null;
  return new Date(ms).toISOString();
}

const NO = /^[0-9A-Za-z-]{4,40}$/;

/** Mobile numbers (11 digits from 13–19) and landlines (0xxx-xxxxxxx) as agents type them into the text. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
export const PHONE_HIDDEN = '[电话已隐去]';

/** The text without the phone numbers an agent may have typed into it (the caller's, usually). */
export function withoutPhones(text: string): string {
  return text.replace(PHONE_IN_TEXT, PHONE_HIDDEN);
}

/** Rows of cells (CSV or the first sheet of an XLSX) into work orders, each bad row named with its line. */
export function readHotlineTable(table: readonly (readonly string[])[]): { orders: HotlineOrder[]; problems: HotlineProblem[] } {
  const [header, ...body] = table;
  const index = new Map((header ?? []).map((h, i) => [h.trim(), i]));
  const missing = HOTLINE_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) return { orders: [], problems: [{ line: 1, no: null, message: `缺少列：${missing.join('、')}` }] };
  const cell = (r: readonly string[], c: HotlineColumn) => (r[index.get(c) ?? -1] ?? '').trim();
  const orders: HotlineOrder[] = [];
  const problems: HotlineProblem[] = [];
  const seen = new Set<string>();
  body.forEach((r, i) => {
    const line = i + 2;
    const no = cell(r, '工单号');
    const calledAt = beijingTime(cell(r, '来电时间'));
    const text = withoutPhones(cell(r, '诉求内容'));
    const address = withoutPhones(cell(r, '地址'));
    if (!NO.test(no)) return problems.push({ line, no: no || null, message: '工单号格式不正确' });
    if (seen.has(no)) return problems.push({ line, no, message: '工单号在文件中重复' });
    if (!calledAt) return problems.push({ line, no, message: '来电时间格式不正确' });
    if (text.length < 2 || text.length > 1000) return problems.push({ line, no, message: '诉求内容应为2–1000字' });
    if (address.length < 2 || address.length > 200) return problems.push({ line, no, message: '地址应为2–200字' });
    seen.add(no);
    orders.push({ line, no, calledAt, text, address, type: cell(r, '诉求类型').slice(0, 50) });
  });
  return { orders, problems };
}

const squash = (s: string) => s.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * The estate an address names: the estate whose name, or whose registered address, the 12345
 * address contains; the longest such match wins. Two different estates matching equally well is
 * no match (null): a wrong estate would send the order to the wrong grid worker.
 */
export function matchEstate<E extends { id: string; name: string; address: string }>(address: string, estates: readonly E[]): E | null {
  const a = squash(address);
  let best: { estate: E; length: number } | null = null;
  let tie = false;
  for (const e of estates) {
    const keys = [squash(e.name), squash(e.address)].filter((k) => k.length >= 2 && a.includes(k));
    const length = Math.max(0, ...keys.map((k) => k.length));
    if (length === 0) continue;
    if (!best || length > best.length) {
      best = { estate: e, length };
      tie = false;
    } else if (length === best.length && best.estate.id !== e.id) tie = true;
  }
  return best && !tie ? best.estate : null;
}

/**
 * The category of an order: its 诉求类型 when that is one of our labels word for word, else the
 * classifier's first suggestion for the type and the text together (shared/classify).
 */
export function classifyOrder(order: Pick<HotlineOrder, 'type' | 'text'>): { category: CategoryCode; by: 'type' | 'classifier'; score: number | null } {
  const byLabel = CATEGORIES.find((c) => c.label === order.type.trim());
  if (byLabel) return { category: byLabel.code, by: 'type', score: null };
  const [top] = suggestCategories(`${order.type} ${order.text}`, 1);
  return top ? { category: top.category, by: 'classifier', score: top.score } : { category: 'other', by: 'classifier', score: null };
}

/** The idempotency key of an order: a re-import of the same 工单号 finds the ticket it made. */
export function hotlineKey(no: string): string {
  return `12345:${no}`;
}

/**
 * The reporter id of 12345 orders of a jurisdiction: no resident record, no phone, no openid. '#' is
 * outside the ids a user record can have (shared/actions/common.ts Id), so no account can ever be
 * this reporter and read the orders as its own.
 */
export function hotlineReporterId(jurisdiction: string): string {
  return `12345#${jurisdiction}`;
}
