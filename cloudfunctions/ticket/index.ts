import { cloudbaseMain } from '../_adapters/cloudbase/main';
import { ticket } from '../_app/functions/ticket';

/** CloudBase function `ticket`: see cloudfunctions/_app/functions/ticket.ts for its actions. */
export const main = cloudbaseMain(ticket);
