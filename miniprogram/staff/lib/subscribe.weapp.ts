/**
 * Staff subscribe messages (weapp): one-time subscriptions to the staff templates of
 * shared/notify/subscribe-templates.ts with the build's ids (≤ 3 per request), asked for from a tap only, as WeChat
 * requires of requestSubscribeMessage. Each accepted template allows one subscribe message; the
 * notify function records a dead letter when a send finds none (43101).
 */
import { requestSubscription } from '../../components/subscribe.weapp';
import { staffTemplateIds } from '../../components/subscribe-config';

export const CAN_SUBSCRIBE = true;

export { staffTemplateIds };

export function requestStaffSubscription(ids: string[] = staffTemplateIds()): Promise<'accepted' | 'rejected' | 'unavailable'> {
  return requestSubscription(ids);
}
