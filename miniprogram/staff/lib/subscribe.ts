/**
 * Staff subscribe messages, H5 / local runtime: there is nothing to subscribe to (no WeChat); the
 * in-app inbox shows every hand-over. The weapp build uses subscribe.weapp.ts.
 */
export const CAN_SUBSCRIBE = false;

export function staffTemplateIds(): string[] {
  return [];
}

export async function requestStaffSubscription(_ids: string[] = staffTemplateIds()): Promise<'accepted' | 'rejected' | 'unavailable'> {
  return 'unavailable';
}
