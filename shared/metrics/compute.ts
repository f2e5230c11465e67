/**
 * computeMetrics: 三率, 按时办结率 and ack/resolve times per department, street, category, month or
 * overall. Definitions: definitions.ts.
 */
import type { Ticket, TicketEvent } from '../domain/ticket';
import { ALL_KEY, NO_STREET_KEY, type GroupBy, type MetricsCounts, type MetricsRow } from './definitions';
import { judge, overdueOpenAt, stepMinutes, ticketFacts, type RatingFact, type StepFact, type TicketFactsRecord } from './facts';
import { instantMs, shanghaiMonth } from './instant';
import { summarizeMinutes } from './percentile';

export interface MetricsInput {
  tickets: readonly Ticket[];
  /** Events of these tickets (any order; events of other tickets are ignored). */
  events: readonly TicketEvent[];
  /** The instant of the report (ISO-8601, zoned): deadlines before it have passed. */
  now: string;
  groupBy: GroupBy;
}

interface Accumulator {
  counts: MetricsCounts;
  /** Per department: the tickets (numbers, else ids) the unit never reported in on before its deadline passed. */
  missedAck: string[] | null;
  ackSamples: number[];
  resolveSamples: number[];
}

function emptyAccumulator(): Accumulator {
  return {
    counts: {
      tickets: 0,
      whistled: 0,
      ackDenominator: 0,
      ackOnTime: 0,
      fixAnswered: 0,
      fixed: 0,
      rated: 0,
      satisfied: 0,
      resolveDenominator: 0,
      resolvedOnTime: 0,
      overdueOpen: 0,
    },
    missedAck: null,
    ackSamples: [],
    resolveSamples: [],
  };
}

/** What one ticket adds to the rows, derived from its document and events or read from its record. */
interface Countable {
  ticketId: string;
  /** The ticket number where known (the facts records written before it carry none). */
  no?: string | undefined;
  streetId: string | null;
  category: string;
  createdAt: string;
  whistled: boolean;
  ack: StepFact | null;
  unitAcks: Iterable<[string, StepFact]>;
  /** Units credited with the resolution figures; undefined: a record written before it (see participantsOf). */
  participants?: readonly string[] | undefined;
  resolve: StepFact;
  rating: RatingFact | null;
  reopened: boolean;
  overdueOpen: boolean;
}

/** Where a ticket counts: the row key, the 报到 step that counts there, and whether the row is credited with the resolution. */
interface Placement {
  key: string;
  ack: StepFact | null;
  /** False for a unit that took no part in the resolution: its row gets no 解决率/满意率/按时办结率 figure from the ticket. */
  credited: boolean;
  /** Per department: the row lists the tickets the unit never reported in on. */
  listsMissed: boolean;
}

/**
 * The units credited with a ticket's resolution figures. A facts record written before records
 * carried `participants` is read as crediting the units that reported in.
 */
export function participantsOf(facts: Pick<Countable, 'participants' | 'unitAcks'>): ReadonlySet<string> {
  if (facts.participants) return new Set(facts.participants);
  return new Set([...facts.unitAcks].filter(([, f]) => f.doneAt !== null).map(([u]) => u));
}

