import { cloudbaseDeps, cloudbaseMain } from '../_adapters/cloudbase/main';
import { parseMediaCheckPush } from '../_adapters/cloudbase/platform';
import { notify, NOTIFY_RUN_BUDGET_MS } from '../_app/functions/timers';
import { recordMediaVerdict } from '../_app/usecases/photo-checks';

/**
 * CloudBase function `notify`, run by its timer trigger (config.json); a timer event carries no
 * action, so it defaults to 'flush'. It also receives WeChat's `wxa_media_check` push (message push
 * to this function, set in the MP console): the verdict of a public photo's image check.
 */
const handler = cloudbaseMain(notify);
export const main = async (event: unknown, context: unknown) => {
  const verdict = parseMediaCheckPush(event);
  if (verdict) return recordMediaVerdict(cloudbaseDeps(), verdict);
  // A timer run drains page after page within its budget (usecases/notify.ts, functions/timers.ts).
  return handler(typeof event === 'object' && event !== null && 'action' in event ? event : { action: 'flush', data: { budgetMs: NOTIFY_RUN_BUDGET_MS } }, context);
};
