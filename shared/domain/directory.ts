import type { GeoPoint } from './ticket';
import type { RoleGrant } from './roles';
import type { Disclosure } from './disclosure';

/** Admin-managed reference data (the responsibility lists themselves are code: shared/jurisdictions). */

export interface PropertyInfo {
  /** 服务电话 */
  servicePhone: string;
  /** 收费标准 */
  feeStandard: string;
  /** 公共收益 (as published by the company and entered by admin) */
  publicIncome: string;
}

export interface Estate {
  id: string;
  name: string;
  jurisdiction: string;
  /** District/county of a city jurisdiction (e.g. yinchuan.xingqing); null in county jurisdictions. */
  areaId: string | null;
  /** Street/township unit id (属地). */
  townshipId: string;
  address: string;
  location: GeoPoint;
  /** WeChat QR `scene` (≤ 32 chars of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]). */
  sceneCode: string;
  propertyCompanyId: string | null;
  propertyInfo: PropertyInfo | null;
  /** Households (户数), for complaints per 1,000 households in the company assessment (issue 20 §4). */
  households?: number | null;
  /** The company's 六公开/五公开 as structured fields with their update dates (issue 20 §5). */
  disclosure?: Disclosure;
}

export interface Grid {
  id: string;
  name: string;
  jurisdiction: string;
  townshipId: string;
  estateIds: string[];
}

export interface PropertyCompany {
  id: string;
  name: string;
  jurisdiction: string;
  /**
   * The 星级化评定 result (001 序号5–6: the county's 住建 rates each company's service, one to five
   * stars here), as entered; the 九不准 ladder lowers it (shared/assessment/standing.ts). Unset: not rated.
   */
  ratedStars?: number | null;
}

/** Contact of a unit, shown on the estate noticeboard (执法部门职责及联系人公告牌). */
export interface UnitContact {
  unitId: string;
  name: string;
  phone: string;
  contactPerson?: string;
  /** 投诉举报电话 (000 序号4: "权责清单、投诉举报电话等在小区醒目位置处进行公示"). */
  complaintPhone?: string;
}

export interface User {
  id: string;
  /** WeChat openid (production) — never shown outside the handling chain. */
  openid: string | null;
  name: string;
  phone: string | null;
  grants: RoleGrant[];
  /** Demo users can be picked in the local runtime's dev sign-in only. */
  demo: boolean;
}

/** An estate owner WeChat group bound by a community officer (issue 6). */
export interface OwnerGroup {
  /** Hash of the openGId (the raw id is not stored). */
  id: string;
  estateId: string;
  name: string;
  boundBy: string;
  boundAt: string;
  active: boolean;
  /** Set when a street officer unbinds it (active=false). */
  unboundAt?: string;
  unboundBy?: string;
}
