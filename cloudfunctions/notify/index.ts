import { cloudbaseMain } from '../_adapters/cloudbase/main';
import { notify } from '../_app/functions/timers';

/** CloudBase function `notify`, run by its timer trigger (config.json); a timer event carries no action, so it defaults to 'flush'. */
const handler = cloudbaseMain(notify);
export const main = (event: unknown, context: unknown) =>
  handler(typeof event === 'object' && event !== null && 'action' in event ? event : { action: 'flush', data: {} }, context);
