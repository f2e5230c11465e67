/**
 * The one-off back-fill of the CloudBase facts records (cloudfunctions/_deploy/backfill-facts.ts),
 * on the real @cloudbase/node-sdk against the loopback server. Tickets stored before the records
 * existed (no `facts`) or with a record of an older version get the record the adapter would have
 * written with them; a second run writes nothing.
 */
import { backfillTicketFacts, beijingMonth, monthsBetween } from '../../../cloudfunctions/_deploy/backfill-facts';
import type { Store } from '../../../shared/ports/store';
import { makeCloudbaseApp, type TestApp } from '../../support/app';
import { makeEvent, makeTicket } from '../../support/fixtures';

let app: TestApp<Store>;
beforeEach(async () => {
  app = await makeCloudbaseApp();
});
afterEach(() => app.close());

const docs = () => app.loopback!.docs('tickets');
const writes = () => app.loopback!.requests.filter((r) => r.action === 'database.modifyDocument').length;

it('rebuilds missing and outdated records month by month, exactly as the adapter writes them, and a second run writes nothing', async () => {
  // Tickets of two Beijing months (October and November 2026), stored by the adapter with their records.
  const created = ['2026-10-05T02:00:00.000Z', '2026-10-31T17:00:00.000Z', '2026-11-23T02:00:00.000Z', '2026-11-24T02:00:00.000Z'].map((at) => makeTicket({ createdAt: at, updatedAt: at }));
  for (const t of created) await app.store.createTicket({ ticket: t, event: makeEvent(t), idempotencyKey: `k-${t.id}`, outbox: [] });
  const written = new Map(docs().map((d) => [String(d._id), { facts: d.facts, factsVersion: d.factsVersion }]));
  expect(written.size).toBe(4);
  // As before the records existed: two without any; one with a record of an older version.
  const [a, b, c] = created.map((t) => t.id);
  const old = docs().map((d) => {
    if (d._id === a || d._id === c) {
      const { facts: _f, factsVersion: _v, ...rest } = d;
      return rest;
    }
    return d._id === b ? { ...d, factsVersion: 0 } : d;
  });
  app.loopback!.seed('tickets', old);
  expect(docs().filter((d) => d.facts === undefined)).toHaveLength(2);

  app.loopback!.clearRequests();
  const first = await backfillTicketFacts(app.store, monthsBetween('2026-09', '2026-11'));
  expect(first).toEqual({ months: 3, records: 4 });
  for (const d of docs()) expect({ facts: d.facts, factsVersion: d.factsVersion }).toEqual(written.get(String(d._id)));
  expect(writes()).toBe(3);

  app.loopback!.clearRequests();
  expect(await backfillTicketFacts(app.store, monthsBetween('2026-09', '2026-11'))).toEqual({ months: 3, records: 4 });
  expect(writes()).toBe(0);
  // One aggregate request per month.
  expect(app.loopback!.requests.filter((r) => r.action === 'database.aggregateDocuments')).toHaveLength(3);
});

it('walks Beijing months from --from to --to and refuses a bad range', () => {
  expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  expect(() => monthsBetween('2026-02', '2025-11')).toThrow('早于');
  expect(() => monthsBetween('2026-13', '2026-12')).toThrow('YYYY-MM');
  // 2026-11-30T16:30Z is 00:30 on 1 December in Beijing.
  expect(beijingMonth(Date.parse('2026-11-30T16:30:00.000Z'))).toBe('2026-12');
});

it('refuses a store that keeps no facts records', async () => {
  await expect(backfillTicketFacts({}, ['2026-11'])).rejects.toThrow('no facts records');
});
