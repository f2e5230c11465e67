/**
 * Where the resident is (H5): the browser's geolocation through Taro.getLocation, which in H5 only
 * speaks WGS-84 (@tarojs/taro-h5 api/location/getLocation.js fails any other `type`). The app stores
 * and compares GCJ-02 everywhere (shared/geo-datum.ts: estates, weapp reports and check-ins), so the
 * fix is converted before anyone sees it. Any refusal, missing API or slow fix answers null, and the
 * caller falls back to the estate's own position. There is no map picker in H5.
 */
import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../../shared/geo-datum';

export interface Position {
  lat: number;
  lng: number;
}

export interface PickedPlace extends Position {
  name: string;
}

/** A fix that takes longer than this is not worth holding the resident for. */
const FIX_TIMEOUT_MS = 8000;

export const CAN_PICK_ON_MAP = false;

export async function currentPosition(): Promise<Position | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const fix = await Promise.race([
      Taro.getLocation({ type: 'wgs84' }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), FIX_TIMEOUT_MS);
      }),
    ]);
    if (!fix || !Number.isFinite(fix.latitude) || !Number.isFinite(fix.longitude)) return null;
    return wgs84ToGcj02({ lat: fix.latitude, lng: fix.longitude });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** A high-accuracy fix for a staff check-in, in GCJ-02; throws when there is none. */
export async function checkInPosition(): Promise<Position> {
  const fix = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true });
  return wgs84ToGcj02({ lat: fix.latitude, lng: fix.longitude });
}

export async function pickOnMap(_near?: Position): Promise<PickedPlace | null> {
  return null;
}
