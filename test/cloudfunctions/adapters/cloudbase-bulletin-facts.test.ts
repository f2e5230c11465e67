/**
 * Issue 17 §3: dashboards and the bulletin on CloudBase read the facts records
 * (ticket-store.ts queryTicketFacts, from the ticket documents with their timelines) and give the
 * same numbers as on SQLite (its ticket_facts, migration V4) and as the derivation from every
 * ticket's document and events. One month made by the real functions on each store.
 */
import { buildBulletin } from '../../../cloudfunctions/_app/usecases/bulletin';
import { identityOf, makeApp, makeCloudbaseApp, PEOPLE, type TestApp } from '../../support/app';
import { makeMonth, withoutOptional } from '../_app/usecases/month';
import type { Store } from '../../../shared/ports/store';

jest.setTimeout(120_000);

let sqlite: TestApp;
let cloudbase: TestApp<Store>;

beforeAll(async () => {
  sqlite = await makeApp({ reportsPerHour: 100 });
  cloudbase = await makeCloudbaseApp({ reportsPerHour: 100 });
  for (const app of [sqlite, cloudbase] as Array<TestApp<Store>>) {
    app.clock.set('2026-11-02T01:00:00.000Z');
    await makeMonth(app as TestApp);
  }
});

afterAll(async () => {
  await sqlite.close();
  await cloudbase.close();
});

describe('the monthly bulletin on CloudBase, from facts records', () => {
  it.each<[keyof typeof PEOPLE]>([['leadership'], ['street'], ['housing']])('is the SQLite bulletin and the one derived from documents and events, for %s', async (who) => {
    const identity = identityOf(PEOPLE[who]);
    const input = { jurisdiction: 'yongning', month: '2026-11' };
    expect(cloudbase.store.queryTicketFacts).toBeDefined();
    const onCloudbase = await buildBulletin(cloudbase.deps, identity, input);
    const derived = await buildBulletin({ ...cloudbase.deps, store: withoutOptional(cloudbase.store, 'queryTicketFacts') }, identity, input);
    const onSqlite = await buildBulletin(sqlite.deps, identity, input);
    expect(onCloudbase.tables).toEqual(derived.tables);
    expect(onCloudbase.tables).toEqual(onSqlite.tables);
    expect(onCloudbase.csv).toBe(onSqlite.csv);
    // Not vacuous: the month has tickets, whistles and a rating.
    if (who === 'leadership') expect(onCloudbase.tables.overall.counts).toMatchObject({ tickets: 8, whistled: 5, rated: 1 });
  });
});
