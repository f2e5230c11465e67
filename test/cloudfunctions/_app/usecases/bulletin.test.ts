/**
 * The bulletin from the store's facts records (SQLite keeps one per ticket) is the bulletin derived
 * from every ticket's document and events (what an adapter without them gives), on a month made by
 * the real functions.
 */
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { buildBulletin } from '../../../../cloudfunctions/_app/usecases/bulletin';
import { identityOf, makeApp, MORE_PEOPLE, PEOPLE, type TestApp } from '../../../support/app';
import { makeMonth, withoutOptional } from './month';

let app: TestApp;
let month: string;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 100 });
  app.clock.set('2026-11-02T01:00:00.000Z');
  await makeMonth(app);
  month = '2026-11';
});
afterEach(() => app.close());

async function bothWays(who: keyof typeof PEOPLE | 'qitaiLeadership', jurisdiction: string) {
  const identity = identityOf(who === 'qitaiLeadership' ? MORE_PEOPLE.qitaiLeadership : PEOPLE[who]);
  const fromFacts = await buildBulletin(app.deps, identity, { jurisdiction, month });
  const fromDocuments = await buildBulletin({ ...app.deps, store: withoutOptional(app.store, 'queryTicketFacts') }, identity, { jurisdiction, month });
  return { fromFacts, fromDocuments };
}

describe('buildBulletin: from facts records and from documents', () => {
  it.each<[keyof typeof PEOPLE, string]>([
    ['leadership', 'the whole jurisdiction'],
    ['street', 'a street officer\'s streets'],
    ['housing', 'a department officer\'s unit'],
  ])('gives the same tables and CSV for %s (%s)', async (who) => {
    const { fromFacts, fromDocuments } = await bothWays(who, 'yongning');
    expect(fromFacts.tables).toEqual(fromDocuments.tables);
    expect(fromFacts.csv).toBe(fromDocuments.csv);
    // Not vacuous: the month has tickets, whistles, ratings and overdue ones.
    if (who === 'leadership') {
      expect(fromFacts.tables.overall.counts).toMatchObject({ tickets: 8, whistled: 5, rated: 1 });
      expect(fromFacts.tables.overall.counts.overdueOpen).toBeGreaterThan(0);
      expect(fromFacts.tables.overdue.length).toBe(fromFacts.tables.overall.counts.overdueOpen);
      expect(fromFacts.tables.departments.map((r) => r.key)).toEqual(expect.arrayContaining(['yongning.zjj', 'yongning.yjgl', 'yongning.zhzf']));
    }
  });

  it('stays the same later on, as deadlines pass (the records do not depend on the time of the report)', async () => {
    app.clock.advance(30 * 24 * 3_600_000);
    const { fromFacts, fromDocuments } = await bothWays('leadership', 'yongning');
    expect(fromFacts.tables).toEqual(fromDocuments.tables);
  });

  it('follows each transition: after one more step, both ways still agree and the figures moved', async () => {
    const before = (await bothWays('leadership', 'yongning')).fromFacts.tables.overall;
    const open = (await app.store.queryTickets({ jurisdiction: 'yongning', states: ['whistled'] }, { limit: 10 })).items[0];
    expect(open).toBeDefined();
    const res = await app.call(ticket, 'housing', 'acknowledge', { ticketId: open!.id, version: open!.version, officerName: '王强' });
    expect(res.ok).toBe(true);
    const { fromFacts, fromDocuments } = await bothWays('leadership', 'yongning');
    expect(fromFacts.tables).toEqual(fromDocuments.tables);
    // The late 报到 is now a sample of the ack times (its deadline had already passed: the denominator stays).
    expect(fromFacts.tables.overall.ackMinutes.samples).toBe(before.ackMinutes.samples + 1);
    expect(fromFacts.tables.overall.counts.ackDenominator).toBe(before.counts.ackDenominator);
  });

  it('an office with no tickets in its month gets the same empty bulletin both ways', async () => {
    const { fromFacts, fromDocuments } = await bothWays('qitaiLeadership', 'qitai');
    expect(fromFacts.tables).toEqual(fromDocuments.tables);
    expect(fromFacts.tables.overall.counts.tickets).toBe(0);
  });
});
