/** The stats screen's metrics from the store's facts records equal those derived from documents and events. */
import { metrics } from '../../../../cloudfunctions/_app/usecases/stats';
import { GROUP_BYS } from '../../../../shared/metrics';
import { identityOf, makeApp, PEOPLE, type TestApp } from '../../../support/app';
import { makeMonth, withoutOptional } from './month';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 100 });
  app.clock.set('2026-11-02T01:00:00.000Z');
  await makeMonth(app);
});
afterEach(() => app.close());

describe('metrics: from facts records and from documents', () => {
  it.each(GROUP_BYS.map((g) => [g]))('groupBy %s, ranked, for the leadership office and a department officer', async (groupBy) => {
    for (const who of ['leadership', 'housing'] as const) {
      const identity = identityOf(PEOPLE[who]);
      const input = { groupBy, rankBy: 'responseRate', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
      const fromFacts = await metrics(app.deps, identity, input);
      const fromDocuments = await metrics({ ...app.deps, store: withoutOptional(app.store, 'queryTicketFacts') }, identity, input);
      expect(fromFacts).toEqual(fromDocuments);
      expect(fromFacts.tickets).toBeGreaterThan(0);
    }
  });

  it('without a window, all time: the same figures both ways', async () => {
    const identity = identityOf(PEOPLE.street);
    const fromFacts = await metrics(app.deps, identity, { groupBy: 'street' });
    const fromDocuments = await metrics({ ...app.deps, store: withoutOptional(app.store, 'queryTicketFacts') }, identity, { groupBy: 'street' });
    expect(fromFacts).toEqual(fromDocuments);
    expect(fromFacts.rows.length).toBeGreaterThan(0);
  });
});
