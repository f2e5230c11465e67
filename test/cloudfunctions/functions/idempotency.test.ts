/**
 * A reused idempotency key with a different body is refused (issue 14): 409 IDEMPOTENCY.MISMATCH,
 * nothing stored, while a true retry (same body) still returns the first ticket.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

const count = async () => (await app.store.queryTickets({ reporterUserId: 'u-res-a' }, { limit: 50 })).items.length;

it('refuses the same key with another description, category or estate, and stores nothing', async () => {
  const key = newKey();
  const first = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key });
  expect(first.ok).toBe(true);
  for (const change of [{ description: '另一件事：楼道堆满杂物' }, { category: 'clutter' }, { estateId: 'yn-other' }]) {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key, ...change });
    expect(res.error?.code).toBe('IDEMPOTENCY.MISMATCH');
  }
  expect(await count()).toBe(1);
});

it('still answers a true retry with the first ticket', async () => {
  const key = newKey();
  const first = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key });
  const again = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key });
  expect(again.ok).toBe(true);
  expect(again.data.ticket.id).toBe(first.data.ticket.id);
  expect(again.data.created).toBe(false);
});

it('with two different bodies racing on one key, one ticket is stored and the other body is refused', async () => {
  const key = newKey();
  const [a, b] = await Promise.all([
    app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key }),
    app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key, description: '另一件事：楼道堆满杂物' }),
  ]);
  expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  expect([a.error?.code, b.error?.code]).toContain('IDEMPOTENCY.MISMATCH');
  expect(await count()).toBe(1);
});
