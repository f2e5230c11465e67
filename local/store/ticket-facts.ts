/**
 * ticket_facts (migration V4, issue 8): each ticket's metric facts record (shared/metrics
 * factsRecord), rewritten in the same transaction as the ticket whenever it is created or moves.
 * Reports read these small rows instead of every document and event of a month.
 */
import type Database from 'better-sqlite3';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import { factsRecord } from '../../shared/metrics/facts';

export const TICKET_FACTS_TABLE = `
CREATE TABLE ticket_facts (
  ticket_id TEXT PRIMARY KEY NOT NULL REFERENCES tickets (id),
  facts TEXT NOT NULL
) WITHOUT ROWID;
`;

const UPSERT = 'INSERT INTO ticket_facts (ticket_id, facts) VALUES (?, ?) ON CONFLICT (ticket_id) DO UPDATE SET facts = excluded.facts';

/** Writes the record of `ticket` at its current version; `events` are all its events (any order). */
export function writeTicketFacts(statement: (sql: string) => Database.Statement, ticket: Ticket, events: readonly TicketEvent[]): void {
  statement(UPSERT).run(ticket.id, JSON.stringify(factsRecord(ticket, events)));
}

/** The records of every ticket stored before V4 (the migration's back-fill), in batches by rowid. */
export function backfillTicketFacts(db: Database.Database, batch = 2000): void {
  const page = db.prepare('SELECT rowid, id, doc FROM tickets WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const eventsOf = db.prepare('SELECT doc FROM events WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY ticket_id, seq');
  const upsert = db.prepare(UPSERT);
  let after = 0;
  for (;;) {
    const rows = page.all(after, batch) as Array<{ rowid: number; id: string; doc: string }>;
    if (rows.length === 0) return;
    const byTicket = new Map<string, TicketEvent[]>();
    for (const r of eventsOf.all(JSON.stringify(rows.map((t) => t.id))) as Array<{ doc: string }>) {
      const e = JSON.parse(r.doc) as TicketEvent;
      const list = byTicket.get(e.ticketId);
      if (list) list.push(e);
      else byTicket.set(e.ticketId, [e]);
    }
    for (const r of rows) {
      const ticket = JSON.parse(r.doc) as Ticket;
      upsert.run(r.id, JSON.stringify(factsRecord(ticket, byTicket.get(r.id) ?? [])));
    }
    after = (rows[rows.length - 1] as { rowid: number }).rowid;
  }
}
