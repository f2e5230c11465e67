import { cloudbaseMain } from '../_adapters/cloudbase/main';
import { admin } from '../_app/functions/admin';

/** CloudBase function `admin`: see cloudfunctions/_app/functions/admin.ts for its actions. */
export const main = cloudbaseMain(admin);
