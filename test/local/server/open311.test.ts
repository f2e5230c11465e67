/** Open311 GeoReport v2 on the local runtime, against the spec's field names (issue 3 §5). */
import { CATEGORIES } from '../../../shared/taxonomy/categories';
import { route } from '../../../shared/routing/route';
import { DEMO_ESTATES } from '../../../local/demo';
import { reporterIdForKey } from '../../../cloudfunctions/_app/open311';
import { addWorkingDays } from '../../../shared/sla/calendar';
import { PNG_1X1, startTestRuntime, submitData, type Json, type TestRuntime } from './support';

const KEY = 'test-open311-key';
const SHANGHAI_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/;

/** GeoReport v2 field names of a service and of a service request. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ open311ApiKey: KEY });
});

afterAll(async () => {
  await t.stop();
});

function post(rt: TestRuntime, params: Record<string, string>, json = false) {
  return fetch(`${rt.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
}

const hsjy = DEMO_ESTATES.find((e) => e.id === 'yn-hsjy');
const valid = (over: Record<string, string> = {}) => ({
  api_key: KEY,
  jurisdiction_id: 'yongning',
  service_code: 'parking',
  lat: String((hsjy?.location.lat ?? 0) + 0.0005),
  long: String(hsjy?.location.lng ?? 0),
  description: '消防通道被私家车长期占用，救护车进不来',
  ...over,
});

describe('GET services.json', () => {
  it('lists every category with the GeoReport v2 fields: code, Chinese name, group, metadata false, realtime', async () => {
    const res = await t.get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const services = res.body as Array<Record<string, unknown>>;
    expect(services).toHaveLength(CATEGORIES.length);
    for (const s of services) expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
    const fly = services.find((s) => s.service_code === 'fly-wire');
    expect(fly).toMatchObject({ service_name: '飞线充电', group: '安全', metadata: false, type: 'realtime' });
    expect(new Set(services.map((s) => s.group))).toEqual(new Set(['治脏', '治乱', '安全', '其他']));
  });

  it('answers an unknown jurisdiction_id with a 404 error array', async () => {
    const res = await t.get('/open311/v2/services.json?jurisdiction_id=atlantis');
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});

describe('POST requests.json', () => {
  it('refuses creation while OPEN311_API_KEY is unset, whatever key is sent', async () => {
    const closed = await startTestRuntime({ open311ApiKey: null, demoTickets: false });
    try {
      for (const params of [valid(), valid({ api_key: '' })]) {
        const res = await post(closed, params);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual([{ code: 403, description: expect.stringContaining('OPEN311_API_KEY') }]);
      }
      expect((await closed.rt.deps.store.queryTickets({}, { limit: 10 })).items).toHaveLength(0);
    } finally {
      await closed.stop();
    }
  });

  it('refuses creation without the api_key or with a wrong one, and writes nothing', async () => {
    const before = (await t.rt.deps.store.queryTickets({ jurisdiction: 'yongning' }, { limit: 100 })).items.length;
    const { api_key: _omit, ...noKey } = valid();
    for (const params of [noKey, valid({ api_key: 'wrong' }), valid({ api_key: `${KEY}x` })]) {
      const res = await post(t, params);
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body).toEqual([{ code: 403, description: expect.any(String) }]);
    }
    expect((await t.rt.deps.store.queryTickets({ jurisdiction: 'yongning' }, { limit: 100 })).items.length).toBe(before);
  });

  it('refuses an api_key in the query string (400), even a right one with a right body, and writes nothing', async () => {
    const before = (await t.rt.deps.store.queryTickets({ jurisdiction: 'yongning' }, { limit: 100 })).items.length;
    const { api_key: _omit, ...noKey } = valid();
    for (const [query, params] of [
      [KEY, noKey],
      [KEY, valid()],
      ['wrong', valid()],
    ] as const) {
      const res = await fetch(`${t.url}/open311/v2/requests.json?api_key=${encodeURIComponent(query)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([{ code: 400, description: expect.stringContaining('api_key') }]);
    }
    expect((await t.rt.deps.store.queryTickets({ jurisdiction: 'yongning' }, { limit: 100 })).items.length).toBe(before);
  });

  it('creates a request with the key: the nearest estate within 1 km, routed by the list', async () => {
    const res = await post(t, valid({ media_url: 'https://example.org/photos/1.jpg' }));
    expect(res.status).toBe(200);
    const [created] = await res.json();
    expect(Object.keys(created).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created.service_request_id).toMatch(/^YN-\d{8}-\d{4}$/);

    const stored = await t.rt.deps.store.getTicketByNo(created.service_request_id);
    expect(stored).toMatchObject({ estateId: 'yn-hsjy', streetId: 'yongning.t.yanghe', gridId: 'yn-hsjy.grid', state: 'submitted', category: 'parking' });
    expect(stored?.reporter.userId).toBe(reporterIdForKey(KEY));
    expect(stored?.reporter.userId).not.toContain(KEY);

    const one = await t.get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const r = one.body[0];
    expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
    const expected = route({ jurisdiction: 'yongning', category: 'parking', estate: hsjy });
    expect(r).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'parking',
      service_name: '车辆乱停乱放',
      description: '消防通道被私家车长期占用，救护车进不来',
      agency_responsible: expected.lead.map((u) => u.name).join('、'),
      media_url: 'https://example.org/photos/1.jpg',
    });
    expect(r.agency_responsible).toContain('、');
    expect(r.address).toContain('和顺佳苑');
    expect(r.lat).toBeCloseTo(Number(valid().lat), 6);
    expect(r.long).toBeCloseTo(Number(valid().long), 6);
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[field]).toMatch(SHANGHAI_ISO);
    // Not whistled yet: still the resolve deadline (5 working days for a normal category), never triage.
    const triage = stored?.deadlines.find((d) => d.step === 'triage');
    expect(Date.parse(r.expected_datetime)).not.toBe(Date.parse(triage?.due ?? ''));
    expect(Date.parse(r.expected_datetime)).toBe(Date.parse(addWorkingDays(stored?.createdAt ?? '', 5)));
    expect(Date.parse(r.requested_datetime)).toBe(Date.parse(stored?.createdAt ?? ''));
  });

  it('routes at jurisdiction level when no registered estate is within 1 km (and takes JSON bodies)', async () => {
    const res = await post(t, valid({ jurisdiction_id: 'yinchuan', service_code: 'garbage', lat: '38.60', long: '106.40', address_string: '兴庆区某路口' }), true);
    expect(res.status).toBe(200);
    const [created] = await res.json();
    const stored = await t.rt.deps.store.getTicketByNo(created.service_request_id);
    expect(stored).toMatchObject({ jurisdiction: 'yinchuan', estateId: null, streetId: null, gridId: null });
    expect(stored?.route.lead).toEqual(route({ jurisdiction: 'yinchuan', category: 'garbage' }).lead);
    const [r] = (await t.get(`/open311/v2/requests/${created.service_request_id}.json`)).body;
    expect(r.address).toBe('兴庆区某路口');
    expect(r.agency_responsible).toBe(stored?.route.lead.map((u) => u.name).join('、'));
  });

  it('accepts an address_string without coordinates', async () => {
    const { lat: _lat, long: _long, ...rest } = valid();
    const res = await post(t, { ...rest, address_string: '杨和镇宁和南街' });
    expect(res.status).toBe(200);
    const [created] = await res.json();
    expect((await t.rt.deps.store.getTicketByNo(created.service_request_id))?.estateId).toBeNull();
  });

  it.each([
    ['no jurisdiction_id', { jurisdiction_id: '' }, 400],
    ['unknown jurisdiction_id', { jurisdiction_id: 'atlantis' }, 404],
    ['no service_code', { service_code: '' }, 400],
    ['unknown service_code', { service_code: 'potholes' }, 400],
    ['no location at all', { lat: '', long: '' }, 400],
    ['lat without long', { long: '' }, 400],
    ['lat out of range', { lat: '123' }, 400],
    ['hex coordinates', { lat: '0x26', long: '0x6A' }, 400],
    ['exponent coordinates', { lat: '3.83e1' }, 400],
    ['Infinity', { long: 'Infinity' }, 400],
    ['a Sydney location for a Qitai request', { jurisdiction_id: 'qitai', lat: '-33.8688', long: '151.2093' }, 400],
    ['description too short', { description: '占道' }, 400],
    ['abusive description', { description: '物业那帮王八蛋天天不管事' }, 400],
    ['media_url not http(s)', { media_url: 'javascript:alert(1)' }, 400],
  ])('answers %s with an error array', async (_name, over, status) => {
    const res = await post(t, valid(over as Record<string, string>));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual([{ code: status, description: expect.any(String) }]);
  });
});

describe('GET requests.json and requests/{id}.json', () => {
  it('answers an unknown id with a 404 error array', async () => {
    const res = await t.get('/open311/v2/requests/YN-19990101-0001.json');
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('lists requests newest first with filters, and never exposes reporter data', async () => {
    const token = await t.signIn('demo.yongning.resident1');
    const sub = await t.call('report', 'submit', submitData({ description: '我家在3号楼2单元501，电话13912345678，楼下有人飞线充电', contactPhone: '13912345678' }), token);
    expect(sub.status).toBe(200);
    const no = sub.body.data.ticket.no as string;

    const res = await t.get('/open311/v2/requests.json?jurisdiction_id=yongning');
    expect(res.status).toBe(200);
    const list = res.body as Array<Record<string, Json>>;
    expect(list.length).toBeGreaterThan(1);
    const times = list.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(list.every((r) => r.service_request_id.startsWith('YN-'))).toBe(true);

    const resident = list.find((r) => r.service_request_id === no);
    expect(resident).toBeDefined();
    // A resident's own words and point stay private: the estate stands in.
    expect(resident?.description).toBeNull();
    expect(resident?.lat).toBe(hsjy?.location.lat);
    const text = JSON.stringify(list);
    for (const secret of ['13912345678', 'demo.yongning.resident1', 'open311:', 'reporter', 'openid', '501']) expect(text).not.toContain(secret);

    const parking = (await t.get('/open311/v2/requests.json?jurisdiction_id=yongning&service_code=parking')).body as Array<Record<string, Json>>;
    expect(parking.length).toBeGreaterThan(0);
    expect(parking.every((r) => r.service_code === 'parking')).toBe(true);
    const closed = (await t.get('/open311/v2/requests.json?jurisdiction_id=yongning&status=closed')).body;
    expect(closed).toEqual([]);
    const byId = (await t.get(`/open311/v2/requests.json?service_request_id=${no},NOPE-1`)).body as Array<Record<string, Json>>;
    expect(byId.map((r) => r.service_request_id)).toEqual([no]);
    const future = (await t.get('/open311/v2/requests.json?start_date=2099-01-01T00:00:00%2B08:00')).body;
    expect(future).toEqual([]);
  });

  it('shows a resident photo as media_url only when the resident made photos public', async () => {
    const token = await t.signIn('demo.yongning.resident1');
    const photo = async () => {
      const res = await fetch(`${t.url}/api/upload`, { method: 'POST', headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${token}` }, body: new Uint8Array(PNG_1X1) });
      return ((await res.json()) as { data: { id: string } }).data.id;
    };
    const shown = await photo();
    const hidden = await photo();
    const pub = await t.call('report', 'submit', submitData({ photos: [shown], photosPublic: true }), token);
    const priv = await t.call('report', 'submit', submitData({ photos: [hidden] }), token);
    const [a] = (await t.get(`/open311/v2/requests/${pub.body.data.ticket.no}.json`)).body;
    const [b] = (await t.get(`/open311/v2/requests/${priv.body.data.ticket.no}.json`)).body;
    expect(a.media_url).toBe(`${t.url}/files/${shown}`);
    expect((await fetch(a.media_url)).status).toBe(200);
    expect(b.media_url).toBeNull();
  });

  it('shows whistled requests with their units and the resolve deadline as expected_datetime', async () => {
    const res = await t.get('/open311/v2/requests.json?jurisdiction_id=qitai&service_code=garbage');
    const whistled = (res.body as Array<Record<string, Json>>).find((r) => r.status_notes.startsWith('已吹哨'));
    expect(whistled).toBeDefined();
    const stored = await t.rt.deps.store.getTicketByNo(whistled?.service_request_id);
    const resolve = stored?.deadlines.find((d) => d.step === 'resolve');
    expect(resolve).toBeDefined();
    expect(Date.parse(whistled?.expected_datetime)).toBe(Date.parse(resolve?.due ?? ''));
    expect(whistled?.status_notes).toContain(stored?.route.lead[0]?.name);
  });

  it.each([
    ['status=maybe', 400],
    ['service_code=potholes', 400],
    ['start_date=yesterday', 400],
    ['jurisdiction_id=atlantis', 404],
  ])('answers GET requests.json?%s with an error array', async (query, status) => {
    const res = await t.get(`/open311/v2/requests.json?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual([{ code: status, description: expect.any(String) }]);
  });

  it('answers unknown Open311 paths and XML with error arrays', async () => {
    expect((await t.get('/open311/v2/discovery.json')).status).toBe(404);
    const xml = await t.get('/open311/v2/services.xml');
    expect(xml.status).toBe(400);
    expect(xml.body[0].code).toBe(400);
  });
});

/**
 * GeoReport v2 defines expected_datetime as "the datetime when the service request is expected to
 * be fulfilled": the resolve deadline (DESIGN.md §6: urgent 24 h natural time, normal 5 working
 * days), hand-computed here, not the triage deadline of the first step.
 */
