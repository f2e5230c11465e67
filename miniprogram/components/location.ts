/**
 * Where the resident is (H5): the browser's geolocation through Taro.getLocation, which in H5 only
 * speaks WGS-84. Any refusal, missing API or slow fix answers null, and the caller falls back to the
 * estate's own position. There is no map picker in H5.
 */
import Taro from '@tarojs/taro';

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
  try {
    const fix = await Promise.race([
      Taro.getLocation({ type: 'wgs84' }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), FIX_TIMEOUT_MS)),
    ]);
    if (!fix || !Number.isFinite(fix.latitude) || !Number.isFinite(fix.longitude)) return null;
    return { lat: fix.latitude, lng: fix.longitude };
  } catch {
    return null;
  }
}

export async function pickOnMap(_near?: Position): Promise<PickedPlace | null> {
  return null;
}
