/**
 * `Expect: 100-continue` (RFC 9110 §10.1.1): a client that waits for 100 before sending a large
 * body learns at once that it is too large — the final 413 instead of 100 — and a body within the
 * limit still gets its 100 and is handled. Node's http client is the peer: it sends the body only
 * on 'continue' (node:http docs, "Event: 'continue'").
 */
import { request } from 'node:http';
import { LIMITS } from '../../../local/server/http';
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

interface Outcome {
  continued: boolean;
  status: number;
  body: { ok: boolean; error?: { code: string }; data?: unknown };
}

function sendExpecting(path: string, body: Buffer, contentType: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request(`${t.url}${path}`, {
      method: 'POST',
      headers: { Expect: '100-continue', 'Content-Type': contentType, 'Content-Length': String(body.length), Authorization: `Bearer ${token}` },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ continued, status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

it('answers an oversized photo upload with 413 FILE.TOO_LARGE before the body is sent', async () => {
  const out = await sendExpecting('/api/upload', Buffer.alloc(LIMITS.upload + 1), 'image/png');
  expect(out.continued).toBe(false);
  expect(out.status).toBe(413);
  expect(out.body.error?.code).toBe('FILE.TOO_LARGE');
});

it('answers an oversized action body with 413 REQUEST.TOO_LARGE before the body is sent', async () => {
  const out = await sendExpecting('/api/report', Buffer.alloc(LIMITS.api + 1, ' '), 'application/json');
  expect(out.continued).toBe(false);
  expect(out.status).toBe(413);
  expect(out.body.error?.code).toBe('REQUEST.TOO_LARGE');
});

it('sends 100 Continue for a body within the limit and handles it', async () => {
  const out = await sendExpecting('/api/upload', PNG_1X1, 'image/png');
  expect(out.continued).toBe(true);
  expect(out.status).toBe(200);
  expect(out.body.ok).toBe(true);
});
