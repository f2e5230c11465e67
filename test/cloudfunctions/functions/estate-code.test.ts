/**
 * admin.estateCode: the estate's mini-program code for its printed poster (issue 15: the poster
 * printed a placeholder). wxacode.getUnlimited is the platform edge, faked here as
 * FakeWxacodeUnlimited: it records its input and answers PNG bytes, as the open API answers the
 * image buffer (its `scene` ≤ 32 visible characters, read by the page with decodeURIComponent).
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import type { MiniProgramCodes } from '../../../shared/ports/platform';
import type { User } from '../../../shared/domain/directory';
import { ESTATE, identityOf, makeApp, PEOPLE, type TestApp } from '../../support/app';

const PNG_MAGIC = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

class FakeWxacodeUnlimited implements MiniProgramCodes {
  readonly calls: Array<{ scene: string; page: string; width?: number }> = [];
  async unlimited(input: { scene: string; page: string; width?: number }) {
    this.calls.push(input);
    return { contentType: 'image/png', bytes: PNG_MAGIC };
  }
}

let app: TestApp;
let codes: FakeWxacodeUnlimited;
beforeEach(async () => {
  app = await makeApp();
  codes = new FakeWxacodeUnlimited();
});
afterEach(() => app.close());

const call = (user: User, deps: AppDeps = { ...app.deps, codes }) => admin(deps, { identity: identityOf(user) }, { action: 'estateCode', data: { estateId: ESTATE.id } });

it('gives the estate’s admin the code of the report page with the estate’s scene code', async () => {
  const res = (await call(PEOPLE.admin)).envelope as { ok: boolean; data: { image: string; page: string; sceneCode: string } };
  expect(res.ok).toBe(true);
  expect(codes.calls).toEqual([{ scene: ESTATE.sceneCode, page: 'pages/report/index', width: 430 }]);
  expect(res.data.image).toBe(`data:image/png;base64,${Buffer.from(PNG_MAGIC).toString('base64')}`);
});

it('refuses an admin of another jurisdiction and any non-admin, without asking the platform', async () => {
  const wuzhongAdmin: User = { id: 'u-wz-admin', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };
  for (const who of [wuzhongAdmin, PEOPLE.resident, PEOPLE.grid, PEOPLE.leadership]) {
    const res = (await call(who)).envelope as { ok: boolean; error?: { code: string } };
    expect(res.error?.code).toBe('AUTH.FORBIDDEN');
  }
  expect(codes.calls).toHaveLength(0);
});

it('answers no image where the platform makes no codes (the local runtime draws its own QR code)', async () => {
  const res = (await call(PEOPLE.admin, app.deps)).envelope as { ok: boolean; data: { image: string | null } };
  expect(res.ok).toBe(true);
  expect(res.data.image).toBeNull();
});
