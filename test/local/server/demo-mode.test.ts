/**
 * Demo mode (issue 14 item 4). The dev sign-in lets anyone act as any demo user, so demo mode binds
 * loopback only and refuses a Host that is not loopback (DNS rebinding: a page of evil.example whose
 * name was rebound to 127.0.0.1 reaches the runtime with `Host: evil.example`). Without demo mode
 * (DEMO=0) there is neither demo data nor dev sign-in, and /api/dev/* needs a signed-in admin.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRuntime } from '../../../local/runtime';
import { addressedToLoopback, hostOfAuthority, isLoopbackHost } from '../../../local/server/host';
import type { User } from '../../../shared/domain/directory';
import { startTestRuntime, type Json, type TestRuntime } from './support';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../../..');

interface Raw {
  status: number;
  continued: boolean;
  body: Json;
}

/** A request with any Host header and request target (fetch sets Host itself). */
function raw(base: string, opts: { method?: string; path?: string; host: string; body?: string; headers?: Record<string, string> }): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((done, failed) => {
    let continued = false;
    const body = opts.body ?? '';
    const expectContinue = opts.headers?.Expect === '100-continue';
    const req = request({
      hostname,
      port,
      method: opts.method ?? 'GET',
      path: opts.path ?? '/',
      setHost: false,
      headers: { Host: opts.host, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...opts.headers },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        done({ status: res.statusCode ?? 0, continued, body: parsed });
      });
    });
    req.on('error', failed);
    if (expectContinue) req.flushHeaders();
    else req.end(body);
  });
}

const signinBody = JSON.stringify({ userId: 'demo.yongning.admin' });

describe('demo mode refuses requests addressed to another name (DNS rebinding)', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ demoTickets: false });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('is the default of startRuntime', () => {
    expect(t.rt.demo).toBe(true);
  });

  it('refuses a dev sign-in sent with Host: evil.example:8787 (421 REQUEST.HOST_NOT_ALLOWED), and answers no token', async () => {
    const res = await raw(t.url, { method: 'POST', path: '/api/dev/signin', host: 'evil.example:8787', body: signinBody });
    expect(res.status).toBe(421);
    expect(res.body).toEqual({ ok: false, error: { code: 'REQUEST.HOST_NOT_ALLOWED', message: expect.stringContaining('Host') } });
    // The same request addressed to loopback signs in: only the Host differs.
    const ok = await raw(t.url, { method: 'POST', path: '/api/dev/signin', host: new URL(t.url).host, body: signinBody });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.data.token).toBe('string');
  });

  it('refuses every path and method under a foreign Host, and a missing or malformed one', async () => {
    for (const host of ['evil.example:8787', 'evil.example', '127.0.0.1.evil.example', 'localhost.evil.example:80', '10.0.0.5:8787', '0.0.0.0:8787', '', 'localhost:80@evil.example']) {
      for (const [method, path] of [
        ['GET', '/healthz'],
        ['GET', '/api/dev/users'],
        ['POST', '/api/dev/sweep'],
        ['GET', '/open311/v2/services.json'],
        ['GET', '/'],
      ] as const) {
        const res = await raw(t.url, { method, path, host });
        expect({ host, method, path, status: res.status, code: res.body?.error?.code }).toEqual({ host, method, path, status: 421, code: 'REQUEST.HOST_NOT_ALLOWED' });
      }
    }
  });

  it('refuses an absolute-form request target naming another host, even with a loopback Host', async () => {
    const res = await raw(t.url, { method: 'GET', path: 'http://evil.example:8787/api/dev/users', host: new URL(t.url).host });
    expect(res.status).toBe(421);
    expect(res.body.error.code).toBe('REQUEST.HOST_NOT_ALLOWED');
  });

  it('answers 127.0.0.1, localhost and [::1] with any port or none, in any case', async () => {
    const { port } = new URL(t.url);
    for (const host of [`127.0.0.1:${port}`, '127.0.0.1', `localhost:${port}`, 'LocalHost:1', `[::1]:${port}`, '[::1]']) {
      const res = await raw(t.url, { method: 'GET', path: '/healthz', host });
      expect({ host, status: res.status }).toEqual({ host, status: 200 });
    }
  });

  it('sends no 100 Continue to a foreign Host: the body is never sent', async () => {
    const res = await raw(t.url, { method: 'POST', path: '/api/dev/signin', host: 'evil.example:8787', body: signinBody, headers: { Expect: '100-continue' } });
    expect(res.continued).toBe(false);
    expect(res.status).toBe(421);
  });

  it('keeps POST /api/dev/sweep open for the demo (no sign-in needed)', async () => {
    const res = await fetch(`${t.url}/api/dev/sweep`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.data.sweep.ok).toBe(true);
  });
});

