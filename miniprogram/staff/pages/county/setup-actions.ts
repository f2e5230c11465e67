/** The admin actions the county page's later steps call (shared/actions/admin.ts), typed for the page. */
import { callFunction } from '../../../api';

export interface Span {
  unit: 'minutes' | 'hours' | 'days' | 'workingDays';
  amount: number;
}

/** putSlaPolicy answers the policy now in force (the override laid over the defaults). */
export interface ResolvedSla {
  normal: { resolve: Span | null };
  urgent: { resolve: Span | null };
}

export const putSlaPolicy = (jurisdiction: string, policy: Record<string, unknown>) => callFunction<ResolvedSla>('admin', 'putSlaPolicy', { jurisdiction, policy });

export const putStaffUser = (x: { id: string; name: string; phone: string | null; grants: Array<{ role: string; jurisdiction: string }> }) =>
  callFunction<{ id: string; name: string }>('admin', 'putUser', x);

/** The code is shown once (the store keeps its hash); path opens pages/invite; qrImage only on the platform. */
export interface CreatedInvitation {
  userId: string;
  name: string;
  code: string;
  expiresAt: string;
  path: string;
  qrImage: string | null;
}

export const createInvitation = (userId: string) => callFunction<CreatedInvitation>('admin', 'createInvitation', { userId });

export const putPropertyCompany = (x: { id: string; name: string; jurisdiction: string }) =>
  callFunction<{ id: string; name: string; jurisdiction: string }>('admin', 'putPropertyCompany', x);
