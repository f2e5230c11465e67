/**
 * The action router cleans every string before the schema's length checks (issue 14): invisible
 * and control characters neither pad a description past its limit nor fill it up to its minimum,
 * and what is stored is what staff will read.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

it('stores a description without its NUL, ANSI escape, bidi override and zero-width characters', async () => {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), description: '\u202E\u001b[0m3号楼\u0000飞线\u200B充电\uFEFF，很危险' });
  expect(res.ok).toBe(true);
  const stored = await app.store.getTicket(res.data.ticket.id);
  expect(stored?.description).toBe('[0m3号楼飞线充电，很危险');
});

it('does not count invisible characters toward the 500-character limit', async () => {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), description: `${'\u200B'.repeat(2000)}楼道里有人飞线充电` });
  expect(res.ok).toBe(true);
});

it('does not let invisible characters make up the 5-character minimum', async () => {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), description: '飞\u0000\u0000线\u200B\u200B' });
  expect(res.error?.code).toBe('INPUT.INVALID');
  expect(await app.store.queryTickets({}, { limit: 5 })).toMatchObject({ items: [] });
});