/** Adds one ticket to a row. */
function add(acc: Accumulator, facts: Countable, place: Placement, now: number): void {
  const c = acc.counts;
  const { ack } = place;
  c.tickets += 1;
  if (facts.whistled) c.whistled += 1;
  if (place.listsMissed) acc.missedAck ??= [];

  if (ack) {
    const verdict = judge(ack, now);
    if (verdict === 'on-time' || verdict === 'late' || verdict === 'missed') c.ackDenominator += 1;
    if (verdict === 'on-time') c.ackOnTime += 1;
    if (verdict === 'missed' && place.listsMissed) acc.missedAck?.push(facts.no ?? facts.ticketId);
    const minutes = stepMinutes(ack);
    if (minutes !== null) acc.ackSamples.push(minutes);
  }

  if (facts.overdueOpen) c.overdueOpen += 1;
  if (!place.credited) return;

  if (facts.rating) {
    c.rated += 1;
    if (facts.rating.score >= 4) c.satisfied += 1;
  }
  if (facts.rating || facts.reopened) {
    c.fixAnswered += 1;
    if (facts.rating?.fixed && !facts.reopened) c.fixed += 1;
  }

  const resolveVerdict = judge(facts.resolve, now);
  if (resolveVerdict === 'on-time' || resolveVerdict === 'late' || resolveVerdict === 'missed') c.resolveDenominator += 1;
  if (resolveVerdict === 'on-time') c.resolvedOnTime += 1;
  const resolveMinutes = stepMinutes(facts.resolve);
  if (resolveMinutes !== null) acc.resolveSamples.push(resolveMinutes);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function toRow(key: string, acc: Accumulator): MetricsRow {
  const c = acc.counts;
  return {
    key,
    counts: c,
    rates: {
      responseRate: ratio(c.ackOnTime, c.ackDenominator),
      resolutionRate: ratio(c.fixed, c.fixAnswered),
      satisfactionRate: ratio(c.satisfied, c.rated),
      onTimeRate: ratio(c.resolvedOnTime, c.resolveDenominator),
    },
    ackMinutes: summarizeMinutes(acc.ackSamples),
    resolveMinutes: summarizeMinutes(acc.resolveSamples),
    ...(acc.missedAck ? { missedAck: [...acc.missedAck].sort(compareKeys) } : {}),
  };
}

/** The rows a ticket counts in, each with the 报到 step that counts there. */
function placements(facts: Countable, groupBy: GroupBy): Placement[] {
  const whole = (key: string): Placement[] => [{ key, ack: facts.ack, credited: true, listsMissed: false }];
  switch (groupBy) {
    case 'department': {
      const credited = participantsOf(facts);
      return [...facts.unitAcks].map(([key, ack]) => ({ key, ack, credited: credited.has(key), listsMissed: true }));
    }
    case 'street':
      return whole(facts.streetId ?? NO_STREET_KEY);
    case 'category':
      return whole(facts.category);
    case 'month':
      return whole(shanghaiMonth(facts.createdAt));
    case 'all':
      return whole(ALL_KEY);
  }
}

/** Code-unit order: stable whatever the runtime's locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Several groupings of the same tickets: each ticket's facts are derived once, for all of them. */
export interface MetricsSetInput<G extends GroupBy> extends Omit<MetricsInput, 'groupBy'> {
  groupBys: readonly G[];
}

/** The rows of every grouping, in one pass over the tickets. */
function aggregate<G extends GroupBy>(tickets: Iterable<Countable>, now: number, groupBys: readonly G[]): Record<G, MetricsRow[]> {
  const groupsOf = new Map<G, Map<string, Accumulator>>([...new Set(groupBys)].map((g) => [g, new Map()]));
  groupsOf.get('all' as G)?.set(ALL_KEY, emptyAccumulator());
  for (const facts of tickets) {
    for (const [groupBy, groups] of groupsOf) {
      for (const place of placements(facts, groupBy)) {
        let acc = groups.get(place.key);
        if (!acc) {
          acc = emptyAccumulator();
          groups.set(place.key, acc);
        }
        add(acc, facts, place, now);
      }
    }
  }
  const out = {} as Record<G, MetricsRow[]>;
  for (const [groupBy, groups] of groupsOf) {
    out[groupBy] = [...groups.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([key, acc]) => toRow(key, acc));
  }
  return out;
}

/**
 * computeMetrics for several groupings in one pass over the tickets (the monthly bulletin needs
 * four): the same rows as one computeMetrics call per grouping, at the cost of deriving each
 * ticket's facts from its events once instead of once per grouping.
 */
export function computeMetricsSet<G extends GroupBy>(input: MetricsSetInput<G>): Record<G, MetricsRow[]> {
  const now = instantMs(input.now);

  const tickets = new Map<string, Ticket>();
  for (const t of input.tickets) if (!tickets.has(t.id)) tickets.set(t.id, t);

  const eventsByTicket = new Map<string, TicketEvent[]>();
  for (const e of input.events) {
    if (!tickets.has(e.ticketId)) continue;
    const list = eventsByTicket.get(e.ticketId);
    if (list) list.push(e);
    else eventsByTicket.set(e.ticketId, [e]);
  }

  function* countables(): Generator<Countable> {
    for (const t of tickets.values()) {
      const f = ticketFacts(t, eventsByTicket.get(t.id) ?? [], now);
      yield { ...f, ticketId: t.id, no: t.no, streetId: t.streetId, category: t.category, createdAt: t.createdAt };
    }
  }
  return aggregate(countables(), now, input.groupBys);
}

/**
 * The same rows from the tickets' facts records (facts.ts factsRecord), as computeMetricsSet gives
 * from the tickets and their events: overdueOpen is judged at `now` from each open ticket's
 * deadlines. A ticket id that appears twice counts once (the first).
 */
export function computeMetricsFromRecords<G extends GroupBy>(input: { records: readonly TicketFactsRecord[]; now: string; groupBys: readonly G[] }): Record<G, MetricsRow[]> {
  const now = instantMs(input.now);
  function* countables(): Generator<Countable> {
    const seen = new Set<string>();
    for (const r of input.records) {
      if (seen.has(r.ticketId)) continue;
      seen.add(r.ticketId);
      yield { ...r, overdueOpen: overdueOpenAt(r.openDeadlines, now) };
    }
  }
  return aggregate(countables(), now, input.groupBys);
}

/**
 * Metrics rows for the tickets at `now`, one per group key, sorted by key. A ticket id that appears
 * twice counts once (the first). `groupBy: 'all'` always yields exactly one row.
 */
export function computeMetrics(input: MetricsInput): MetricsRow[] {
  return computeMetricsSet({ tickets: input.tickets, events: input.events, now: input.now, groupBys: [input.groupBy] })[input.groupBy];
}
