/**
 * One datum everywhere (GCJ-02, shared/geo-datum.ts). Before the fix the residents' reports were
 * GCJ-02 and the staff check-in WGS-84: a few hundred metres apart in Yongning, against a 200 m radius.
 * - weapp: every getLocation asks `type: 'gcj02'` (WeChat answers in the datum asked for; chooseLocation
 *   answers GCJ-02);
 * - H5: Taro H5 getLocation supports only 'wgs84' (@tarojs/taro-h5 api/location/getLocation.js), so the
 *   fix is converted with wgs84ToGcj02 before it leaves the module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { distanceMeters } from '../../shared/geo';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../shared/geo-datum';

const root = path.resolve(__dirname, '..', '..', 'miniprogram');
/** Where the phone is: 和顺佳苑's gate in GCJ-02, and the same spot as GPS (WGS-84) reads it. */
const GCJ = { lat: 38.2792, lng: 106.2478 };
const WGS = gcj02ToWgs84(GCJ);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every `getLocation({ … })` call in the mini-program sources, with its file. */
function getLocationCalls(): Array<{ file: string; args: string }> {
  return sources(root).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/\bgetLocation\(\s*(\{[^}]*\})?/g)].map((m) => ({ file: path.relative(root, file), args: m[1] ?? '' })),
  );
}

describe('every getLocation call', () => {
  it('asks for gcj02 in the weapp sources, and only the H5 sources ask for wgs84 (and convert)', () => {
    const calls = getLocationCalls();
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) {
      if (call.file.endsWith('.weapp.ts') || call.file.endsWith('.weapp.tsx')) {
        expect(`${call.file}: ${call.args}`).toMatch(/type: 'gcj02'/);
      } else {
        // A plain file is the H5 build's (Foo.weapp.ts replaces Foo.ts in weapp) …
        expect(fs.existsSync(path.join(root, call.file.replace(/\.tsx?$/, '.weapp.ts')))).toBe(true);
        expect(`${call.file}: ${call.args}`).toMatch(/type: 'wgs84'/);
        // … and converts what it reads.
        expect(fs.readFileSync(path.join(root, call.file), 'utf8')).toMatch(/wgs84ToGcj02\(/);
      }
    }
    // The staff check-in goes through the same module as the residents' reports.
    expect(fs.readFileSync(path.join(root, 'staff/lib/device.ts'), 'utf8')).not.toMatch(/getLocation\(/);
  });
});

/** Taro's getLocation as the platform answers it: in the datum asked for (weapp) / WGS-84 only (H5). */
const asked: Array<{ type?: string }> = [];
let platform: 'weapp' | 'h5' = 'weapp';
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    requirePrivacyAuthorize: ({ success }: { success: () => void }) => success(),
    getLocation: async (options: { type?: string }) => {
      asked.push(options);
      if (platform === 'h5' && options.type !== 'wgs84') throw { errMsg: 'This coordinate system type is not temporarily supported' };
      const at = options.type === 'gcj02' ? GCJ : WGS;
      return { latitude: at.lat, longitude: at.lng, accuracy: 10 };
    },
  },
}));

type LocationModule = typeof import('../../miniprogram/components/location');

beforeEach(() => {
  asked.length = 0;
});

describe.each([
  ['weapp', '../../miniprogram/components/location.weapp'],
  ['h5', '../../miniprogram/components/location'],
] as const)('%s location module', (name, modulePath) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = () => require(modulePath) as LocationModule;

  it('answers the resident\'s position and the staff check-in in GCJ-02, the same spot', async () => {
    platform = name;
    const mod = load();
    const resident = await mod.currentPosition();
    const staff = await mod.checkInPosition();
    expect(distanceMeters(resident!, GCJ)).toBeLessThan(1);
    expect(distanceMeters(staff, GCJ)).toBeLessThan(1);
    expect(asked.map((a) => a.type)).toEqual(name === 'weapp' ? ['gcj02', 'gcj02'] : ['wgs84', 'wgs84']);
  });
});

describe('staff check-in (device.ts) and a resident\'s report agree', () => {
  it('is within the 200 m radius when both stand at the same spot (before: WGS-84 vs GCJ-02, hundreds of metres)', async () => {
    platform = 'weapp';
    jest.doMock('../../miniprogram/components/location', () => jest.requireActual('../../miniprogram/components/location.weapp'));
    let device: typeof import('../../miniprogram/staff/lib/device') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      device = require('../../miniprogram/staff/lib/device') as typeof import('../../miniprogram/staff/lib/device');
    });
    const checkIn = await device!.checkIn();
    expect(asked.at(-1)).toMatchObject({ type: 'gcj02' });
    expect(distanceMeters(checkIn, GCJ)).toBeLessThan(1);
    // What the mix used to cost at this spot:
    expect(distanceMeters(WGS, wgs84ToGcj02(WGS))).toBeGreaterThan(200);
  });
});
