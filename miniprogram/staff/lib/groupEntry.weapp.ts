/**
 * Where an owner group comes from, weapp: the group chat the mini-program was opened from (a card
 * shared into the group). wx.getGroupEnterInfo gives its cloudID; it is sent as
 * `wx.cloud.CloudID(cloudID)` so that CloudBase can resolve it to the group's openGId (the backend
 * reads both that resolved value and the plain string: shared/actions/groups.ts CloudIdInput).
 */
import Taro from '@tarojs/taro';

export const GROUP_SOURCE: 'demo' | 'wechat' = 'wechat';

/** The cloudID of the group chat the app was opened from; null anywhere else (the API fails). */
async function groupEnterInfo(): Promise<string | null> {
  try {
    const res = (await Taro.getGroupEnterInfo()) as Taro.getGroupEnterInfo.SuccessCallbackResult;
    return res.cloudID ?? null;
  } catch {
    return null;
  }
}

export async function enteredGroupRef(): Promise<{ cloudId: unknown } | null> {
  const cloudID = await groupEnterInfo();
  if (!cloudID) return null;
  const cloud = Taro.cloud as unknown as { CloudID(id: string): unknown };
  return { cloudId: cloud.CloudID(cloudID) };
}
