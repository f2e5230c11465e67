/**
 * The phone's location and camera, through Taro (weapp: wx APIs declared in requiredPrivateInfos;
 * H5: the browser's geolocation and a file input).
 */
import Taro from '@tarojs/taro';
import type { GeoPoint } from '../../../shared/domain/ticket';
import { checkInPosition } from '../../components/location';

/**
 * The device position for an on-site check-in, in GCJ-02 like the residents' reports and the
 * estates (weapp asks for gcj02; H5 converts the browser's WGS-84 fix): mixing datums would shift the
 * distance by hundreds of metres, as much as the check-in radius (shared/geo-datum.ts).
 */
export async function checkIn(): Promise<GeoPoint> {
  try {
    return await checkInPosition();
  } catch {
    throw new Error('无法获取当前位置，请在设置中允许使用位置信息后重试');
  }
}

/** Local paths of photos taken or chosen now (compressed before upload, DESIGN.md §8). */
export async function choosePhotos(max: number): Promise<string[]> {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    return res.tempFilePaths.slice(0, max);
  } catch {
    return []; // cancelled
  }
}
