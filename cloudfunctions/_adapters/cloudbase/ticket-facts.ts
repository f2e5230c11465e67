/**
 * The metric facts records on CloudBase (issue 17 §3): each ticket document keeps its record
 * (shared/metrics factsRecord, the same record the SQLite store keeps in ticket_facts) in `facts`,
 * with the ticket version it was made at in `factsVersion`. The ticket-store writes both in the same
 * single-document insert or update as the ticket (createTicket, commitTransition, the sweep's runs),
 * so a record can never be newer or older than its ticket without the versions saying so.
 *
 * Reports read them with one `aggregate` request for a whole window: `$match` on the report's filter
 * (the indexes of queryTickets), then `$group` by the UTC day of createdAt with `$push` of each
 * document's record and versions. Grouping keeps the answer to one result document per day (about
 * 1,400 records, ≈ 1 MB, at 1 M tickets over two years), far under MongoDB's 16 MB BSON document
 * limit that a result document must fit, and a window of up to 1,000 days in one answer.
 * Aggregation answers 20 results when no `$limit` stage is given (seen on CloudBase and reported by
 * its users: https://developers.weixin.qq.com/community/develop/doc/00008ce0504388afcd590911b5b400),
 * so the pipeline always ends in `$limit`; the SDK sends the stages as
 * `database.aggregateDocuments` {collectionName, stages: [{stageKey, stageValue}]}
 * (@cloudbase/database 1.4.3 dist/commonjs/aggregate.js `end()`), answered with `data.list` of EJSON.
 *
 * A record is stale when the document has none (a ticket stored before records, or a transition the
 * container could not make the record for) or when factsVersion is not the ticket's version. Those
 * tickets are read whole, their record is made from the ticket and its timeline, and written back at
 * the version read (a lazy back-fill: a document that moved meanwhile is left for the next report).
 */
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { factsRecord, type TicketFactsRecord } from '../../../shared/metrics/facts';
import { chunk, MAX_PAGE } from './collections';
import type { CbCollection, CbCommand, CbQueryCommand, DocData } from './sdk';

/** Result documents of one aggregate request: the `$limit` stage (the same ceiling as a get). */
export const FACTS_GROUPS_PER_REQUEST = MAX_PAGE;

/** Ticket documents read in one `_id $in` request when stale records are rebuilt. */
const REBUILD_BATCH = 100;

/** The fields of a ticket document that hold its record. */
export const FACTS_DOC_FIELDS = ['facts', 'factsVersion'] as const;

/** The record of a ticket at its version as it is stored (plain JSON: no undefined fields). */
export function factsFieldsOf(ticket: Ticket, timeline: readonly TicketEvent[]): { facts: TicketFactsRecord; factsVersion: number } {
  return { facts: JSON.parse(JSON.stringify(factsRecord(ticket, timeline))) as TicketFactsRecord, factsVersion: ticket.version };
}

/** One document's entry in a day's group. */
interface PushedEntry {
  id: string;
  v?: number;
  fv?: number;
  f?: TicketFactsRecord;
}

interface DayGroup {
  _id: string;
  entries: PushedEntry[];
}

/** The SDK's aggregation builder, as far as this file uses it (@cloudbase/database 1.4.3 aggregate.js). */
interface CbAggregation {
  match(query: DocData | CbQueryCommand): CbAggregation;
  group(spec: DocData): CbAggregation;
  sort(spec: DocData): CbAggregation;
  limit(n: number): CbAggregation;
  end(): Promise<{ data: DocData[] }>;
}

export interface FactsSource {
  tickets: () => CbCollection;
  _: CbCommand;
  /** The ticket documents of these ids (any order), for the records to rebuild. */
  readDocs(ids: string[]): Promise<DocData[]>;
  /** A stored document's ticket and its whole timeline. */
  ticketAndTimeline(doc: DocData): Promise<{ ticket: Ticket; timeline: TicketEvent[] }>;
}

/** Newest first, as queryTickets orders (createdAt desc, id desc). */
function newestFirst(a: TicketFactsRecord, b: TicketFactsRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.ticketId < b.ticketId ? 1 : a.ticketId > b.ticketId ? -1 : 0;
}

/**
 * Every record of the tickets the conditions match (queryTickets' filter conditions), newest first:
 * one aggregate request per 1,000 days of createdAt, plus the rebuild of stale records.
 */
export async function aggregateFacts(source: FactsSource, conditions: ReadonlyArray<DocData | CbQueryCommand>): Promise<TicketFactsRecord[]> {
  const { _ } = source;
  const records: TicketFactsRecord[] = [];
  const stale: string[] = [];
  let afterDay: string | null = null;
  for (;;) {
    const match = afterDay === null ? [...conditions] : [...conditions, { createdAt: _.gt(`${afterDay}\uffff`) }];
    const aggregation = (source.tickets() as CbCollection & { aggregate(): CbAggregation })
      .aggregate()
      .match(match.length > 0 ? _.and(match) : {})
      .group({ _id: { $substr: ['$createdAt', 0, 10] }, entries: { $push: { id: '$_id', v: '$version', fv: '$factsVersion', f: '$facts' } } })
      .sort({ _id: 1 })
      .limit(FACTS_GROUPS_PER_REQUEST);
    const { data } = await aggregation.end();
    const groups = data as unknown as DayGroup[];
    for (const group of groups) {
      for (const entry of group.entries) {
        if (entry.f && entry.fv !== undefined && entry.fv === entry.v) records.push(entry.f);
        else stale.push(entry.id);
      }
    }
    const last = groups[groups.length - 1];
    if (groups.length < FACTS_GROUPS_PER_REQUEST || !last) break;
    afterDay = last._id;
  }
  if (stale.length > 0) records.push(...(await rebuild(source, stale)));
  return records.sort(newestFirst);
}

/** Records made from the tickets themselves, written back at the version read (see the file comment). */
async function rebuild(source: FactsSource, ids: string[]): Promise<TicketFactsRecord[]> {
  const docs = (await Promise.all(chunk(ids, REBUILD_BATCH).map((batch) => source.readDocs(batch)))).flat();
  const made = await Promise.all(
    docs.map(async (doc) => {
      const { ticket, timeline } = await source.ticketAndTimeline(doc);
      return { fields: factsFieldsOf(ticket, timeline), version: doc.version };
    }),
  );
  await Promise.all(
    made.map(({ fields, version }) =>
      source
        .tickets()
        .where({ _id: fields.facts.ticketId, version })
        .update({ facts: source._.set(fields.facts), factsVersion: fields.factsVersion })
        // A write-back that fails leaves the record stale: the next report rebuilds it again.
        .catch(() => undefined),
    ),
  );
  return made.map((m) => m.fields.facts);
}
