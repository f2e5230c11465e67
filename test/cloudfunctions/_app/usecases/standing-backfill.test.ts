/**
 * The backfill of standing records (issue 20 §4) writes, for breaches confirmed before records were
 * stored, exactly the records the confirmations write today: the same breaches confirmed through
 * ticket.confirmViolation on one store, and stored in the ledger alone (as before 4623c83) on another.
 */
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { backfillStandingRecords, ratedAt } from '../../../../cloudfunctions/_app/usecases/standing-backfill';
import type { StandingRecord } from '../../../../shared/assessment/standing-record';
import type { NineItem } from '../../../../shared/domain/violation';
import type { Store } from '../../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, REPORT, type TestApp } from '../../../support/app';

const HENGAN = { id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning', ratedStars: 4 };
let live: TestApp;
let old: TestApp;

beforeAll(async () => {
  live = await makeApp({ reportsPerHour: 1000 });
  old = await makeApp({ reportsPerHour: 1000 });
  for (const app of [live, old]) await app.store.putPropertyCompany(HENGAN);
  const filed = async () => (await live.call(report, 'resident', 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自上调停车费', idempotencyKey: newKey() })).data.ticket.id as string;
  const [a, b] = [await filed(), await filed()];
  const confirm = async (ticketId: string, item: NineItem, at: string) => {
    live.clock.set(at);
    const res = await live.call(ticket, 'street', 'confirmViolation', { ticketId, item, note: '经核实属实' });
    if (!res.ok) throw new Error(res.error?.code);
  };
  // 7 (正常 → 扣减信用分), 7 again on another ticket (no move), 9 (→ 降星), 3 (→ 信用不达标, 0 stars).
  await confirm(a, 7, '2026-11-23T02:00:00.000Z');
  await confirm(b, 7, '2026-11-24T02:00:00.000Z');
  await confirm(a, 9, '2026-11-25T02:00:00.000Z');
  await confirm(b, 3, '2026-11-26T02:00:00.000Z');
  // The old store: the same ledger, no records (breaches confirmed before records were stored).
  for (const v of await live.store.listViolations({})) await old.store.putViolation(v);
});
afterAll(async () => {
  await live.close();
  await old.close();
});

describe('backfillStandingRecords', () => {
  it('writes the records the confirmations wrote, one per move of the ladder; a second run adds nothing', async () => {
    const written = await live.store.listStandingRecords({ companyIds: [HENGAN.id] });
    expect(written.map((r) => `${r.before.credit}→${r.after.credit}`)).toEqual(['good→deducted', 'deducted→downgraded', 'downgraded→substandard']);
    expect(await old.store.listStandingRecords({})).toEqual([]);

    expect(await backfillStandingRecords(old.store)).toEqual({ breaches: 4, added: 3, kept: 0, unmoved: 1 });
    expect(await old.store.listStandingRecords({ companyIds: [HENGAN.id] })).toEqual(written);

    expect(await backfillStandingRecords(old.store)).toEqual({ breaches: 4, added: 0, kept: 3, unmoved: 1 });
    expect(await old.store.listStandingRecords({})).toEqual(written);
    // The live store, whose records exist: nothing to add.
    expect(await backfillStandingRecords(live.store)).toEqual({ breaches: 4, added: 0, kept: 3, unmoved: 1 });
  });
});

describe('backfillStandingRecords on CloudBase (the store cloudfunctions/_deploy/backfill-standing.ts runs it on; real SDK, loopback)', () => {
  let cloud: TestApp<Store>;
  beforeAll(async () => {
    cloud = await makeCloudbaseApp();
    await cloud.store.putPropertyCompany(HENGAN);
    for (const v of await live.store.listViolations({})) await cloud.store.putViolation(v);
  });
  afterAll(() => cloud.close());

  it('writes the same records as the SQLite confirmations, and nothing on a second run', async () => {
    const written = await live.store.listStandingRecords({ companyIds: [HENGAN.id] });
    expect(await backfillStandingRecords(cloud.store)).toEqual({ breaches: 4, added: 3, kept: 0, unmoved: 1 });
    expect(await cloud.store.listStandingRecords({ companyIds: [HENGAN.id] })).toEqual(written);
    expect(await backfillStandingRecords(cloud.store)).toEqual({ breaches: 4, added: 0, kept: 3, unmoved: 1 });
    expect(await cloud.store.listStandingRecords({})).toEqual(written);
  });
});

describe('ratedAt: the rating a breach is read against', () => {
  const change = (at: string, ratedBefore: number | null, ratedAfter: number | null) => ({ at, cause: { kind: 'admin', ratedBefore, ratedAfter } }) as StandingRecord;
  const changes = [change('2026-03-01T00:00:00.000Z', 3, 4), change('2026-09-01T00:00:00.000Z', 4, 5)];
  it.each([
    ['2026-02-01T00:00:00.000Z', 3],
    ['2026-05-01T00:00:00.000Z', 4],
    ['2026-10-01T00:00:00.000Z', 5],
  ])('at %s: %d stars (from the stored admin changes)', (at, stars) => {
    expect(ratedAt(changes, 2, at)).toBe(stars);
  });
  it('without stored changes: the rating now', () => {
    expect(ratedAt([], 2, '2026-05-01T00:00:00.000Z')).toBe(2);
  });
});
