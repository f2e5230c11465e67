/**
 * The phone's directory of created jurisdictions (miniprogram/staff/lib/directory.ts, issue 19):
 * its cache rule. Kept in device storage (Taro's storage: localStorage in H5) per sign-in; installed
 * at start before any answer; asked again on each sign-in with the kept revision, an `unchanged`
 * answer keeping it; another sign-in never installs or sends the previous one's copy; a kept copy
 * that no longer loads leaves the bundled lists. The server's answer is computed as the server
 * computes it (../shili-directory.ts; 示例县 is a test fixture, not a real place). fetch is faked.
 */
import Taro from '@tarojs/taro';
import { saveSession } from '../../../../miniprogram/api';
import type { RoleGrant } from '../../../../shared/domain/roles';
import { shiliDirectory } from '../shili-directory';

const STREET: RoleGrant = { role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] };
type Modules = { directory: typeof import('../../../../miniprogram/staff/lib/directory'); jurisdictions: typeof import('../../../../shared/jurisdictions') };

/** A fresh app start: the modules load again (the kept copy is read at load), sharing this test's storage. */
function start(): Modules {
  let loaded: Modules | undefined;
  jest.isolateModules(() => {
    loaded = {
      directory: jest.requireActual('../../../../miniprogram/staff/lib/directory'),
      jurisdictions: jest.requireActual('../../../../shared/jurisdictions'),
    };
  });
  return loaded!;
}

const sent: Array<Record<string, unknown>> = [];
function serve(answer: (data: Record<string, unknown>) => unknown) {
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (_url: string, init: { body: string }) => {
    const { data } = JSON.parse(init.body) as { data: Record<string, unknown> };
    sent.push(data);
    return { ok: true, status: 200, json: async () => ({ ok: true, data: answer(data) }) };
  });
}

beforeEach(() => {
  sent.length = 0;
  Taro.clearStorageSync();
  saveSession('token-a', { id: 'u-street-sl', name: '卫街', roles: ['street'] });
});

describe('the phone’s directory of created jurisdictions', () => {
  it('installs the answer, keeps it, and installs the kept copy at the next start before any answer', async () => {
    const answer = shiliDirectory([STREET]);
    serve(() => answer);
    const first = start();
    expect(first.jurisdictions.REGISTRY.list('shili')).toBeUndefined();
    await first.directory.refreshDirectory();
    expect(first.jurisdictions.REGISTRY.department('shili.u3')?.name).toBe('示例县住房和城乡建设局');
    expect(sent).toEqual([{}]);

    // The next start: the kept copy is installed at load, with no request yet.
    serve(() => {
      throw new Error('offline');
    });
    const second = start();
    expect(second.jurisdictions.REGISTRY.list('shili')?.name).toBe('示例县');
    expect(second.jurisdictions.REGISTRY.chain('shili').map((l) => l.id)).toEqual(['shili', 'yinchuan']);
    // Offline: the request fails and the kept copy stays.
    await second.directory.refreshDirectory();
    expect(second.jurisdictions.REGISTRY.list('shili')?.name).toBe('示例县');
  });

  it('sends the kept revision; an unchanged answer keeps the lists, a moved one replaces them', async () => {
    const answer = shiliDirectory([STREET]);
    serve(() => answer);
    const app = start();
    await app.directory.refreshDirectory();
    serve((data) => (data.revision === answer.revision ? { revision: answer.revision, unchanged: true } : answer));
    await app.directory.refreshDirectory();
    expect(sent.at(-1)).toEqual({ revision: answer.revision });
    expect(app.jurisdictions.REGISTRY.list('shili')).toBeDefined();
    // The directory moved: the county is no longer in this officer's scope (an empty directory).
    serve(() => ({ revision: '0123456789abcdef', unchanged: false, lists: [] }));
    await app.directory.refreshDirectory();
    expect(app.jurisdictions.REGISTRY.list('shili')).toBeUndefined();
    expect([...app.jurisdictions.REGISTRY.lists.keys()]).toEqual(['yinchuan', 'yongning', 'wuzhong', 'qitai']);
  });

  it('another sign-in on the same phone gets neither the previous one’s lists nor its revision', async () => {
    serve(() => shiliDirectory([STREET]));
    await start().directory.refreshDirectory();
    saveSession('token-b', { id: 'u-grid-yn', name: '王芳', roles: ['grid'] });
    const app = start();
    expect(app.jurisdictions.REGISTRY.list('shili')).toBeUndefined();
    serve(() => ({ revision: 'fedcba9876543210', unchanged: false, lists: [] }));
    await app.directory.refreshDirectory();
    expect(sent.at(-1)).toEqual({});
    expect(app.jurisdictions.REGISTRY.list('shili')).toBeUndefined();
  });

  it('a kept copy that does not load (edited, or from an older release) leaves the bundled lists', async () => {
    const answer = shiliDirectory([STREET]);
    const broken = { ...answer.lists[0]!, leadershipOffice: 'shili.u99' };
    Taro.setStorageSync('xqcs.directory', { session: 'token-a', revision: answer.revision, lists: [broken] });
    const app = start();
    expect(app.jurisdictions.REGISTRY.list('shili')).toBeUndefined();
    expect(app.jurisdictions.REGISTRY.list('yongning')?.name).toBe('永宁县');
  });
});
