/**
 * Writes a store file of N tickets for the growth benchmark: the synthetic directory through the
 * store's own put methods, then template clones (templates.ts) in creation order, in batches of
 * one transaction each, through the store's db handle with the same columns createTicket writes
 * (tickets, ticket_units, events, idempotency, ticket_facts; no outbox: it is read by neither the
 * sweep's query nor the bulletin). synchronous=OFF while loading only: durability does not matter for a file
 * that is thrown away, and the measurements reopen it with the store's own pragmas.
 *
 * On top: `windows` groups of `perWindow` open tickets that fall due for the sweep in successive
 * 5-minute windows after NOW, the same at every size.
 */
import { statSync } from 'node:fs';
import { formatTicketNo } from '../../../shared/domain/ticket-no';
import type { JurisdictionId } from '../../../shared/jurisdictions';
import { shanghaiDate } from '../../../shared/sla/calendar';
import { openSqliteStore } from '../../../local/store/sqlite-store';
import { buildDueTemplate, buildTemplate, defaultPolicy, HOUR, MINUTE, render, shiftFacts, WEEK, type BuildContext, type Template } from './templates';
import { buildWorld, prng, residentUser } from './world';

/** The benchmark's NOW: Tuesday 1 December 2026, 10:00 Beijing time. History: the 24 months before. */
export const NOW = Date.parse('2026-12-01T02:00:00.000Z');
export const START = Date.parse('2024-12-01T02:00:00.000Z');
export const SWEEP_WINDOW_MS = 5 * MINUTE;

export interface GenerateOptions {
  file: string;
  tickets: number;
  templates?: number;
  perWindow?: number;
  windows?: number;
  seed?: number;
}

export interface GenerateResult {
  tickets: number;
  events: number;
  ticketUnits: number;
  users: number;
  estates: number;
  templates: number;
  perWindow: number;
  windows: number;
  /** T_w = NOW + w × 5 min: at T_w exactly (w + 1) × perWindow tickets are due. */
  windowEnds: string[];
  /** States of the generated history (the tickets made due on purpose are not counted here). */
  states: Record<string, number>;
  open: number;
  /** Open tickets with a deadline marked overdue. */
  overdueOpen: number;
  /** Tickets (closed or open) that missed a deadline at some point. */
  everOverdue: number;
  /** Open tickets whose clone would have fallen due inside the windows: drawn again. */
  redrawn: number;
  ms: { directory: number; templates: number; insert: number; close: number; total: number };
  fileBytes: number;
}

const BATCH = 5000;

