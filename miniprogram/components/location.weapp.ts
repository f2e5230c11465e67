/**
 * Where the resident or the staff member is (weapp): getLocation / chooseLocation, always GCJ-02
 * (`type: 'gcj02'`; chooseLocation answers GCJ-02), the datum WeChat maps use and the one the app
 * stores and compares everywhere (shared/geo-datum.ts). Both APIs are declared in app.config
 * requiredPrivateInfos. The privacy authorisation runs first where the base library has it; a
 * refusal answers null and the caller uses the estate's position.
 */
import Taro from '@tarojs/taro';

export interface Position {
  lat: number;
  lng: number;
}

export interface PickedPlace extends Position {
  name: string;
}

export const CAN_PICK_ON_MAP = true;

function privacyAuthorized(): Promise<boolean> {
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

export async function currentPosition(): Promise<Position | null> {
  try {
    if (!(await privacyAuthorized())) return null;
    const fix = await Taro.getLocation({ type: 'gcj02' });
    return { lat: fix.latitude, lng: fix.longitude };
  } catch {
    return null;
  }
}

/** A high-accuracy fix for a staff check-in, in GCJ-02 like the residents' reports; throws when there is none. */
export async function checkInPosition(): Promise<Position> {
  if (!(await privacyAuthorized())) throw new Error('privacy authorisation refused');
  const fix = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
  return { lat: fix.latitude, lng: fix.longitude };
}

/** The WeChat map picker, opened near `near`; null when the resident cancels or refuses. */
export async function pickOnMap(near?: Position): Promise<PickedPlace | null> {
  try {
    if (!(await privacyAuthorized())) return null;
    const picked = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
    if (!Number.isFinite(picked.latitude) || !Number.isFinite(picked.longitude)) return null;
    return { lat: picked.latitude, lng: picked.longitude, name: picked.name || picked.address || '地图选点' };
  } catch {
    return null;
  }
}
