/**
 * One-time subscribe messages (weapp), requested only from a tap as WeChat requires (≤ 3 templates
 * per request). A failure or refusal is fine: the in-app inbox still shows every change.
 */
import Taro from '@tarojs/taro';
import { residentTemplateIds } from './subscribe-config';

export const CAN_SUBSCRIBE = true;

/**
 * Asks for these templates (wx.requestSubscribeMessage answers each id with 'accept' | 'reject' |
 * 'ban' | 'filter'): 'accepted' when any was accepted; nothing is asked without ids.
 */
export async function requestSubscription(ids: string[]): Promise<'accepted' | 'rejected' | 'unavailable'> {
  if (ids.length === 0) return 'unavailable';
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, string>;
    return ids.some((id) => res[id] === 'accept') ? 'accepted' : 'rejected';
  } catch {
    return 'unavailable';
  }
}

export function requestStatusSubscription(): Promise<'accepted' | 'rejected' | 'unavailable'> {
  return requestSubscription(residentTemplateIds());
}
