/**
 * SQL for the ticket queues (keyset paging, newest first) and the overdue sweep. Pure builders:
 * the store runs them, and the tests run EXPLAIN QUERY PLAN on exactly the same text.
 */
import { DomainError } from '../../shared/lifecycle/errors';
import { TERMINAL_STATES } from '../../shared/lifecycle/transitions';
import type { Page, TicketFilter } from '../../shared/ports/store';
import { placeholders } from './statements';

export const MAX_PAGE = 1000;

/** Closed, rejected and merged tickets have nothing left to sweep. */
const TERMINAL_SQL = TERMINAL_STATES.map((s) => `'${s}'`).join(', ');

/** Open tickets due for the sweep: a range over the partial index tickets_sweep_due, oldest first. */
export const SWEEP_SQL =
  `SELECT doc, me_too FROM tickets WHERE sweep_at IS NOT NULL AND sweep_at <= ? AND state NOT IN (${TERMINAL_SQL}) ` +
  `ORDER BY sweep_at, id LIMIT ?`;

/** The sweep column: terminal tickets are kept out of the sweep index whatever their document says. */
export function sweepColumn(state: string, sweepAt: string | null | undefined): string | null {
  return (TERMINAL_STATES as readonly string[]).includes(state) ? null : (sweepAt ?? null);
}

export interface Cursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id]), 'utf8').toString('base64url');
}

/** A cursor that no page handed out: a client's error (400 INPUT.INVALID_CURSOR), not the server's. */
export const invalidCursor = () => new DomainError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载');

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw invalidCursor();
  }
  return { createdAt: parsed[0], id: parsed[1] };
}

export interface TicketQuery {
  sql: string;
  params: unknown[];
  /** Rows the caller asked for; the SQL fetches one more to know whether a next page exists. */
  limit: number;
}

/**
 * What a ticket query returns per row: the document (and the me-too column), or the facts record
 * (ticket_facts, joined by key after the ticket index has chosen and ordered the rows) with the
 * cursor's columns.
 */
export type TicketColumns = 'doc' | 'facts' | 'count';

const SELECT: Record<Exclude<TicketColumns, 'count'>, string> = {
  doc: 'SELECT t.doc, t.me_too FROM tickets t',
  // CROSS JOIN keeps tickets as the outer loop: its index filters and orders, ticket_facts is looked up per row.
  facts: 'SELECT t.created_at, t.id, f.facts FROM tickets t CROSS JOIN ticket_facts f ON f.ticket_id = t.id',
};

/**
 * Builds the queue query, or null when a list filter is empty ("empty scope means none, never all").
 * All given fields must hold; list fields match any of their values.
 */
export function buildTicketQuery(filter: TicketFilter, page: Page, columns: TicketColumns = 'doc'): TicketQuery | null {
  // 'count': the same WHERE without paging (`SELECT count(*)`), so a queue tab's count is its list's.
  const where: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`t.${column} = ?`);
    params.push(value);
  };
  const anyOf = (column: string, values: readonly string[] | undefined): boolean => {
    if (values === undefined) return true;
    if (values.length === 0) return false;
    const list = placeholders(values);
    where.push(`t.${column} IN ${list.sql}`);
    params.push(...list.params);
    return true;
  };
  const linked = (table: string, column: string, values: readonly string[] | undefined): boolean => {
    if (values === undefined) return true;
    if (values.length === 0) return false;
    const list = placeholders(values);
    where.push(`t.id IN (SELECT ticket_id FROM ${table} WHERE ${column} IN ${list.sql})`);
    params.push(...list.params);
    return true;
  };

  eq('jurisdiction', filter.jurisdiction);
  eq('reporter_user_id', filter.reporterUserId);
  const satisfiable =
    anyOf('jurisdiction', filter.jurisdictions) &&
    anyOf('estate_id', filter.estateIds) &&
    anyOf('grid_id', filter.gridIds) &&
    anyOf('street_id', filter.streetIds) &&
    anyOf('state', filter.states) &&
    anyOf('category', filter.categories) &&
    linked('ticket_units', 'unit_id', filter.unitIds) &&
    linked('ticket_groups', 'group_id', filter.groupIds);
  if (!satisfiable) return null;
  if (filter.createdFrom !== undefined) {
    where.push('t.created_at >= ?');
    params.push(filter.createdFrom);
  }
  if (filter.createdTo !== undefined) {
    where.push('t.created_at < ?');
    params.push(filter.createdTo);
  }
  if (filter.updatedFrom !== undefined) {
    where.push('t.updated_at >= ?');
    params.push(filter.updatedFrom);
  }
  // The grid queue's search: a number prefix as a range on the unique `no` (what is typed is data,
  // never a LIKE pattern), a description text as a plain substring (instr is case-sensitive, as
  // CloudBase's regular expression without flags).
  if (filter.noPrefix !== undefined) {
    where.push('t.no >= ? AND t.no < ?');
    params.push(filter.noPrefix, `${filter.noPrefix}\uffff`);
  }
  if (filter.text !== undefined) {
    where.push("instr(json_extract(t.doc, '$.description'), ?) > 0");
    params.push(filter.text);
  }
  const conduct = filter.withoutConductOf;
  if (conduct && conduct.categories.length > 0) {
    const list = placeholders(conduct.categories);
    if (conduct.companyId === null) where.push(`t.category NOT IN ${list.sql}`);
    else where.push(`(t.category NOT IN ${list.sql} OR coalesce(json_extract(t.doc, '$.propertyCompanyId'), ?) <> ?)`);
    params.push(...list.params, ...(conduct.companyId === null ? [] : [conduct.companyId, conduct.companyId]));
  }
  if (columns === 'count') {
    return { sql: `SELECT count(*) AS n FROM tickets t${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`, params, limit: 0 };
  }
  if (page.after) {
    const c = decodeCursor(page.after);
    where.push('(t.created_at, t.id) < (?, ?)');
    params.push(c.createdAt, c.id);
  }
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit) || 1));
  params.push(limit + 1);
  const sql =
    SELECT[columns] +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY t.created_at DESC, t.id DESC LIMIT ?`;
  return { sql, params, limit };
}
