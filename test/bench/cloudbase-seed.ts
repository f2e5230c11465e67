/**
 * Ticket documents for the CloudBase reports at scale (issue 17 §3), stored straight into the
 * loopback server's memory (CloudbaseLoopback.seedUnchecked: no request, no unique-index check) — writing
 * 1 M documents through the SDK one request at a time would take hours and measure nothing we ask.
 *
 * The tickets are the growth bench's (growth/templates.ts): clones of histories made by the real
 * lifecycle and SLA, shifted by whole weeks, with new ids and numbers. A ticket created inside
 * `full` is stored as the CloudBase adapter writes it (ticket-store.ts ticketDoc, its timeline and
 * its facts record at its version, its idempotency key). One created outside is stored with the
 * fields a report's `$match` reads and its facts record, without its timeline and the rest of the
 * ticket: the reports of `full` never read it, and 1 M whole documents with their timelines would
 * not fit in this VM's memory. Those documents still cost the loopback's scan of the collection.
 */
import { eventDoc, ticketDoc } from '../../cloudfunctions/_adapters/cloudbase/ticket-store';
import { factsFieldsOf } from '../../cloudfunctions/_adapters/cloudbase/ticket-facts';
import { formatTicketNo } from '../../shared/domain/ticket-no';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import { shanghaiDate } from '../../shared/sla/calendar';
import type { CloudbaseLoopback, Doc } from '../support/cloudbase-loopback';
import { buildTemplate, defaultPolicy, render, shiftFacts, WEEK, type BuildContext, type Template } from './growth/templates';
import { buildWorld, prng } from './growth/world';

export interface SeedOptions {
  tickets: number;
  /** Report instants are drawn in [start, now) (ms); the growth bench's 24 months by default. */
  start: number;
  now: number;
  /** Tickets created in [from, to) are stored whole. */
  full: { from: string; to: string };
  templates?: number;
  seed?: number;
}

export interface SeedResult {
  tickets: number;
  /** Stored whole (inside `full`), and their events. */
  fullTickets: number;
  fullEvents: number;
  /** Per jurisdiction, tickets stored whole. */
  fullByJurisdiction: Record<string, number>;
  ms: number;
}

function idMaker(rand: () => number): (ms: number) => string {
  let counter = 0;
  return (ms) => {
    counter = (counter + 1) % 1_679_616;
    return ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(4, '0') + Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0');
  };
}

export function seedTickets(loopback: CloudbaseLoopback, opts: SeedOptions): SeedResult {
  const t0 = performance.now();
  const seed = opts.seed ?? 20261201;
  const rand = prng(seed);
  const world = buildWorld(Math.max(1000, Math.round(opts.tickets / 4)), seed);
  const ctx: BuildContext = { world, policy: defaultPolicy(), rand: prng(seed + 1), start: opts.start, now: opts.now };
  const templates: Template[] = Array.from({ length: opts.templates ?? 4000 }, () => buildTemplate(ctx));
  const newId = idMaker(prng(seed + 2));
  const seqs = new Map<string, number>();
  const fullFrom = Date.parse(opts.full.from);
  const fullTo = Date.parse(opts.full.to);
  const result: SeedResult = { tickets: 0, fullTickets: 0, fullEvents: 0, fullByJurisdiction: {}, ms: 0 };

  function* docs(): Generator<Doc> {
    for (let i = 0; i < opts.tickets; i += 1) {
      let tpl = templates[Math.floor(rand() * templates.length)] as Template;
      let shift = 0;
      // As the growth bench: a whole number of weeks that keeps the history inside [start, now].
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const k = tpl.terminal ? Math.floor(rand() * 9) - 4 : Math.floor(rand() * 5);
        if (tpl.createdMs + k * WEEK >= opts.start && tpl.lastMs + k * WEEK <= opts.now) {
          shift = k * WEEK;
          break;
        }
        tpl = templates[Math.floor(rand() * templates.length)] as Template;
      }
      const createdMs = tpl.createdMs + shift;
      const createdIso = new Date(createdMs).toISOString();
      const id = newId(createdMs);
      const dayKey = `${tpl.jurisdiction}:${shanghaiDate(createdIso)}`;
      const seq = (seqs.get(dayKey) ?? 0) + 1;
      seqs.set(dayKey, seq);
      const pool = world.residents[tpl.jurisdiction as keyof typeof world.residents];
      const user = pool[Math.floor(rand() * pool.length)] as string;
      const eventIds = tpl.eventAts.map((at) => newId(at + shift));
      const c = { shift, id, no: formatTicketNo(tpl.jurisdiction, createdIso, seq), user, eventIds };
      result.tickets += 1;
      if (createdMs >= fullFrom && createdMs < fullTo) {
        const ticket = JSON.parse(render(tpl.ticket, c)) as Ticket;
        const events = tpl.events.map((e) => JSON.parse(render(e, c)) as TicketEvent);
        result.fullTickets += 1;
        result.fullEvents += events.length;
        result.fullByJurisdiction[ticket.jurisdiction] = (result.fullByJurisdiction[ticket.jurisdiction] ?? 0) + 1;
        yield { ...ticketDoc(ticket), idemKey: `${encodeURIComponent(user)}:g-${id}`, timeline: events.map(eventDoc), ...factsFieldsOf(ticket, events) };
      } else {
        yield {
          _id: id,
          no: c.no,
          version: tpl.version,
          jurisdiction: tpl.jurisdiction,
          estateId: tpl.estateId,
          gridId: tpl.gridId,
          streetId: tpl.streetId,
          category: tpl.category,
          state: tpl.state,
          createdAt: createdIso,
          indexUnitIds: tpl.units,
          facts: { ...shiftFacts(tpl.facts, shift, id), no: c.no },
          factsVersion: tpl.version,
        };
      }
    }
  }
  loopback.seedUnchecked('tickets', docs());
  result.ms = performance.now() - t0;
  return result;
}
