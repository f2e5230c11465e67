/** Subscribe messages exist only in weapp (subscribe.weapp.ts); H5 has nothing to ask for. */
export const CAN_SUBSCRIBE = false;

export async function requestStatusSubscription(): Promise<'accepted' | 'rejected' | 'unavailable'> {
  return 'unavailable';
}
