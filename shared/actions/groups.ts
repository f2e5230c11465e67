import { z } from 'zod';
import { Id, Text } from './common';

/**
 * The group a caller is in, as the client knows it:
 * - weapp: the `cloudID` of wx.getGroupEnterInfo, either as a string (the function resolves it with
 *   the open API) or as the value CloudBase put in its place when the client sent
 *   `wx.cloud.CloudID(cloudID)` at the top level of the data (`{ cloudID, data: { opengid } }`);
 * - local runtime: `demoGroupId`, one of the estate's demo groups (shared/groups/demo.ts).
 */
export const CloudIdInput = z.union([
  z.string().min(1).max(512),
  z.object({ cloudID: z.string().max(512).optional(), data: z.record(z.unknown()) }).passthrough(),
]);

const GroupRef = z.object({ cloudId: CloudIdInput.optional(), demoGroupId: Id.optional() });
const oneSource = (v: { cloudId?: unknown; demoGroupId?: unknown }) => (v.cloudId === undefined) !== (v.demoGroupId === undefined);
const ONE_SOURCE = { message: '请在业主群内打开，或选择一个演示群', path: ['cloudId'] };

/** Inputs of the owner-group actions (issue 6 §1), on the `ticket` function. */
export const GroupInputs = {
  /** A community/street officer binds the group the binding card was opened in to an estate. */
  bind: GroupRef.extend({ estateId: Id, name: Text(40).min(1, '请填写群名称').optional() }).refine(oneSource, ONE_SOURCE),
  unbind: z.object({ groupId: Id }),
  /**
   * Bound groups of an estate (staff); without estateId, of every estate the caller's police or grid
   * grants name (issue 18 §4: the police officer sees the owner groups of their estates at once).
   */
  list: z.object({ estateId: Id.optional(), includeInactive: z.boolean().default(true) }),
  /** The demo groups the local runtime offers for an estate. */
  demoGroups: z.object({ estateId: Id }),
  /** The bound group the caller opened the mini-program from (or picked in the local runtime). */
  resolve: GroupRef.refine(oneSource, ONE_SOURCE),
};
