import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFunctions, FUNCTIONS } from '../../cloudfunctions/_build/bundle';
import { CloudbaseLoopback } from '../support/cloudbase-loopback';
import { JINXIU_DOC } from '../support/fixtures';

/**
 * The deployable bundles (esbuild, SDK external), each loaded in a fresh Node process and run once
 * against the loopback CloudBase server (a fake of the platform edge) through TCB_SERVICE_URL.
 */
const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'dist', 'cloudfunctions');

let loopback: CloudbaseLoopback;
let sizes: Array<{ name: string; bytes: number }>;

beforeAll(async () => {
  sizes = await bundleFunctions(OUT);
  loopback = await CloudbaseLoopback.start();
  loopback.seed('estates', [JINXIU_DOC]);
}, 120_000);
afterAll(async () => {
  await loopback?.close();
});

type Answer = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };

/** Async on purpose: the loopback server lives in this process and must keep answering. */
async function invoke(name: string, event: unknown, openid: string | null): Promise<Answer> {
  const context = { environment: JSON.stringify(openid ? { WX_OPENID: openid, WX_APPID: 'wx-test' } : {}) };
  const script = `require(${JSON.stringify(join(OUT, name, 'index.js'))}).main(${JSON.stringify(event)}, ${JSON.stringify(context)}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); })`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, TCB_SERVICE_URL: loopback.serviceUrl, TCB_ENV: loopback.sdkOptions().env, TENCENTCLOUD: 'true' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Answer;
}

describe('cloud function bundles', () => {
  it('bundles every function with its package.json and config.json (SDK external, under 1 MB)', () => {
    expect(sizes.map((s) => s.name)).toEqual([...FUNCTIONS]);
    for (const s of sizes) {
      expect(s.bytes).toBeLessThan(1024 * 1024);
      const bundle = readFileSync(join(OUT, s.name, 'index.js'), 'utf8');
      expect(bundle).toContain('require("@cloudbase/node-sdk")');
      const pkg = JSON.parse(readFileSync(join(OUT, s.name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(pkg.dependencies['@cloudbase/node-sdk']).toBe('3.18.3');
      // wx-server-sdk stays external (it brings its pinned node-sdk 3.17.2); functions that call open APIs install it.
      if (s.name !== 'sweep') {
        expect(bundle).toContain('require("wx-server-sdk")');
        expect(pkg.dependencies['wx-server-sdk']).toBe('4.0.2');
      }
    }
    const sweepConfig = JSON.parse(readFileSync(join(OUT, 'sweep', 'config.json'), 'utf8')) as { triggers: Array<{ type: string; config: string }> };
    expect(sweepConfig.triggers[0]).toMatchObject({ type: 'timer', config: '0 */5 * * * * *' });
  });

  it('report: lists estates from the database through the SDK', async () => {
    const res = await invoke('report', { action: 'estates', data: {} }, 'o-resident');
    expect(res.ok).toBe(true);
    expect((res.data!.items as Array<{ name: string }>).map((e) => e.name)).toEqual(['锦绣花园']);
    expect(loopback.requests.some((r) => r.action === 'database.queryDocument' || r.action.startsWith('database.'))).toBe(true);
  });

  it('ticket: answers a resident’s home with empty counts (identity from WX_OPENID)', async () => {
    const res = await invoke('ticket', { action: 'home', data: {} }, 'o-resident');
    expect(res.ok).toBe(true);
    // A first-time resident gets an opaque user id, bound to the openid on a user record (issue 14 §2).
    const user = res.data!.user as { id: string };
    expect(user.id).not.toContain('o-resident');
    expect(loopback.docs('users').filter((u) => u.openid === 'o-resident').map((u) => u._id)).toEqual([user.id]);
  });

  it('admin: refuses a caller without an admin grant', async () => {
    expect((await invoke('admin', { action: 'directory', data: { jurisdiction: 'qitai' } }, 'o-resident')).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('sweep and notify: run from their timer event (no action, no user)', async () => {
    expect(await invoke('sweep', { Type: 'Timer', TriggerName: 'sweep-every-5-minutes' }, null)).toMatchObject({ ok: true, data: { scanned: 0 } });
    expect(await invoke('notify', { Type: 'Timer' }, null)).toMatchObject({ ok: true, data: { sent: 0, failed: 0 } });
  });

  it('sweep: refuses a call from a user', async () => {
    expect((await invoke('sweep', { action: 'run', data: {} }, 'o-resident')).error?.code).toBe('AUTH.FORBIDDEN');
  });
});

