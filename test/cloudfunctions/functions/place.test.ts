import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { submitRouted } from '../../../cloudfunctions/_app/usecases/submission';
import { ESTATE, makeApp, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

/** A report routed at jurisdiction level, as Open311 stores one with no estate within 1 km. */
async function unplaced() {
  const { ticket: t } = await submitRouted(app.deps, {
    jurisdiction: 'yongning',
    category: 'parking',
    estate: null,
    description: '消防通道被私家车长期占用',
    photos: [],
    location: { lat: 38.3, lng: 106.3 },
    reporter: { userId: 'open311:abc', anonymous: false },
    idempotencyKey: 'open311-1',
  });
  return t;
}

describe('placing a jurisdiction-level ticket in an estate', () => {
  it('waits in the street officers’ "unplaced" queue, then the street places it and the estate’s grid holds it', async () => {
    const t = await unplaced();
    expect(t.route.responsible.map((u) => u.name)).toContain('乡镇(街道)');
    const queue = await app.call(ticket, 'street', 'queue', { view: 'street-unplaced' });
    expect(queue.data.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
    const res = await app.call(ticket, 'street', 'placeEstate', { ticketId: t.id, version: t.version, estateId: ESTATE.id });
    expect(res.ok).toBe(true);
    expect(res.data.ticket).toMatchObject({ estateId: ESTATE.id, streetId: ESTATE.townshipId, gridId: 'yn-grid-1', holder: { kind: 'grid', ids: ['yn-grid-1'] } });
    expect(res.data.ticket.route.responsible.map((u: { name: string }) => u.name)).toContain('团结西路街道办事处');
    expect(res.data.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'place-estate']);
    const again = await app.call(ticket, 'street', 'placeEstate', { ticketId: t.id, version: t.version + 1, estateId: ESTATE.id });
    expect(again.error?.code).toBe('TICKET.ALREADY_PLACED');
  });

  it('refuses a street officer of another street, a department officer, and a stale version', async () => {
    const t = await unplaced();
    expect((await app.call(ticket, 'otherStreet', 'placeEstate', { ticketId: t.id, version: t.version, estateId: ESTATE.id })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'housing', 'placeEstate', { ticketId: t.id, version: t.version, estateId: ESTATE.id })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'leadership', 'placeEstate', { ticketId: t.id, version: 99, estateId: ESTATE.id })).error?.code).toBe('TICKET.VERSION_CONFLICT');
    expect((await app.store.getTicket(t.id))!.estateId).toBeNull();
  });
});
