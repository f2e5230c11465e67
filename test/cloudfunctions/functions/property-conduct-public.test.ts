/**
 * Issue 14 §3: a complaint about the property company's own conduct (擅自涨价、乱收费 and the other
 * categories of the property-company rule) stays off every surface anyone may read without signing
 * in — report.nearby, report.publicView (the share card) and Open311 GET — and stays visible to the
 * handling chain. Before the fix, nearby, publicView and `GET requests.json?service_code=illegal-fee`
 * listed it to anyone, the estate's property company included.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { handleOpen311, type Open311Config, type Open311Params } from '../../../cloudfunctions/_app/open311';
import { PROPERTY_CONDUCT_CATEGORIES } from '../../../shared/taxonomy/categories';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

const KEY = 'open311-test-key';
const CONFIG: Open311Config = { apiKey: KEY };
const FEE_TEXT = '物业擅自把停车费从每月60元涨到120元，没有公示';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
});
afterEach(() => app.close());

async function submit(category: string, description = `${FEE_TEXT}（${category}）`) {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, description, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit ${category}: ${res.error?.code}`);
  return res.data.ticket as { id: string; no: string; version: number };
}

const open311 = (method: string, path: string, query: Open311Params = {}, body: Open311Params = {}) => handleOpen311(app.deps, { method, path, query, body }, CONFIG);
const ids = (body: unknown) => (body as Array<{ service_request_id: string }>).map((r) => r.service_request_id);

describe('report.nearby and report.publicView (no sign-in)', () => {
  it('does not list an illegal-fee complaint as nearby, to anyone, while a fly-wire report nearby is listed', async () => {
    const fee = await submit('illegal-fee');
    const wire = await submit('fly-wire', '3号楼有人从窗户拉电线给电动车充电');
    for (const who of [null, 'otherResident', 'property', 'resident'] as const) {
      for (const location of [REPORT.location, null]) {
        const res = await app.call(report, who, 'nearby', { estateId: REPORT.estateId, category: 'illegal-fee', location });
        expect(res.ok).toBe(true);
        expect(res.data.items).toEqual([]);
        expect(JSON.stringify(res)).not.toContain(fee.id);
        expect(JSON.stringify(res)).not.toContain(fee.no);
      }
    }
    const near = await app.call(report, null, 'nearby', { estateId: REPORT.estateId, category: 'fly-wire', location: REPORT.location });
    expect(near.data.items.map((t: { id: string }) => t.id)).toEqual([wire.id]);
  });

  it('answers publicView of an illegal-fee complaint as if it did not exist, and shows nothing of it', async () => {
    const fee = await submit('illegal-fee');
    for (const who of [null, 'property', 'otherResident', 'resident'] as const) {
      const res = await app.call(report, who, 'publicView', { ticketId: fee.id });
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(res)).not.toContain(fee.no);
      expect(JSON.stringify(res)).not.toContain('乱收费');
    }
    const wire = await submit('fly-wire', '3号楼有人从窗户拉电线给电动车充电');
    expect((await app.call(report, null, 'publicView', { ticketId: wire.id })).ok).toBe(true);
  });

  it.each(PROPERTY_CONDUCT_CATEGORIES.map((c) => [c]))('%s: neither nearby nor publicView shows it', async (category) => {
    const t = await submit(category);
    expect((await app.call(report, null, 'nearby', { estateId: REPORT.estateId, category, location: null })).data.items).toEqual([]);
    expect((await app.call(report, null, 'publicView', { ticketId: t.id })).error?.code).toBe('NOT_FOUND');
  });

  it('refuses to share it into an owner group (the company sits there too)', async () => {
    const groupId = (await app.call(ticket, 'street', 'bindGroup', { estateId: REPORT.estateId, demoGroupId: 'demo.yn-jinxiu.1' })).data.group.id;
    const fee = await submit('illegal-fee');
    const res = await app.call(report, 'resident', 'shareToGroup', { ticketId: fee.id, groupId });
    expect(res.error?.code).toBe('GROUP.NOT_SHAREABLE');
    expect((await app.store.getTicket(fee.id))!.sharedGroups).toEqual([]);
    const wire = await submit('fly-wire', '3号楼有人从窗户拉电线给电动车充电');
    expect((await app.call(report, 'resident', 'shareToGroup', { ticketId: wire.id, groupId })).data.added).toBe(true);
  });
});

describe('Open311 GET', () => {
  it('does not list an illegal-fee complaint, not even with ?service_code=illegal-fee', async () => {
    const fee = await submit('illegal-fee');
    const wire = await submit('fly-wire', '3号楼有人从窗户拉电线给电动车充电');

    const filtered = await open311('GET', 'requests.json', { service_code: 'illegal-fee' });
    expect(filtered).toEqual({ status: 200, body: [] });
    const mixed = await open311('GET', 'requests.json', { service_code: 'illegal-fee,fly-wire', jurisdiction_id: 'yongning' });
    expect(ids(mixed.body)).toEqual([wire.no]);
    const all = await open311('GET', 'requests.json');
    expect(ids(all.body)).toEqual([wire.no]);
    for (const status of ['open', 'closed']) expect(ids((await open311('GET', 'requests.json', { status })).body)).not.toContain(fee.no);
    expect(JSON.stringify(all.body)).not.toContain('illegal-fee');
  });

  it('leaves it out of a lookup by id, and answers requests/<id>.json with 404 as for an unknown id', async () => {
    const fee = await submit('illegal-fee');
    const wire = await submit('fly-wire', '3号楼有人从窗户拉电线给电动车充电');
    expect(ids((await open311('GET', 'requests.json', { service_request_id: `${fee.no},${wire.no},${fee.id}` })).body)).toEqual([wire.no]);
    for (const id of [fee.no, fee.id]) {
      const one = await open311('GET', `requests/${id}.json`);
      expect(one.status).toBe(404);
      expect(one.body).toEqual([{ code: 404, description: `service_request_id ${id} 不存在` }]);
    }
    expect((await open311('GET', `requests/${wire.no}.json`)).status).toBe(200);
  });

  it.each(PROPERTY_CONDUCT_CATEGORIES.map((c) => [c]))('%s: GET requests.json filtered by that service_code is empty', async (category) => {
    const t = await submit(category);
    expect((await open311('GET', 'requests.json', { service_code: category })).body).toEqual([]);
    expect((await open311('GET', `requests/${t.no}.json`)).status).toBe(404);
  });

  it('still lists the service in services.json and takes a POST of it, which GET then does not show', async () => {
    const services = (await open311('GET', 'services.json')).body as Array<{ service_code: string }>;
    expect(services.map((s) => s.service_code)).toEqual(expect.arrayContaining([...PROPERTY_CONDUCT_CATEGORIES]));
    const posted = await open311('POST', 'requests.json', {}, {
      api_key: KEY,
      jurisdiction_id: 'yongning',
      service_code: 'illegal-fee',
      lat: String(REPORT.location.lat),
      long: String(REPORT.location.lng),
      description: FEE_TEXT,
    });
    expect(posted.status).toBe(200);
    const no = ids(posted.body)[0] as string;
    expect(no).toMatch(/^YN-/);
    expect((await open311('GET', `requests/${no}.json`)).status).toBe(404);
    expect((await open311('GET', 'requests.json', { service_code: 'illegal-fee' })).body).toEqual([]);
  });
});

describe('the handling chain still sees it', () => {
  it('the grid worker finds it in the queue and opens it; the street sees it; the estate’s company does not', async () => {
    const fee = await submit('illegal-fee');
    const queue = await app.call(ticket, 'grid', 'queue', { view: 'grid' });
    expect(queue.data.items.map((t: { id: string }) => t.id)).toContain(fee.id);
    expect((await app.call(ticket, 'grid', 'detail', { ticketId: fee.id })).data.ticket.description).toContain('停车费');
    expect((await app.call(ticket, 'street', 'detail', { ticketId: fee.id })).ok).toBe(true);
    expect((await app.call(report, 'resident', 'detail', { ticketId: fee.id })).ok).toBe(true);
    expect((await app.call(ticket, 'property', 'detail', { ticketId: fee.id })).error?.code).toBe('AUTH.PROPERTY_CONFLICT');
  });
});
