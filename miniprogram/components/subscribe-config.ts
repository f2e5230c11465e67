/**
 * Subscribe-message template ids (weapp) from the WeChat admin console, keyed by the backend's
 * hand-over kind (the cloud functions' SUBSCRIBE_TEMPLATES uses the same keys). The resident's kind
 * is 'status' (进度变化: 已受理、已办结…). Replace the placeholder when the template is approved.
 */
export const SUBSCRIBE_TEMPLATE_IDS: Readonly<Record<string, string>> = {
  status: 'REPLACE_WITH_STATUS_TEMPLATE_ID',
};
