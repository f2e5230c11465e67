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

/** A grant as admin.putUser takes it (shared/actions/admin.ts GrantSchema): the role's scope beside its jurisdiction. */
export interface StaffGrant {
  role: string;
  jurisdiction: string;
  streets?: string[];
  estates?: string[];
  units?: string[];
}

export const putStaffUser = (x: { id: string; name: string; phone: string | null; grants: StaffGrant[] }) => callFunction<{ id: string; name: string }>('admin', 'putUser', x);

/** What the 人员 step's pickers offer: the county's townships and units (admin.directory) and its estates (admin.listEstates). */
export interface StaffPlaces {
  townships: Array<{ id: string; name: string }>;
  departments: Array<{ id: string; name: string; kind: string }>;
  estates: Array<{ id: string; name: string; townshipId: string }>;
}

export async function loadStaffPlaces(jurisdiction: string): Promise<StaffPlaces> {
  const [directory, estates] = await Promise.all([
    callFunction<Pick<StaffPlaces, 'townships' | 'departments'>>('admin', 'directory', { jurisdiction }),
    callFunction<{ items: StaffPlaces['estates'] }>('admin', 'listEstates', { jurisdiction }),
  ]);
  return {
    townships: directory.townships.map((t) => ({ id: t.id, name: t.name })),
    departments: directory.departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind })),
    estates: estates.items.map((e) => ({ id: e.id, name: e.name, townshipId: e.townshipId })),
  };
}

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
