/** A report's location must be near its estate; coordinates are JSON numbers only (issue 14). */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

const stored = async () => (await app.store.queryTickets({ reporterUserId: 'u-res-a' }, { limit: 5 })).items.length;

it('refuses a Sydney location for a Yongning estate with GEO.TOO_FAR and stores nothing', async () => {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), location: { lat: -33.8688, lng: 151.2093 } });
  expect(res.error?.code).toBe('GEO.TOO_FAR');
  expect(await stored()).toBe(0);
});

it('refuses coordinates sent as strings (hex or not)', async () => {
  for (const location of [{ lat: '0x26', lng: '0x6A' }, { lat: '38.2802', lng: '106.2533' }]) {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), location });
    expect(res.error?.code).toBe('INPUT.INVALID');
  }
  expect(await stored()).toBe(0);
});

it('accepts a point near the estate, and a report without a location', async () => {
  expect((await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() })).ok).toBe(true);
  const { location: _omit, ...noLocation } = REPORT;
  expect((await app.call(report, 'resident', 'submit', { ...noLocation, idempotencyKey: newKey() })).ok).toBe(true);
});