describe('expected_datetime is the resolve deadline (GeoReport v2)', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    // The day before the 2026 National Day holiday (1–7 October; Saturday 10 October is a make-up working day).
    rt = await startTestRuntime({ open311ApiKey: KEY, simulatedNow: '2026-09-30T10:00:00+08:00', demoTickets: false });
  });
  afterAll(async () => {
    await rt.stop();
  });

  async function expectedFor(serviceCode: string): Promise<{ requested: string; expected: string }> {
    const res = await post(rt, valid({ service_code: serviceCode }));
    expect(res.status).toBe(200);
    const [created] = await res.json();
    const one = await rt.get(`/open311/v2/requests/${created.service_request_id}.json`);
    return { requested: one.body[0].requested_datetime, expected: one.body[0].expected_datetime };
  }

  it('a normal category: 5 working days across National Day (Oct 8, 9, Sat 10 调休, 12, 13)', async () => {
    const { requested, expected } = await expectedFor('parking');
    expect(requested.slice(0, 10)).toBe('2026-09-30');
    // Same wall-clock time as the submission, on 13 October.
    expect(expected.slice(0, 10)).toBe('2026-10-13');
    expect(expected.slice(10)).toBe(requested.slice(10));
  });

  it('an urgent category: 24 hours of natural time, holiday or not (not the 30-minute triage)', async () => {
    const { requested, expected } = await expectedFor('fire-lane');
    expect(Date.parse(expected) - Date.parse(requested)).toBe(24 * 3600 * 1000);
    expect(expected.slice(0, 10)).toBe('2026-10-01');
  });
});
