/**
 * Issue 18 §3: "The share page shows the description, the fix and the after-photo for closed tickets."
 * report.publicView is the share card anyone opens from an owner group without signing in. Before
 * this, the page only rendered those fields when a faked backend sent them: the real one never did.
 * Now a closed ticket's card carries the 办结说明 and the after-photos, and the resident's own words
 * only with the consent given on the report page (photosPublic), personal numbers masked. An open
 * ticket's card carries none of them, and a property-conduct complaint still has no card at all.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
});
afterEach(() => app.close());

const DESCRIPTION = '3号楼楼道堆满纸箱，我是302的，电话13912345678';
const FIX = '已清理纸箱，联系业主王先生13712345678确认';

async function ok(fn: typeof report, who: Parameters<TestApp['call']>[1], action: string, data: Record<string, unknown>) {
  const res = await app.call(fn, who, action, data);
  if (!res.ok) throw new Error(`${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data;
}

const version = async (id: string) => (await app.store.getTicket(id))!.version;

/** A clutter report, accepted and settled on site by the grid worker with an after-photo. */
async function settled(photosPublic: boolean): Promise<{ id: string; after: string }> {
  const submitted = await ok(report, 'resident', 'submit', { ...REPORT, category: 'clutter', description: DESCRIPTION, photosPublic, idempotencyKey: newKey() });
  const id = submitted.ticket.id as string;
  await ok(ticket, 'grid', 'accept', { ticketId: id, version: await version(id) });
  const after = await app.photo('grid');
  await ok(ticket, 'grid', 'settle', { ticketId: id, version: await version(id), note: FIX, photos: [after], location: REPORT.location });
  return { id, after };
}

const card = (id: string) => ok(report, null, 'publicView', { ticketId: id });

describe('report.publicView of a closed ticket', () => {
  it('shows the fix, the after-photo and, with the reporter’s consent, the description — numbers masked', async () => {
    const { id, after } = await settled(true);
    const open = await card(id);
    expect(open.state).toBe('verified');
    expect(open).not.toHaveProperty('description');
    expect(open).not.toHaveProperty('resolution');
    expect(open).not.toHaveProperty('afterPhotos');

    await ok(report, 'resident', 'confirm', { ticketId: id, version: await version(id) });
    const closed = await card(id);
    expect(closed.state).toBe('closed');
    expect(closed.description).toBe('3号楼楼道堆满纸箱，我是302的，电话139****5678');
    expect(closed.resolution).toBe('已清理纸箱，联系业主王先生137****5678确认');
    expect(closed.afterPhotos).toEqual([after]);
    expect(JSON.stringify(closed)).not.toContain('13912345678');
    expect(JSON.stringify(closed)).not.toContain('13712345678');
  });

  it('keeps the description off the card without the consent, and still shows the fix', async () => {
    const { id, after } = await settled(false);
    await ok(report, 'resident', 'confirm', { ticketId: id, version: await version(id) });
    const closed = await card(id);
    expect(closed.state).toBe('closed');
    expect(closed).not.toHaveProperty('description');
    expect(JSON.stringify(closed)).not.toContain('3号楼楼道堆满纸箱');
    expect(closed.resolution).toBe('已清理纸箱，联系业主王先生137****5678确认');
    expect(closed.afterPhotos).toEqual([after]);
  });

  it('gives no card at all for a closed complaint about the property company', async () => {
    const submitted = await ok(report, 'resident', 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自把停车费从60元涨到120元', photosPublic: true, idempotencyKey: newKey() });
    const id = submitted.ticket.id as string;
    await ok(ticket, 'grid', 'accept', { ticketId: id, version: await version(id) });
    await ok(ticket, 'grid', 'settle', { ticketId: id, version: await version(id), note: '已责令物业退还多收费用', photos: [await app.photo('grid')], location: REPORT.location });
    await ok(report, 'resident', 'confirm', { ticketId: id, version: await version(id) });
    const res = await app.call(report, null, 'publicView', { ticketId: id });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('NOT_FOUND');
  });
});
