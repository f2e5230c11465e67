/**
 * The staff ticket page names the ticket's estate and marks it on the map (address, point, 小区).
 * It took them from `report.estates`, the public estate list, which answers at most 100 estates of
 * the whole deployment, nearest or by name: past the 100th, the page showed the estate's id, 未关联小区
 * on the map and no address. Its jsdom test passed because its faked list held the one estate.
 * `ticket.detail` now carries the ticket's estate (its public fields, as report.estates gives them).
 * On the SQLite and CloudBase stores (the real SDK, loopback server).
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Estate } from '../../../shared/domain/directory';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, newKey, REPORT, type TestApp } from '../../support/app';

/** 100 estates of the county whose names sort before 锦绣花园 (安 an < 锦 jin): a county has hundreds. */
const MORE_ESTATES: Estate[] = Array.from({ length: 100 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { ...ESTATE, id: `yn-anju-${n}`, name: `安居小区${n}`, sceneCode: `yn-anju-${n}`, propertyCompanyId: null, propertyInfo: null };
});

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('ticket.detail carries the ticket’s estate on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  let ticketId: string;
  beforeEach(async () => {
    app = (await make()) as TestApp<Store>;
    for (const e of MORE_ESTATES) await app.store.putEstate(e);
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(submitted.ok).toBe(true);
    ticketId = submitted.data.ticket.id;
  });
  afterEach(async () => app.close());

  it('the public list the page read stops before the ticket’s estate (the gap)', async () => {
    const listed = await app.call(report, null, 'estates', { limit: 100 });
    expect(listed.ok).toBe(true);
    expect(listed.data.items).toHaveLength(100);
    expect(listed.data.items.map((e: { id: string }) => e.id)).not.toContain(ESTATE.id);
  });

  it('the grid worker’s detail names the estate with its address and point', async () => {
    const res = await app.call(ticket, 'grid', 'detail', { ticketId });
    expect(res.ok).toBe(true);
    expect(res.data.estate).toEqual({
      id: ESTATE.id,
      name: '锦绣花园',
      jurisdiction: 'yongning',
      townshipId: ESTATE.townshipId,
      address: '永宁县团结西路88号',
      location: ESTATE.location,
      sceneCode: ESTATE.sceneCode,
    });
  });

  it('carries only the estate’s public fields: not its property company or its fees', async () => {
    const res = await app.call(ticket, 'street', 'detail', { ticketId });
    expect(res.ok).toBe(true);
    expect(res.data.estate.id).toBe(ESTATE.id);
    expect(Object.keys(res.data.estate).sort()).toEqual(['address', 'id', 'jurisdiction', 'location', 'name', 'sceneCode', 'townshipId']);
  });

  it('a grid worker of another estate is refused and learns nothing of the estate', async () => {
    const res = await app.call(ticket, 'otherGrid', 'detail', { ticketId });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toMatch(/^AUTH\./);
    expect(JSON.stringify(res)).not.toContain(ESTATE.address);
  });
});
