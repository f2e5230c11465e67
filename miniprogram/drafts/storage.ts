/** The one report draft of this device, in Taro storage (wx storage / localStorage). */
import Taro from '@tarojs/taro';
import type { ReportDraft } from './draft';

export const DRAFT_STORAGE_KEY = 'xqcs.reportDraft';

export function loadDraft(): ReportDraft | null {
  try {
    const value = Taro.getStorageSync(DRAFT_STORAGE_KEY) as ReportDraft | '';
    if (!value || typeof value !== 'object' || typeof value.idempotencyKey !== 'string') return null;
    return { ...value, photos: Array.isArray(value.photos) ? value.photos : [] };
  } catch {
    return null;
  }
}

export function saveDraft(draft: ReportDraft): void {
  try {
    Taro.setStorageSync(DRAFT_STORAGE_KEY, draft);
  } catch {
    // Storage full: the draft lives on in the page's memory; nothing else to do.
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  } catch {
    // Already gone.
  }
}
