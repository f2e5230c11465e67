/**
 * Issue 14 §6 on the local runtime's ports (SQLite store, DiskFileStore): submit, settle and resolve
 * accept only photos the caller uploaded; unknown ids, another user's upload and junk are refused with
 * a 4xx and a stable code, and nothing changes. The sweep removes uploads no ticket named after a day.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { makeApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

async function ticketCount(): Promise<number> {
  return (await app.store.queryTickets({}, { limit: 100, after: null })).items.length;
}

async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(id);
  return app.call(ticket, who, action, { ticketId: id, version: current!.version, ...data });
}

describe('submit', () => {
  it('stores the resident\'s own photos', async () => {
    const mine = await app.photo('resident');
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), photos: [mine] });
    expect(res.error).toBeUndefined();
    expect((await app.store.getTicket(res.data.ticket.id))!.photos).toEqual([mine]);
  });

  it.each([
    ['another resident\'s upload', async () => app.photo('otherResident'), 'FILE.NOT_OWNED'],
    ['a staff member\'s upload', async () => app.photo('grid'), 'FILE.NOT_OWNED'],
    ['an id that was never uploaded', async () => '0123456789abcdef0123456789abcdef', 'FILE.UNKNOWN'],
    ['a plain junk id', async () => 'photo-1', 'FILE.UNKNOWN'],
    ['a CloudBase fileID on the local runtime', async () => 'cloud://prod-1g2h3j4k.7072-prod-1g2h3j4k-1300000000/photos/u-res-a/1.jpg', 'FILE.UNKNOWN'],
  ])('refuses %s and creates no ticket', async (_what, photo, code) => {
    const mine = await app.photo('resident');
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), photos: [mine, await photo()] });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe(code);
    expect(await ticketCount()).toBe(0);
  });

  it('refuses ids of the wrong shape in the schema (INPUT.INVALID)', async () => {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), photos: ['../../etc/passwd'] });
    expect(res.error?.code).toBe('INPUT.INVALID');
    expect(await ticketCount()).toBe(0);
  });
});

describe('settle and resolve', () => {
  it('refuse another user\'s photo and leave the ticket unchanged; accept the caller\'s own', async () => {
    const t = (await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() })).data.ticket as { id: string };
    expect((await step('grid', 'accept', t.id)).ok).toBe(true);
    const before = (await app.store.getTicket(t.id))!;
    const eventsBefore = (await app.store.listEvents(t.id)).length;
    const refused = await step('grid', 'settle', t.id, { note: '已劝离', photos: [await app.photo('resident')], location: REPORT.location });
    expect(refused.error?.code).toBe('FILE.NOT_OWNED');
    expect((await app.store.getTicket(t.id))!.version).toBe(before.version);
    expect(await app.store.listEvents(t.id)).toHaveLength(eventsBefore);

    expect((await step('grid', 'whistle', t.id, { units: ['yongning.zjj', 'yongning.yjgl'] })).error).toBeUndefined();
    expect((await step('housing', 'acknowledge', t.id, { officerName: '王强' })).ok).toBe(true);
    const acked = (await app.store.getTicket(t.id))!;
    const unknown = await step('housing', 'resolve', t.id, { note: '已整改', photos: ['ffffffffffffffffffffffffffffffff'] });
    expect(unknown.error?.code).toBe('FILE.UNKNOWN');
    const colleague = await step('housing', 'resolve', t.id, { note: '已整改', photos: [await app.photo('emergency')] });
    expect(colleague.error?.code).toBe('FILE.NOT_OWNED');
    expect((await app.store.getTicket(t.id))!.version).toBe(acked.version);

    const own = await app.photo('housing');
    const ok = await step('housing', 'resolve', t.id, { note: '已整改', photos: [own] });
    expect(ok.error).toBeUndefined();
    expect((await app.store.listEvents(t.id)).at(-1)).toMatchObject({ action: 'resolve', photos: [own] });
  });
});

describe('the sweep removes orphaned uploads', () => {
  it('deletes an upload no ticket named once it is a day old, and keeps the photos tickets named', async () => {
    const orphan = await app.photo('resident');
    const used = await app.photo('resident');
    await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), photos: [used] });

    const early = await app.call(sweep, null, 'run', {});
    expect(early.data.orphansRemoved).toBe(0);
    app.clock.advance((24 * 60 + 1) * 60 * 1000);
    const later = await app.call(sweep, null, 'run', {});
    expect(later.data.orphansRemoved).toBe(1);
    expect(await app.deps.files.get(orphan)).toBeNull();
    expect(await app.deps.files.get(used)).not.toBeNull();
    // The removed upload can no longer be named.
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey(), photos: [orphan] });
    expect(res.error?.code).toBe('FILE.UNKNOWN');
  });
});
