/** The local runtime over HTTP: health, dev sign-in, the action routers, identity, limits, the H5 build. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { route } from '../../../shared/routing/route';
import { DEMO_ESTATES } from '../../../local/demo';
import { startTestRuntime, submitData, type TestRuntime } from './support';

let t: TestRuntime;

function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t.stop();
});

describe('health and dev sign-in', () => {
  it('answers GET /healthz with 200 {ok:true} once seeded and listening', async () => {
    const res = await t.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    // Seeded before listening: the demo estates are already there.
    expect((await t.rt.deps.store.listEstates({})).length).toBe(DEMO_ESTATES.length);
  });

  it('lists demo users grouped by role with Chinese scope names and no openids', async () => {
    const res = await t.get('/api/dev/users');
    expect(res.status).toBe(200);
    const groups = res.body.data.groups as Array<{ role: string; roleLabel: string; users: Array<Record<string, unknown>> }>;
    expect(groups.map((g) => g.role)).toEqual(['resident', 'grid', 'street', 'department', 'police', 'leadership', 'admin', 'property', 'hotline']);
    expect(groups.find((g) => g.role === 'department')?.roleLabel).toBe('部门');
    const housing = groups.find((g) => g.role === 'department')?.users.find((u) => u.id === 'demo.dept.yongning.zjj');
    expect(housing).toMatchObject({ jurisdiction: 'yongning', jurisdictionName: '永宁县', units: ['县住建局'] });
    const grid = groups.find((g) => g.role === 'grid')?.users.find((u) => u.id === 'demo.grid.yn-hsjy.grid');
    expect(grid?.estates).toEqual(['和顺佳苑']);
    const street = groups.find((g) => g.role === 'street')?.users.find((u) => u.id === 'demo.street.yinchuan.t.funingjie');
    expect(street?.streets).toEqual(['富宁街街道办事处']);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/openid/i);
    expect(text).not.toMatch(/"phone"/);
  });

  it('signs a demo user in and out; a non-demo or unknown user cannot sign in', async () => {
    const signin = await fetch(`${t.url}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: 'demo.qitai.admin' }) });
    const body = await signin.json();
    expect(signin.status).toBe(200);
    expect(body.data.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(body.data.user).toMatchObject({ id: 'demo.qitai.admin', role: 'admin', jurisdictionName: '奇台县' });
    const token = body.data.token as string;
    expect((await t.call('report', 'me', {}, token)).body.data).toMatchObject({ signedIn: true, userId: 'demo.qitai.admin', roles: ['admin'] });

    const out = await fetch(`${t.url}/api/dev/signout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect((await out.json()).data.signedOut).toBe(true);
    const after = await t.call('report', 'me', {}, token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH.UNAUTHENTICATED');

    await t.rt.deps.store.putUser({ id: 'real-user', openid: 'o-real', name: '真实用户', phone: null, grants: [], demo: false });
    for (const userId of ['real-user', 'nobody', '']) {
      const res = await fetch(`${t.url}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
      expect([400, 404]).toContain(res.status);
      expect((await res.json()).ok).toBe(false);
    }
  });
});

describe('POST /api/<function>', () => {
  it('a resident submits a report and sees it in listMine with the lead units', async () => {
    const token = await t.signIn('demo.yongning.resident1');
    const data = submitData();
    const sub = await t.call('report', 'submit', data, token);
    expect(sub.status).toBe(200);
    expect(sub.body.ok).toBe(true);
    const ticket = sub.body.data.ticket;
    expect(ticket).toMatchObject({ estateId: 'yn-hsjy', state: 'submitted', gridId: 'yn-hsjy.grid', streetId: 'yongning.t.yanghe' });
    const expected = route({ jurisdiction: 'yongning', category: 'fly-wire', estate: DEMO_ESTATES.find((e) => e.id === 'yn-hsjy') });

    const mine = await t.call('report', 'listMine', {}, token);
    expect(mine.status).toBe(200);
    const row = mine.body.data.items.find((i: { id: string }) => i.id === ticket.id);
    expect(row).toBeDefined();
    expect(row.lead).toEqual(expected.lead);
    expect(row.lead.map((u: { name: string }) => u.name)).toContain('县住建局');

    // A retry with the same key is the same ticket.
    const again = await t.call('report', 'submit', data, token);
    expect(again.body.data.ticket.id).toBe(ticket.id);
    expect(again.body.data.created).toBe(false);
  });

  it('ignores a spoofed openid or userId in the body: identity comes from the token only', async () => {
    const token = await t.signIn('demo.yongning.resident1');
    const spoof = { openid: 'o-spoofed', userId: 'demo.yongning.admin', identity: { userId: 'demo.yongning.admin' } };
    const sub = await t.call('report', 'submit', { ...submitData(), ...spoof }, token, spoof);
    expect(sub.status).toBe(200);
    const stored = await t.rt.deps.store.getTicket(sub.body.data.ticket.id);
    expect(stored?.reporter.userId).toBe('demo.yongning.resident1');
    expect(stored?.reporter.openid).toBeUndefined();

    // Without a token, a body identity does not sign anyone in.
    const anon = await t.call('report', 'submit', { ...submitData(), ...spoof }, null, spoof);
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('AUTH.UNAUTHENTICATED');
    const me = await t.call('report', 'me', {}, null, spoof);
    expect(me.body.data).toEqual({ signedIn: false });
  });

  it('refuses unauthenticated calls to user actions, and a made-up token even for public ones', async () => {
    for (const [fn, action] of [
      ['report', 'listMine'],
      ['ticket', 'queue'],
      ['admin', 'listEstates'],
    ] as const) {
      const res = await t.call(fn, action, {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }) });
    }
    const forged = await t.call('report', 'estates', {}, 'not-a-real-token');
    expect(forged.status).toBe(401);
    const pub = await t.call('report', 'estates', {});
    expect(pub.status).toBe(200);
    expect(pub.body.data.items.length).toBe(DEMO_ESTATES.length);
  });

  it('answers bad JSON with 400 INPUT.INVALID, and refuses oversized bodies', async () => {
    const bad = await fetch(`${t.url}/api/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('INPUT.INVALID');

    const huge = await fetch(`${t.url}/api/report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'estates', data: { query: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('REQUEST.TOO_LARGE');
  });

  it('requires Content-Type: application/json (415 REQUEST.UNSUPPORTED_MEDIA_TYPE): a text/plain body is a cross-site simple request', async () => {
    const token = await t.signIn('demo.yongning.resident1');
    const before = (await t.call('report', 'listMine', {}, token)).body.data.items.length;
    const body = JSON.stringify({ action: 'submit', data: submitData() });
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      const res = await fetch(`${t.url}/api/report`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, ...(type ? { 'Content-Type': type } : {}) },
        body: type === null ? new Uint8Array(Buffer.from(body)) : body,
      });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(await res.json()).toEqual({ ok: false, error: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') } });
    }
    // Nothing was submitted; the same body as JSON (with a charset, in any case) is.
    expect((await t.call('report', 'listMine', {}, token)).body.data.items.length).toBe(before);
    const ok = await fetch(`${t.url}/api/report`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'Application/JSON; charset=utf-8' }, body });
    expect(ok.status).toBe(200);
    // The dev sign-in reads JSON too.
    const signin = await fetch(`${t.url}/api/dev/signin`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ userId: 'demo.yongning.admin' }) });
    expect(signin.status).toBe(415);
    expect((await signin.json()).error.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a listMine cursor no page handed out with 400 INPUT.INVALID_CURSOR (was 500)', async () => {
    const resident = await t.signIn('demo.yongning.resident1');
    const forged = ['!!!', 'not-a-cursor', Buffer.from('["x"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')];
    for (const after of forged) {
      const mine = await t.call('report', 'listMine', { limit: 5, after }, resident);
      expect({ after, status: mine.status, code: mine.body.error?.code }).toEqual({ after, status: 400, code: 'INPUT.INVALID_CURSOR' });
    }
    // A cursor handed out by a page still pages.
    await t.call('report', 'submit', submitData(), resident);
    await t.call('report', 'submit', submitData(), resident);
    const first = await t.call('report', 'listMine', { limit: 1 }, resident);
    expect(first.body.data.next).toEqual(expect.any(String));
    const second = await t.call('report', 'listMine', { limit: 1, after: first.body.data.next }, resident);
    expect(second.status).toBe(200);
    expect(second.body.data.items[0].id).not.toBe(first.body.data.items[0].id);
  });

  it('keeps sweep and notify timer-only, and 404s unknown functions and actions', async () => {
    const token = await t.signIn('demo.yongning.admin');
    for (const fn of ['sweep', 'notify']) {
      const res = await t.call(fn, 'run', {}, token);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await t.call('nope', 'x', {}, token)).status).toBe(404);
    const unknown = await t.call('report', 'dropTables', {}, token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('ACTION.UNKNOWN');
  });

  it('rejects abusive text with the local content check, and writes nothing', async () => {
    const token = await t.signIn('demo.qitai.resident1');
    const res = await t.call('report', 'submit', submitData({ estateId: 'qt-tsjy', description: '楼上那个傻 逼天天半夜砸地板' }), token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CONTENT.REJECTED');
    const mine = await t.call('report', 'listMine', {}, token);
    expect(mine.body.data.items).toEqual([]);
  });

  it('a staff member works the ticket over HTTP: the grid worker whistles it to the lead units', async () => {
    const resident = await t.signIn('demo.yongning.resident1');
    const sub = await t.call('report', 'submit', submitData({ category: 'garbage', description: '垃圾桶满溢三天无人清运' }), resident);
    const ticket = sub.body.data.ticket;
    const grid = await t.signIn('demo.grid.yn-hsjy.grid');
    const units = ticket.route.lead.map((u: { id: string }) => u.id);
    const res = await t.call('ticket', 'whistle', { ticketId: ticket.id, version: ticket.version, units }, grid);
    expect(res.status).toBe(200);
    expect(res.body.data.ticket.state).toBe('whistled');
    // The lead unit's demo officer sees it in the unit queue.
    const officer = await t.signIn(`demo.dept.${units[0]}`);
    const queue = await t.call('ticket', 'queue', { view: 'unit' }, officer);
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.body.data)).toContain(ticket.id);
  });
});

describe('the H5 build at /', () => {
  it('says in Chinese how to build it when dist/h5 is missing', async () => {
    const res = await t.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('H5 前端尚未构建');
    expect(res.body).toContain('npm run build:h5');
  });

  it('serves files with their content types, index.html for client routes, and nothing outside the folder', async () => {
    const h5 = join(t.dir, 'h5');
    mkdirSync(join(h5, 'js'), { recursive: true });
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>小区吹哨</title>');
    writeFileSync(join(h5, 'js', 'app.js'), 'console.log(1)');
    writeFileSync(join(t.dir, 'secret.txt'), 'secret');
    const h = await startTestRuntime({ h5Dir: h5, demoTickets: false });
    try {
      const index = await h.get('/');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.body).toContain('小区吹哨');
      const js = await h.get('/js/app.js');
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(js.body).toBe('console.log(1)');
      const client = await h.get('/pages/mine/index');
      expect(client.status).toBe(200);
      expect(client.body).toContain('小区吹哨');
      expect((await h.get('/js/missing.js')).status).toBe(404);
      // Raw paths: fetch would normalise the dots away before sending.
      for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/js/..%2f..%2fsecret.txt']) {
        const res = await rawGet(h.url, p);
        expect(res.body).not.toBe('secret');
      }
    } finally {
      await h.stop();
    }
  });
});
