/**
 * ticket.jurisdictionDirectory (issue 19): the created jurisdictions a staff member's phone needs to
 * name their units, limited to the caller's grants (shared/jurisdictions/device-directory.ts). The
 * router has already brought REGISTRY up to the store (live-registry.ts), and on CloudBase the
 * jurisdictions read is the one the router just made, held by the directory cache: no extra request.
 */
import type { z } from 'zod';
import type { TicketInputs } from '../../../shared/actions/ticket';
import type { Identity } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { deviceDirectory } from '../../../shared/jurisdictions/device-directory';
import type { JurisdictionList } from '../../../shared/jurisdictions/schema';
import type { AppDeps } from '../context';
import { errors } from '../errors';

export type DirectoryAnswer = { revision: string; unchanged: true } | { revision: string; unchanged: false; lists: JurisdictionList[] };

export async function jurisdictionDirectory(deps: AppDeps, identity: Identity, x: z.output<(typeof TicketInputs)['jurisdictionDirectory']>): Promise<DirectoryAnswer> {
  // Residents read names from what the server answers them; only staff keep a directory.
  if (!identity.grants.some((g) => g.role !== 'resident')) throw errors.forbidden('需要工作人员权限');
  const directory = deviceDirectory(REGISTRY, await deps.store.listJurisdictions(), identity.grants);
  return x.revision === directory.revision ? { revision: directory.revision, unchanged: true } : { revision: directory.revision, unchanged: false, lists: directory.lists };
}
