/** Starts a real local runtime on a free port with a fresh data directory, and talks to it over HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime, type RuntimeOptions } from '../../../local/runtime';

/** Parsed JSON answers: the tests assert their shape field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface TestRuntime {
  rt: Runtime;
  dir: string;
  url: string;
  /** POST /api/<fn> with `{action, data}`; returns status and parsed body. */
  call(fn: string, action: string, data?: unknown, token?: string | null, extra?: Record<string, unknown>): Promise<{ status: number; body: Json }>;
  signIn(userId: string): Promise<string>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: Json; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestRuntime(opts: Partial<RuntimeOptions> = {}): Promise<TestRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'xqcs-rt-'));
  const rt = await startRuntime({ dataDir: join(dir, 'data'), port: 0, h5Dir: join(dir, 'no-h5'), open311ApiKey: null, sweepEveryMs: 3_600_000, ...opts });
  const url = rt.url;
  const call: TestRuntime['call'] = async (fn, action, data = {}, token = null, extra = {}) => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data, ...extra }),
    });
    return { status: res.status, body: await res.json() };
  };
  const signIn = async (userId: string) => {
    const res = await fetch(`${url}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
    const body = (await res.json()) as { ok: boolean; data: { token: string } };
    if (!body.ok) throw new Error(`sign-in as ${userId} failed: ${JSON.stringify(body)}`);
    return body.data.token;
  };
  const get: TestRuntime['get'] = async (path, headers = {}) => {
    const res = await fetch(`${url}${path}`, { headers });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    rt,
    dir,
    url,
    call,
    signIn,
    get,
    stop: async () => {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid PNG (1×1, transparent). */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e60000000049454e44ae426082',
  'hex',
);

export const submitData = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: `test-${Math.random().toString(36).slice(2, 12)}`,
  estateId: 'yn-hsjy',
  category: 'fly-wire',
  description: '3号楼2单元有人从窗户拉电线给电动车充电',
  ...over,
});
