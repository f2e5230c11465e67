/**
 * Who may do what with the rectification ledger, the "123" class and visits (issue 20). Pure: the
 * use cases pass the estate or notice and the jurisdiction tree (parentOf).
 *
 * - Issue a 整改通知: a department or police officer whose jurisdiction covers the estate's (acting
 *   for its unit), or the street officer of the estate's township (acting for the township).
 * - Read: the handling chain of the estate's jurisdiction — departments and police there, the
 *   estate's street, its grid workers, leadership and admin — and the property company, only for
 *   notices addressed to it. A property grant wins over any other (as for reporter privacy).
 * - Answer: the addressed company. Accept or reject: the issuing unit.
 * - Set the "123" class: the street of the estate's township, or leadership/admin of the county.
 */
import type { Identity, RoleGrant } from '../domain/roles';
import { coversJurisdiction, type AuthorizeOptions } from '../permissions/permissions';
import type { RectificationNotice } from './rectification';

export type GovernanceDecision = { ok: true; role: RoleGrant['role']; unitId: string | null } | { ok: false; code: 'AUTH.FORBIDDEN' | 'AUTH.OUT_OF_SCOPE'; message: string };

interface EstateScope {
  id: string;
  jurisdiction: string;
  townshipId: string;
}

const forbidden = (message: string): GovernanceDecision => ({ ok: false, code: 'AUTH.FORBIDDEN', message });
const outOfScope = (message: string): GovernanceDecision => ({ ok: false, code: 'AUTH.OUT_OF_SCOPE', message });

const isOfficer = (g: RoleGrant) => g.role === 'department' || g.role === 'police';

/** A property grant: the holder is a party, whatever else it holds. */
export function propertyCompanies(identity: Identity): string[] {
  return identity.grants.filter((g) => g.role === 'property' && g.company).map((g) => g.company as string);
}

export function mayIssueRectification(identity: Identity, estate: EstateScope, options: AuthorizeOptions): GovernanceDecision {
  if (propertyCompanies(identity).length) return forbidden('物业服务企业不能下达整改通知');
  const roles = identity.grants.filter((g) => isOfficer(g) || g.role === 'street');
  if (!roles.length) return forbidden('仅部门和属地街道（乡镇）可以下达整改通知');
  for (const g of roles) {
    if (!coversJurisdiction(g.jurisdiction, estate.jurisdiction, options)) continue;
    if (g.role === 'street' && (g.streets ?? []).includes(estate.townshipId)) return { ok: true, role: 'street', unitId: estate.townshipId };
    const unit = isOfficer(g) ? g.units?.[0] : undefined;
    if (unit) return { ok: true, role: g.role, unitId: unit };
  }
  return outOfScope('该小区不在您的辖区内');
}

/** Whether the caller (not a property company) is in the handling chain of the estate. */
export function inEstateChain(identity: Identity, estate: EstateScope, options: AuthorizeOptions): boolean {
  if (propertyCompanies(identity).length) return false;
  return identity.grants.some((g) => {
    if (!coversJurisdiction(g.jurisdiction, estate.jurisdiction, options)) return false;
    switch (g.role) {
      case 'department':
      case 'police':
      case 'leadership':
      case 'admin':
        return true;
      case 'street':
        return (g.streets ?? []).includes(estate.townshipId);
      case 'grid':
        return (g.estates ?? []).includes(estate.id);
      default:
        return false;
    }
  });
}

export function mayReadNotice(identity: Identity, notice: RectificationNotice, options: AuthorizeOptions): boolean {
  const companies = propertyCompanies(identity);
  if (companies.length) return notice.companyId !== null && notice.addressee === 'company' && companies.includes(notice.companyId);
  return inEstateChain(identity, { id: notice.estateId, jurisdiction: notice.jurisdiction, townshipId: notice.townshipId }, options);
}

export function mayAnswerNotice(identity: Identity, notice: RectificationNotice): GovernanceDecision {
  const g = identity.grants.find((x) => x.role === 'property' && x.company && x.company === notice.companyId && notice.addressee === 'company');
  if (g) return { ok: true, role: 'property', unitId: null };
  return propertyCompanies(identity).length ? outOfScope('该整改通知不是下达给本企业的') : forbidden('仅被通知的物业服务企业可以反馈整改情况');
}

export function mayReviewNotice(identity: Identity, notice: RectificationNotice, options: AuthorizeOptions): GovernanceDecision {
  if (propertyCompanies(identity).length) return forbidden('物业服务企业不能验收整改');
  for (const g of identity.grants) {
    if (!coversJurisdiction(g.jurisdiction, notice.jurisdiction, options)) continue;
    if (g.role === 'street' && (g.streets ?? []).includes(notice.issuerUnitId)) return { ok: true, role: 'street', unitId: notice.issuerUnitId };
    if (isOfficer(g) && (g.units ?? []).includes(notice.issuerUnitId)) return { ok: true, role: g.role, unitId: notice.issuerUnitId };
  }
  return forbidden('仅下达整改通知的单位可以验收');
}

export function maySetEstateClass(identity: Identity, estate: EstateScope, options: AuthorizeOptions): GovernanceDecision {
  if (propertyCompanies(identity).length) return forbidden('物业服务企业不能评定小区类别');
  for (const g of identity.grants) {
    if (!coversJurisdiction(g.jurisdiction, estate.jurisdiction, options)) continue;
    if (g.role === 'street' && (g.streets ?? []).includes(estate.townshipId)) return { ok: true, role: 'street', unitId: estate.townshipId };
    if (g.role === 'leadership' || g.role === 'admin') return { ok: true, role: g.role, unitId: null };
  }
  const staff = identity.grants.some((g) => g.role === 'street' || g.role === 'leadership' || g.role === 'admin');
  return staff ? outOfScope('该小区不在您的辖区内') : forbidden('仅属地街道（乡镇）和县（市）区领导小组办公室可以评定小区类别');
}

/** A patrol visit: a department or police officer of a covering jurisdiction, for its unit. */
export function mayRecordPatrol(identity: Identity, estate: EstateScope, options: AuthorizeOptions): GovernanceDecision {
  if (propertyCompanies(identity).length) return forbidden('物业服务企业不能登记执法进小区');
  const officers = identity.grants.filter(isOfficer);
  if (!officers.length) return forbidden('仅执法和职能部门可以登记执法进小区');
  for (const g of officers) {
    const unit = g.units?.[0];
    if (unit && coversJurisdiction(g.jurisdiction, estate.jurisdiction, options)) return { ok: true, role: g.role, unitId: unit };
  }
  return outOfScope('该小区不在您的辖区内');
}
