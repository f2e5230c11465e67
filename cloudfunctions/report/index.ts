import { cloudbaseMain } from '../_adapters/cloudbase/main';
import { report } from '../_app/functions/report';

/** CloudBase function `report`: see cloudfunctions/_app/functions/report.ts for its actions. */
export const main = cloudbaseMain(report);
