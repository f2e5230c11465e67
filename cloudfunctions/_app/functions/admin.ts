import { AdminInputs as I } from '../../../shared/actions/admin';
import { action, createFunction } from '../router';
import { adminActions as a } from '../usecases/admin';
import { bootstrapAdmin, createInvitation } from '../usecases/invitations';
import { DisclosureInputs as D } from '../../../shared/actions/disclosure';
import { putDisclosure, putHouseholds } from '../usecases/disclosure';
import { requireIdentity } from '../usecases/support';
import { CountyInputs as C } from '../../../shared/actions/county';
import { countyActions as county } from '../usecases/county';

/** `admin`: jurisdiction set-up (estates with coordinates and QR scene codes, grids, users and roles, contacts, SLA policy). */
export const admin = createFunction('admin', {
  putEstate: action({ input: I.putEstate, auth: 'user', run: (d, id, x) => a.putEstate(d, requireIdentity(id), x) }),
  putGrid: action({ input: I.putGrid, auth: 'user', run: (d, id, x) => a.putGrid(d, requireIdentity(id), x) }),
  putUser: action({ input: I.putUser, auth: 'user', run: (d, id, x) => a.putUser(d, requireIdentity(id), x) }),
  putPropertyCompany: action({ input: I.putPropertyCompany, auth: 'user', run: (d, id, x) => a.putPropertyCompany(d, requireIdentity(id), x) }),
  putUnitContact: action({ input: I.putUnitContact, auth: 'user', run: (d, id, x) => a.putUnitContact(d, requireIdentity(id), x) }),
  putSlaPolicy: action({ input: I.putSlaPolicy, auth: 'user', run: (d, id, x) => a.putSlaPolicy(d, requireIdentity(id), x) }),
  putWorkCalendar: action({ input: I.putWorkCalendar, auth: 'user', run: (d, id, x) => a.putWorkCalendar(d, requireIdentity(id), x) }),
  workCalendar: action({ input: I.workCalendar, auth: 'user', run: (d, id, x) => a.workCalendar(d, requireIdentity(id), x) }),
  listEstates: action({ input: I.listEstates, auth: 'user', run: (d, id, x) => a.listEstates(d, requireIdentity(id), x) }),
  listUsers: action({ input: I.listUsers, auth: 'user', run: (d, id, x) => a.listUsers(d, requireIdentity(id), x) }),
  directory: action({ input: I.directory, auth: 'user', run: (d, id, x) => a.directory(d, requireIdentity(id), x) }),
  createInvitation: action({ input: I.createInvitation, auth: 'user', run: (d, id, x) => createInvitation(d, requireIdentity(id), x) }),
  // Any signed-in caller: the deploy-time code is the authorization, and only while no admin exists.
  estateCode: action({ input: I.estateCode, auth: 'user', run: (d, id, x) => a.estateCode(d, requireIdentity(id), x) }),
  bootstrap: action({ input: I.bootstrap, auth: 'user', run: (d, id, x) => bootstrapAdmin(d, requireIdentity(id), x) }),
  // 六公开/五公开: the estate's admin or its own property company (issue 20 §5).
  putDisclosure: action({ input: D.putDisclosure, auth: 'user', run: (d, id, x) => putDisclosure(d, requireIdentity(id), x) }),
  putHouseholds: action({ input: D.putHouseholds, auth: 'user', run: (d, id, x) => putHouseholds(d, requireIdentity(id), x) }),
  // Responsibility-list versions (issue 19): import → preview → activate, by the jurisdiction's admin.
  importList: action({ input: C.importList, auth: 'user', run: (d, id, x) => county.importList(d, requireIdentity(id), x) }),
  previewList: action({ input: C.previewList, auth: 'user', run: (d, id, x) => county.previewList(d, requireIdentity(id), x) }),
  activateList: action({ input: C.activateList, auth: 'user', run: (d, id, x) => county.activateList(d, requireIdentity(id), x) }),
  listVersions: action({ input: C.listVersions, auth: 'user', run: (d, id, x) => county.listVersions(d, requireIdentity(id), x) }),
  listFile: action({ input: C.listFile, auth: 'user', run: (d, id, x) => county.listFile(d, requireIdentity(id), x) }),
  importEstates: action({ input: C.importEstates, auth: 'user', run: (d, id, x) => county.importEstates(d, requireIdentity(id), x) }),
  createJurisdiction: action({ input: C.createJurisdiction, auth: 'user', run: (d, id, x) => county.createJurisdiction(d, requireIdentity(id), x) }),
  importUnits: action({ input: C.importUnits, auth: 'user', run: (d, id, x) => county.importUnits(d, requireIdentity(id), x) }),
  importGrids: action({ input: C.importGrids, auth: 'user', run: (d, id, x) => county.importGrids(d, requireIdentity(id), x) }),
  jurisdictions: action({ input: C.jurisdictions, auth: 'user', run: (d, id) => county.jurisdictions(d, requireIdentity(id)) }),
  directoryTemplate: action({ input: C.directoryTemplate, auth: 'user', run: (d, id, x) => county.directoryTemplate(d, requireIdentity(id), x) }),
});
