/** Identities for the permission and privacy tests: in and out of scope of the fixture tickets. */
import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import { COMPANY, ESTATE, GRID, REPORTER, STREET, UNIT_CO, UNIT_LEAD, UNIT_OTHER, UNIT_POLICE } from '../lifecycle/fixtures';

const J = 'yongning';
const who = (userId: string, ...grants: RoleGrant[]): Identity => ({ userId, grants });

export const PEOPLE = {
  reporter: who(REPORTER),
  otherResident: who('u-neighbour'),
  grid: who('u-grid', { role: 'grid', jurisdiction: J, estates: [ESTATE], grids: [GRID] }),
  gridByGridOnly: who('u-grid2', { role: 'grid', jurisdiction: J, grids: [GRID] }),
  gridElsewhere: who('u-grid3', { role: 'grid', jurisdiction: J, estates: ['estate-x'], grids: ['grid-x'] }),
  gridWrongJurisdiction: who('u-grid4', { role: 'grid', jurisdiction: 'wuzhong', estates: [ESTATE], grids: [GRID] }),
  street: who('u-street', { role: 'street', jurisdiction: J, streets: [STREET] }),
  streetElsewhere: who('u-street2', { role: 'street', jurisdiction: J, streets: ['street-x'] }),
  deptLead: who('u-dept', { role: 'department', jurisdiction: J, units: [UNIT_LEAD] }),
  deptCo: who('u-dept-co', { role: 'department', jurisdiction: J, units: [UNIT_CO] }),
  deptOther: who('u-dept-x', { role: 'department', jurisdiction: J, units: [UNIT_OTHER] }),
  policeAssigned: who('u-pol', { role: 'police', jurisdiction: J, units: [UNIT_LEAD] }),
  policeDesk: who('u-pol-desk', { role: 'police', jurisdiction: J, units: [UNIT_POLICE], estates: [ESTATE] }),
  policeElsewhere: who('u-pol-x', { role: 'police', jurisdiction: J, units: ['unit-pcs-x'], estates: ['estate-x'] }),
  leadership: who('u-lead', { role: 'leadership', jurisdiction: J }),
  leadershipCity: who('u-lead-city', { role: 'leadership', jurisdiction: 'yinchuan' }),
  leadershipElsewhere: who('u-lead-wz', { role: 'leadership', jurisdiction: 'wuzhong' }),
  admin: who('u-admin', { role: 'admin', jurisdiction: J }),
  adminElsewhere: who('u-admin-qt', { role: 'admin', jurisdiction: 'qitai' }),
  property: who('u-pc', { role: 'property', jurisdiction: J, estates: [ESTATE], company: COMPANY }),
  propertyElsewhere: who('u-pc2', { role: 'property', jurisdiction: J, estates: ['estate-x'], company: 'pc-other' }),
  // The 12345 center of a jurisdiction (issue 20 §6).
  hotline: who('u-12345', { role: 'hotline', jurisdiction: J }),
  hotlineElsewhere: who('u-12345-wz', { role: 'hotline', jurisdiction: 'wuzhong' }),
} satisfies Record<string, Identity>;
export type Person = keyof typeof PEOPLE;
