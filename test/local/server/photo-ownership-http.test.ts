/**
 * Issue 14 §6 over HTTP on the local runtime: another user's uploaded photo id is refused on submit
 * (403 FILE.NOT_OWNED, no ticket), and a user's 61st upload within a day is refused (4xx FILE.QUOTA).
 */
import { PHOTOS_PER_DAY } from '../../../local/store/files';
import { PNG_1X1, startTestRuntime, type TestRuntime } from './support';

let t: TestRuntime;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await startTestRuntime({ demoTickets: false });
  alice = await t.signIn('demo.wuzhong.resident1');
  bob = await t.signIn('demo.wuzhong.resident2');
});

afterAll(async () => {
  await t.stop();
});

const upload = (token: string) =>
  fetch(`${t.url}/api/upload`, { method: 'POST', headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${token}` }, body: new Uint8Array(PNG_1X1) });

const report = (key: string, photos: string[]) => ({
  idempotencyKey: key,
  estateId: 'wz-lmjy',
  category: 'greenery',
  description: '小区绿地被人私自种菜，毁坏草坪',
  photos,
});

describe('photo ids over HTTP', () => {
  it('refuses another resident\'s upload on submit, accepts the uploader\'s own', async () => {
    const alices = ((await (await upload(alice)).json()) as { data: { id: string } }).data.id;
    const stolen = await t.call('report', 'submit', report('photo-http-steal-1', [alices]), bob);
    expect(stolen.status).toBe(403);
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'FILE.NOT_OWNED' } });
    const unknown = await t.call('report', 'submit', report('photo-http-unknown-1', ['0123456789abcdef0123456789abcdef']), bob);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'FILE.UNKNOWN' } });
    const own = await t.call('report', 'submit', report('photo-http-own-1', [alices]), alice);
    expect(own.status).toBe(200);
  });

  it(`refuses the upload past ${PHOTOS_PER_DAY} in a day with FILE.QUOTA`, async () => {
    const carol = await t.signIn('demo.yongning.resident1');
    for (let i = 0; i < PHOTOS_PER_DAY; i += 1) expect((await upload(carol)).status).toBe(200);
    const refused = await upload(carol);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FILE.QUOTA' } });
  });
});