function idMaker(rand: () => number): (ms: number) => string {
  let counter = 0;
  return (ms: number) => {
    counter = (counter + 1) % 1_679_616;
    const r = Math.floor(rand() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    return ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(4, '0') + r;
  };
}

export async function generateStore(opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const seed = opts.seed ?? 20261201;
  const rand = prng(seed);
  const perWindow = opts.perWindow ?? 50;
  const windows = opts.windows ?? 16;
  const world = buildWorld(Math.max(1000, Math.round(opts.tickets / 4)), seed);
  const store = openSqliteStore(opts.file);
  const db = store.db;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');

  // Directory, through the store's own writes (each runs synchronously inside the transaction).
  let users = 0;
  db.transaction(() => {
    for (const c of world.companies) void store.putPropertyCompany(c);
    for (const e of world.estates) void store.putEstate(e);
    for (const g of world.grids) void store.putGrid(g);
    for (const u of world.staff) void store.putUser(u);
    users += world.staff.length;
    for (const [j, ids] of Object.entries(world.residents)) {
      for (const id of ids) void store.putUser(residentUser(id, j));
      users += ids.length;
    }
  })();
  const t1 = performance.now();

  // Templates: the same ones at every size (same seed).
  const ctx: BuildContext = { world, policy: defaultPolicy(), rand: prng(seed + 1), start: START, now: NOW };
  const templates: Template[] = Array.from({ length: opts.templates ?? 4000 }, () => buildTemplate(ctx));
  const due: Template[] = [];
  for (let w = 0; w < windows; w += 1) {
    const end = NOW + w * SWEEP_WINDOW_MS;
    for (let k = 0; k < perWindow; k += 1) due.push(buildDueTemplate(ctx, end - 1000 - Math.floor(ctx.rand() * (SWEEP_WINDOW_MS - 2000)), k % 4));
  }
  const t2 = performance.now();

  // Which template, shifted by how many weeks, for each ticket; then creation order.
  const horizon = NOW + windows * SWEEP_WINDOW_MS + HOUR;
  const pick = new Uint32Array(opts.tickets);
  const shiftWeeks = new Int8Array(opts.tickets);
  const created = new Float64Array(opts.tickets);
  let redrawn = 0;
  for (let i = 0; i < opts.tickets; i += 1) {
    for (let attempt = 0; ; attempt += 1) {
      const ti = Math.floor(rand() * templates.length);
      const tpl = templates[ti] as Template;
      const k = tpl.terminal ? Math.floor(rand() * 9) - 4 : Math.floor(rand() * 5);
      const shift = k * WEEK;
      const ok = tpl.createdMs + shift >= START && tpl.lastMs + shift <= NOW;
      const s = ok ? k : 0;
      const sweepAt = tpl.terminal || tpl.sweepAtMs === null ? null : tpl.sweepAtMs + s * WEEK;
      if (sweepAt !== null && sweepAt <= horizon && attempt < 50) {
        redrawn += 1;
        continue;
      }
      pick[i] = ti;
      shiftWeeks[i] = s;
      created[i] = tpl.createdMs + s * WEEK;
      break;
    }
  }
  const order = Array.from({ length: opts.tickets }, (_, i) => i).sort((a, b) => (created[a] as number) - (created[b] as number));

  const insTicket = db.prepare(
    `INSERT INTO tickets (id, no, version, jurisdiction, estate_id, grid_id, street_id, reporter_user_id, category, state,
       created_at, updated_at, sweep_at, me_too, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insUnit = db.prepare('INSERT INTO ticket_units (ticket_id, unit_id, created_at) VALUES (?, ?, ?)');
  const insEvent = db.prepare('INSERT INTO events (id, ticket_id, seq, at, doc) VALUES (?, ?, ?, ?, ?)');
  const insKey = db.prepare('INSERT INTO idempotency (reporter_user_id, key, ticket_id) VALUES (?, ?, ?)');
  const insFacts = db.prepare('INSERT INTO ticket_facts (ticket_id, facts) VALUES (?, ?)');
  const newId = idMaker(prng(seed + 2));
  const seqs = new Map<string, number>();
  const states: Record<string, number> = {};
  let events = 0;
  let ticketUnits = 0;
  let open = 0;
  let overdueOpen = 0;
  let everOverdue = 0;
  let n = 0;

  const insertOne = (tpl: Template, shift: number, organic: boolean): void => {
    const createdMs = tpl.createdMs + shift;
    const createdIso = new Date(createdMs).toISOString();
    const id = newId(createdMs);
    const dayKey = `${tpl.jurisdiction}:${shanghaiDate(createdIso)}`;
    const seq = (seqs.get(dayKey) ?? 0) + 1;
    seqs.set(dayKey, seq);
    const pool = world.residents[tpl.jurisdiction as JurisdictionId];
    const user = pool[Math.floor(rand() * pool.length)] as string;
    const eventIds = tpl.eventAts.map((at) => newId(at + shift));
    const c = { shift, id, no: formatTicketNo(tpl.jurisdiction, createdIso, seq), user, eventIds };
    const sweepAt = tpl.terminal || tpl.sweepAtMs === null ? null : new Date(tpl.sweepAtMs + shift).toISOString();
    insTicket.run(
      id,
      c.no,
      tpl.version,
      tpl.jurisdiction,
      tpl.estateId,
      tpl.gridId,
      tpl.streetId,
      user,
      tpl.category,
      tpl.state,
      createdIso,
      new Date(tpl.updatedMs + shift).toISOString(),
      sweepAt,
      tpl.meToo,
      render(tpl.ticket, c),
    );
    for (const u of tpl.units) insUnit.run(id, u, createdIso);
    tpl.events.forEach((e, i) => insEvent.run(eventIds[i], id, i + 1, new Date((tpl.eventAts[i] as number) + shift).toISOString(), render(e, c)));
    insKey.run(user, `g-${id}`, id);
    insFacts.run(id, JSON.stringify(shiftFacts(tpl.facts, shift, id)));
    events += tpl.events.length;
    ticketUnits += tpl.units.length;
    n += 1;
    if (!organic) return;
    states[tpl.state] = (states[tpl.state] ?? 0) + 1;
    if (!tpl.terminal) open += 1;
    if (!tpl.terminal && tpl.overdue) overdueOpen += 1;
    if (tpl.overdue) everOverdue += 1;
  };

  const batch = db.transaction((from: number, to: number) => {
    for (let k = from; k < to; k += 1) {
      const i = order[k] as number;
      insertOne(templates[pick[i] as number] as Template, (shiftWeeks[i] as number) * WEEK, true);
    }
  });
  for (let from = 0; from < opts.tickets; from += BATCH) batch(from, Math.min(opts.tickets, from + BATCH));
  db.transaction(() => {
    for (const tpl of due) insertOne(tpl, 0, false);
    // The daily ticket-number counters, as nextSequence would have left them (ticketNoCounter's names).
    const seq = db.prepare('INSERT INTO sequences (name, value) VALUES (?, ?)');
    for (const [key, value] of seqs) seq.run(`ticket-no:${key}`, value);
  })();
  const t3 = performance.now();

  db.pragma('synchronous = NORMAL');
  store.close(); // PRAGMA optimize, as the runtime does on every close
  const t4 = performance.now();

  return {
    tickets: n,
    events,
    ticketUnits,
    users,
    estates: world.estates.length,
    templates: templates.length,
    perWindow,
    windows,
    windowEnds: Array.from({ length: windows }, (_, w) => new Date(NOW + w * SWEEP_WINDOW_MS).toISOString()),
    states,
    open,
    overdueOpen,
    everOverdue,
    redrawn,
    ms: { directory: t1 - t0, templates: t2 - t1, insert: t3 - t2, close: t4 - t3, total: t4 - t0 },
    fileBytes: ['', '-wal'].reduce((s, suffix) => {
      try {
        return s + statSync(opts.file + suffix).size;
      } catch {
        return s;
      }
    }, 0),
  };
}

