/** Photo upload and download through the local runtime. */
import { PNG_1X1, startTestRuntime, type TestRuntime } from './support';

let t: TestRuntime;
let token: string;

beforeAll(async () => {
  t = await startTestRuntime({ demoTickets: false });
  token = await t.signIn('demo.wuzhong.resident1');
});

afterAll(async () => {
  await t.stop();
});

const upload = (body: Buffer | string, contentType: string, auth: string | null = token) =>
  fetch(`${t.url}/api/upload`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

describe('photos', () => {
  it('uploads a PNG and streams the same bytes back with its content type', async () => {
    const res = await upload(PNG_1X1, 'image/png');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.data.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.data.url).toBe(`/files/${body.data.id}`);

    const got = await fetch(`${t.url}${body.data.url}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG_1X1)).toBe(true);

    // The uploaded id can go on a report.
    const sub = await t.call(
      'report',
      'submit',
      { idempotencyKey: 'photo-report-1', estateId: 'wz-lmjy', category: 'greenery', description: '小区绿地被人私自种菜，毁坏草坪', photos: [body.data.id] },
      token,
    );
    expect(sub.status).toBe(200);
    expect(sub.body.data.ticket.photos).toEqual([body.data.id]);
  });

  it('refuses uploads without a sign-in', async () => {
    const res = await upload(PNG_1X1, 'image/png', null);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses other types, bytes that are not what the type says, and empty bodies', async () => {
    const html = await upload('<script>alert(1)</script>', 'text/html');
    expect(html.status).toBe(415);
    expect((await html.json()).error.code).toBe('FILE.UNSUPPORTED_TYPE');
    const fake = await upload(Buffer.from('GIF89a not a jpeg'), 'image/jpeg');
    expect(fake.status).toBe(400);
    expect((await fake.json()).error.code).toBe('FILE.CONTENT_MISMATCH');
    const empty = await upload(Buffer.alloc(0), 'image/png');
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe('FILE.EMPTY');
  });

  it('refuses photos over 10 MB with 413', async () => {
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(big, 'image/png');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('FILE.TOO_LARGE');
  });

  it('answers 404 for unknown or malformed file ids', async () => {
    expect((await fetch(`${t.url}/files/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${t.url}/files/..%2fstore.sqlite`)).status).toBe(404);
  });
});
