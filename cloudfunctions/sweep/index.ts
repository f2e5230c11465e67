import { cloudbaseMain } from '../_adapters/cloudbase/main';
import { sweep } from '../_app/functions/timers';

/** CloudBase function `sweep`, run by its timer trigger (config.json); a timer event carries no action, so it defaults to 'run'. */
const handler = cloudbaseMain(sweep);
export const main = (event: unknown, context: unknown) =>
  handler(typeof event === 'object' && event !== null && 'action' in event ? event : { action: 'run', data: {} }, context);