describe('demo mode refuses a non-loopback bind', () => {
  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.org'])('startRuntime({host: %s}) fails with a clear error and creates no store', async (host) => {
    const dir = mkdtempSync(join(tmpdir(), 'xqcs-bind-'));
    try {
      await expect(startRuntime({ dataDir: join(dir, 'data'), port: 0, host })).rejects.toThrow(/演示模式只能监听本机回环地址.*DEMO=0/);
      expect(existsSync(join(dir, 'data', 'store.sqlite'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`HOST=0.0.0.0 npm start` exits with status 1 and says why, without listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xqcs-bind-'));
    try {
      // Its own process group (tsx runs the script in a child): a runtime that did start is killed whole.
      const proc = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['local/start.ts'], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, HOST: '0.0.0.0', DEMO: '', PORT: '0', DATA_DIR: join(dir, 'data'), SKIP_H5_BUILD: '1' },
      });
      let out = '';
      let err = '';
      proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | string | null>((done) => {
        const timer = setTimeout(() => {
          if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
          done('still running after 30 s');
        }, 30_000);
        proc.once('exit', (c) => {
          clearTimeout(timer);
          done(c);
        });
      });
      expect(code).toBe(1);
      expect(err).toContain('演示模式只能监听本机回环地址');
      expect(err).toContain('HOST=0.0.0.0');
      expect(out).not.toContain('已启动');
      expect(existsSync(join(dir, 'data', 'store.sqlite'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds a loopback name (localhost) in demo mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xqcs-bind-'));
    try {
      const rt = await startRuntime({ dataDir: join(dir, 'data'), port: 0, host: 'localhost', demoTickets: false, h5Dir: join(dir, 'no-h5') });
      await rt.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loopback names', () => {
  it('knows loopback hosts and authorities', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) expect({ h, loopback: isLoopbackHost(h) }).toEqual({ h, loopback: true });
    for (const h of ['0.0.0.0', '::', '', '127.0.0.256', '128.0.0.1', 'localhost.', 'evil.example', '127.0.0.1.evil.example', '::ffff:10.0.0.1']) {
      expect({ h, loopback: isLoopbackHost(h) }).toEqual({ h, loopback: false });
    }
    expect(hostOfAuthority('127.0.0.1:8787')).toBe('127.0.0.1');
    expect(hostOfAuthority('[::1]:8787')).toBe('[::1]');
    expect(hostOfAuthority('localhost')).toBe('localhost');
    for (const a of ['', 'localhost:', 'localhost:abc', 'localhost:80@evil.example', 'a b', '::1', '[::1]x']) expect({ a, host: hostOfAuthority(a) }).toEqual({ a, host: null });
  });

  it('takes the absolute-form target over the Host header', () => {
    const req = (host: string | undefined, url: string) => ({ headers: host === undefined ? {} : { host }, url }) as Parameters<typeof addressedToLoopback>[0];
    expect(addressedToLoopback(req('127.0.0.1:1', '/x'))).toBe(true);
    expect(addressedToLoopback(req(undefined, '/x'))).toBe(false);
    expect(addressedToLoopback(req('127.0.0.1:1', 'http://localhost:1/x'))).toBe(true);
    expect(addressedToLoopback(req('127.0.0.1:1', 'http://evil.example/x'))).toBe(false);
  });
});

describe('without demo mode (DEMO=0)', () => {
  let t: TestRuntime;
  const admin: User = {
    id: 'ops.admin',
    name: '运维管理员',
    phone: null,
    openid: null,
    demo: false,
    grants: [{ role: 'admin', jurisdiction: 'yongning' }],
  };
  const resident: User = { id: 'ops.resident', name: '居民', phone: null, openid: null, demo: false, grants: [{ role: 'resident', jurisdiction: 'yongning' }] };

  beforeAll(async () => {
    t = await startTestRuntime({ demo: false });
    await t.rt.deps.store.putUser(admin);
    await t.rt.deps.store.putUser(resident);
  });
  afterAll(async () => {
    await t.stop();
  });

  const sweep = (token?: string) => fetch(`${t.url}/api/dev/sweep`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it('seeds no demo data', async () => {
    expect(t.rt.demo).toBe(false);
    expect(await t.rt.deps.store.listUsers({ demo: true })).toEqual([]);
    expect(await t.rt.deps.store.listEstates({})).toEqual([]);
  });

  it('has no dev sign-in and no demo-user picker (404 DEV.DEMO_ONLY), for any user id', async () => {
    for (const userId of ['demo.yongning.admin', 'ops.admin']) {
      const res = await fetch(`${t.url}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'DEV.DEMO_ONLY', message: expect.any(String) } });
    }
    const users = await t.get('/api/dev/users');
    expect(users.status).toBe(404);
    expect(users.body.error.code).toBe('DEV.DEMO_ONLY');
  });

  it('refuses POST /api/dev/sweep and GET /api/dev/clock without a session (401) and to a non-admin (403)', async () => {
    const anonymous = await sweep();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('AUTH.UNAUTHENTICATED');
    const asResident = await sweep(t.rt.sessions.signIn(resident.id));
    expect(asResident.status).toBe(403);
    expect((await asResident.json()).error.code).toBe('AUTH.FORBIDDEN');
    expect((await t.get('/api/dev/clock')).status).toBe(401);
    expect((await sweep('made-up-token')).status).toBe(401);
  });

  it('runs the sweep for a signed-in admin (a session an identity provider opened)', async () => {
    const token = t.rt.sessions.signIn(admin.id);
    const res = await sweep(token);
    expect(res.status).toBe(200);
    expect((await res.json()).data.sweep.ok).toBe(true);
    expect((await t.get('/api/dev/clock', { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('never honours a session of a demo user (a demo account is anyone\'s)', async () => {
    await t.rt.deps.store.putUser({ ...admin, id: 'demo.left.admin', demo: true });
    const token = t.rt.sessions.signIn('demo.left.admin');
    const res = await sweep(token);
    expect(res.status).toBe(401);
    expect((await t.call('admin', 'listUsers', {}, token)).status).toBe(401);
  });

  it('does not check the Host (it runs behind a proxy and an identity provider)', async () => {
    const res = await raw(t.url, { method: 'GET', path: '/healthz', host: 'xqcs.example.gov.cn' });
    expect(res.status).toBe(200);
  });
});
