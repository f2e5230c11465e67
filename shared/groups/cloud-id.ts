/**
 * openGId from a CloudID the platform already resolved: the mini-program passes
 * `wx.cloud.CloudID(cloudID)` at the top level of callFunction data and CloudBase replaces it with
 * `{ cloudID, data: { … } }` before the function runs. getGroupEnterInfo's open data names the id
 * `opengid`; getShareInfo's names it `openGId`: both are read. Null when absent or empty.
 */
export function openGIdFromResolvedCloudId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const data = (value as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const { openGId, opengid } = data as { openGId?: unknown; opengid?: unknown };
  const id = typeof openGId === 'string' && openGId !== '' ? openGId : opengid;
  return typeof id === 'string' && id !== '' ? id : null;
}
