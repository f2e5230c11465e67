/** Roles of DESIGN.md §2. A property-company user is a party, never a handler of complaints about itself. */
/**
 * `hotline` (issue 20 §6): the 12345 center of a jurisdiction. 004 三(一)3: "政务服务和公共资源交易中心
 * （12345政务服务便民热线）：负责统筹协调承办单位对本辖区有关物业管理工作方面工单的催办、督办和统计分析工作".
 */
export const ROLES = ['resident', 'grid', 'street', 'department', 'police', 'leadership', 'admin', 'property', 'hotline'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  grid: '网格员',
  street: '社区/街道',
  department: '部门',
  police: '民警',
  leadership: '领导小组办公室',
  admin: '管理员',
  property: '物业服务企业',
  hotline: '12345热线',
};

/** One role held by a user, with the scope it covers. Empty scope lists mean "none", never "all". */
export interface RoleGrant {
  role: Role;
  jurisdiction: string;
  /** Estates covered (grid worker, police, property company). */
  estates?: string[];
  /** Grids covered (grid worker). */
  grids?: string[];
  /** Streets/townships covered (community/street officer). Unit ids of kind 'township'. */
  streets?: string[];
  /** Units the user acts for (department officer, police station). */
  units?: string[];
  /** The property company this user works for (role 'property'). */
  company?: string;
}

/** Who is acting. Always built from the platform context (WeChat openid or the local dev sign-in), never from a request body. */
export interface Identity {
  userId: string;
  name?: string;
  openid?: string;
  grants: RoleGrant[];
}

export function hasRole(identity: Identity, role: Role): boolean {
  return identity.grants.some((g) => g.role === role);
}
