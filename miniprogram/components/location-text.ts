/** The location line of the report page: says whether the position is the phone's fix, a map pick or the estate's. */
import type { DraftLocation } from '../drafts/draft';

export function locationText(location: DraftLocation | null, locating: boolean): string {
  if (locating) return '正在获取当前位置…';
  if (!location) return '尚未定位';
  if (location.source === 'gps') return '已使用当前位置（手机定位）';
  if (location.source === 'map') return `已在地图上选择：${location.name ?? '地图选点'}`;
  return '未能获取手机定位，已使用小区位置';
}
