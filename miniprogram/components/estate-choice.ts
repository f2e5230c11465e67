/**
 * The estate the resident last scanned or picked, kept on the device so that the report page, the
 * noticeboard and the poster know it without a new scan (and without a network round trip).
 */
import Taro from '@tarojs/taro';
import type { EstateInfo } from './resident-api';

const KEY = 'xqcs.estate';

export function rememberEstate(estate: EstateInfo): void {
  try {
    Taro.setStorageSync(KEY, estate);
  } catch {
    // Storage full or unavailable: the estate is simply asked for again next time.
  }
}

export function rememberedEstate(): EstateInfo | null {
  try {
    const value = Taro.getStorageSync(KEY) as EstateInfo | '';
    return value && typeof value === 'object' && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}
