import type { z } from 'zod';
import type { AdminInputs } from '../../../shared/actions/admin';
import type { User } from '../../../shared/domain/directory';
import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { townshipInArea } from '../../../shared/routing/route';
import { administeredJurisdictions, administers, managesStaff, townshipJurisdiction, unitJurisdiction } from '../../../shared/permissions/admin-scope';
import { estatePage } from '../../../shared/lists/estate-page';
import { resolveSlaPolicy } from '../../../shared/sla/policy';
import { checkCalendarYear } from '../../../shared/sla/work-calendar';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { miniProgramCode } from './codes';
import { recordRatingChange } from './company-rating';

type In<K extends keyof typeof AdminInputs> = z.output<(typeof AdminInputs)[K]>;

/** Admin acts within the jurisdictions of its grants (a city admin also covers its counties). */
export function requireAdmin(identity: Identity, jurisdiction: string): void {
  if (!administers(identity, jurisdiction)) throw errors.forbidden('需要该辖区的管理员权限');
}

/** Any admin at all (for listing what it administers). */
function requireSomeAdmin(identity: Identity): string[] {
  const scope = administeredJurisdictions(identity);
  if (scope.length === 0) throw errors.forbidden('需要管理员权限');
  return scope;
}

const invalid = (message: string) => new AppError('INPUT.INVALID', message, 400);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The township must lie in the area (or, without one, in the jurisdiction): routing goes by an estate's real place. */
function checkTownship(jurisdiction: string, areaId: string | null, townshipId: string) {
  if (!townshipInArea(jurisdiction, areaId, townshipId)) throw invalid(`街道/乡镇 ${townshipId} 不属于 ${areaId ?? jurisdiction}`);
}

/** What a grant names (estates, streets, units, company) must exist and lie where this admin acts. */
async function checkGrant(deps: AppDeps, identity: Identity, g: RoleGrant): Promise<void> {
  requireAdmin(identity, g.jurisdiction);
  const places: Array<[string, string | undefined]> = [
    ...(g.units ?? []).map((u): [string, string | undefined] => [`单位 ${u}`, unitJurisdiction(u)]),
    ...(g.streets ?? []).map((t): [string, string | undefined] => [`街道/乡镇 ${t}`, townshipJurisdiction(t)]),
  ];
  if (g.estates?.length) {
    const found = new Map((await deps.store.listEstates({ ids: g.estates })).map((e) => [e.id, e.jurisdiction]));
    places.push(...g.estates.map((e): [string, string | undefined] => [`小区 ${e}`, found.get(e)]));
  }
  if (g.company) {
    const company = (await deps.store.listPropertyCompanies()).find((c) => c.id === g.company);
    places.push([`物业企业 ${g.company}`, company?.jurisdiction]);
  }
  for (const [what, jurisdiction] of places) {
    if (!jurisdiction) throw invalid(`${what} 不存在`);
    requireAdmin(identity, jurisdiction);
  }
}

/** A user an admin may change: staff whose every grant lies where this admin acts (never a resident). */
function requireManagedStaff(identity: Identity, user: User): void {
  if (!managesStaff(identity, user)) throw errors.forbidden('只能管理本辖区的工作人员账号');
}

/** The user as an admin sees it: whether an openid is bound, never the openid. */
const shownUser = (u: User) => ({ ...u, openid: u.openid ? '已绑定' : null });

export const adminActions = {
  async putEstate(deps: AppDeps, identity: Identity, x: In<'putEstate'>) {
    requireAdmin(identity, x.jurisdiction);
    const existing = await deps.store.getEstate(x.id);
    if (existing) requireAdmin(identity, existing.jurisdiction);
    checkTownship(x.jurisdiction, x.areaId, x.townshipId);
    if (x.propertyCompanyId) {
      const company = (await deps.store.listPropertyCompanies()).find((c) => c.id === x.propertyCompanyId);
      if (!company) throw invalid(`物业企业 ${x.propertyCompanyId} 不存在`);
      requireAdmin(identity, company.jurisdiction);
    }
    const sameScene = await deps.store.getEstateByScene(x.sceneCode);
    if (sameScene && sameScene.id !== x.id) throw invalid('二维码场景值已被其他小区使用');
    // 六公开/五公开 and households have their own actions (usecases/disclosure.ts): an estate edit keeps them.
    await deps.store.putEstate({ ...x, ...(existing?.disclosure ? { disclosure: existing.disclosure } : {}), ...(existing?.households ? { households: existing.households } : {}) });
    return x;
  },
  async putGrid(deps: AppDeps, identity: Identity, x: In<'putGrid'>) {
    requireAdmin(identity, x.jurisdiction);
    const existing = await deps.store.getGrid(x.id);
    if (existing) requireAdmin(identity, existing.jurisdiction);
    checkTownship(x.jurisdiction, null, x.townshipId);
    const estates = x.estateIds.length ? await deps.store.listEstates({ ids: x.estateIds }) : [];
    const missing = x.estateIds.filter((id) => !estates.some((e) => e.id === id));
    if (missing.length) throw invalid(`小区 ${missing.join('、')} 不存在`);
    for (const e of estates) if (e.jurisdiction !== x.jurisdiction) throw invalid(`小区 ${e.name} 不属于 ${x.jurisdiction}`);
    await deps.store.putGrid(x);
    return x;
  },
  /**
   * Creates or changes a staff record. The openid is never set here (staff bind their own WeChat
   * account), nor the demo flag; a resident's record is not an admin's to change.
   */
  async putUser(deps: AppDeps, identity: Identity, x: In<'putUser'>) {
    const existing = await deps.store.getUser(x.id);
    if (existing) requireManagedStaff(identity, existing);
    else if (x.grants.length === 0) throw invalid('新建工作人员账号须至少授予一个角色');
    for (const g of x.grants) await checkGrant(deps, identity, g);
    const user: User = { id: x.id, name: x.name, phone: x.phone, grants: x.grants, openid: existing?.openid ?? null, demo: existing?.demo ?? false };
    await deps.store.putUser(user);
    return shownUser(user);
  },
  async putPropertyCompany(deps: AppDeps, identity: Identity, x: In<'putPropertyCompany'>) {
    requireAdmin(identity, x.jurisdiction);
    const existing = (await deps.store.listPropertyCompanies()).find((c) => c.id === x.id);
    if (existing) requireAdmin(identity, existing.jurisdiction);
    // ratedStars omitted keeps the stored rating (the county page registers a company by name only); null clears it.
    const company = x.ratedStars === undefined && existing?.ratedStars != null ? { ...x, ratedStars: existing.ratedStars } : x;
    await deps.store.putPropertyCompany(company);
    await recordRatingChange(deps, identity, existing, company);
    return company;
  },
  async putUnitContact(deps: AppDeps, identity: Identity, x: In<'putUnitContact'>) {
    const jurisdiction = unitJurisdiction(x.unitId);
    if (!jurisdiction) throw invalid(`单位 ${x.unitId} 不存在`);
    requireAdmin(identity, jurisdiction);
    // 投诉举报电话 (000 序号4) is shown on the noticeboard beside the unit's phone (issue 20 §5).
    const complaint = x.complaintPhone ? { complaintPhone: x.complaintPhone } : {};
    await deps.store.putUnitContact({ unitId: x.unitId, name: x.name, phone: x.phone, ...(x.contactPerson ? { contactPerson: x.contactPerson } : {}), ...complaint });
    return x;
  },
  async putSlaPolicy(deps: AppDeps, identity: Identity, x: In<'putSlaPolicy'>) {
    requireAdmin(identity, x.jurisdiction);
    // The regional calendar has its own action (putWorkCalendar): a policy without one keeps the stored years.
    const stored = await deps.store.getSlaPolicy(x.jurisdiction);
    const storedCalendars = isRecord(stored) && isRecord(stored.calendars) ? stored.calendars : undefined;
    const next = 'calendars' in x.policy || !storedCalendars ? x.policy : { ...x.policy, calendars: storedCalendars };
    let policy;
    try {
      policy = resolveSlaPolicy(next, x.jurisdiction);
    } catch (err) {
      throw new AppError('INPUT.INVALID', err instanceof Error ? err.message : '时限配置无效', 400);
    }
    await deps.store.putSlaPolicy(x.jurisdiction, next);
    return policy;
  },
  /**
   * A year of the jurisdiction's regional calendar (issue 16 §6: 开斋节/肉孜节, 古尔邦节 and 调休
   * from the regional government's notice), kept in its SLA policy document as calendars[year]; it
   * replaces the shipped estimate of that year whole. Deadlines set from then on count with it.
   */
  async putWorkCalendar(deps: AppDeps, identity: Identity, x: In<'putWorkCalendar'>) {
    requireAdmin(identity, x.jurisdiction);
    const year = { daysOff: [...x.daysOff].sort(), workdays: [...x.workdays].sort(), source: x.source };
    const check = checkCalendarYear(x.year, year);
    if (!check.ok) throw new AppError(check.code, check.message, 400);
    const stored = await deps.store.getSlaPolicy(x.jurisdiction);
    const current = isRecord(stored) ? stored : {};
    const next = { ...current, calendars: { ...(isRecord(current.calendars) ? current.calendars : {}), [String(x.year)]: year } };
    try {
      resolveSlaPolicy(next, x.jurisdiction);
    } catch (err) {
      throw new AppError('INPUT.INVALID', err instanceof Error ? err.message : '工作日历无效', 400);
    }
    await deps.store.putSlaPolicy(x.jurisdiction, next);
    return { jurisdiction: x.jurisdiction, year: x.year, ...year };
  },
  /** What deadlines count with for the year: the notice an admin entered, else the shipped estimate, else none. */
  async workCalendar(deps: AppDeps, identity: Identity, x: In<'workCalendar'>) {
    requireAdmin(identity, x.jurisdiction);
    const stored = await deps.store.getSlaPolicy(x.jurisdiction);
    const entered = isRecord(stored) && isRecord(stored.calendars) && String(x.year) in stored.calendars;
    const year = resolveSlaPolicy(stored ?? undefined, x.jurisdiction).calendars?.[String(x.year)];
    return { jurisdiction: x.jurisdiction, year: x.year, from: year ? (entered ? 'notice' : 'seed') : 'none', ...(year ?? { daysOff: [], workdays: [] }) };
  },
  /**
   * The estate's mini-program code (wxacode.getUnlimited: page pages/report/index, scene = the estate's
   * scene code, which the report page reads with decodeURIComponent(query.scene)) for the printed
   * noticeboard poster. Only where the platform makes codes (CloudBase); the local runtime's H5
   * poster draws a QR code of its report URL instead (image null).
   */
  async estateCode(deps: AppDeps, identity: Identity, x: In<'estateCode'>) {
    const estate = await deps.store.getEstate(x.estateId);
    if (!estate) throw errors.notFound('小区');
    requireAdmin(identity, estate.jurisdiction);
    const page = 'pages/report/index';
    return { estateId: estate.id, sceneCode: estate.sceneCode, page, image: await miniProgramCode(deps, { scene: estate.sceneCode, page, width: 430 }) };
  },
  async listEstates(deps: AppDeps, identity: Identity, x: In<'listEstates'>) {
    const scope = x.jurisdiction ? (requireAdmin(identity, x.jurisdiction), [x.jurisdiction]) : requireSomeAdmin(identity);
    const page = estatePage((await Promise.all(scope.map((j) => deps.store.listEstates({ jurisdiction: j })))).flat(), x);
    if (!page) throw invalid('分页游标无效，请从第一页重新读取');
    return page;
  },
  /** Staff with a grant where this admin acts, showing those grants only; residents are never listed. */
  async listUsers(deps: AppDeps, identity: Identity, x: In<'listUsers'>) {
    const scope = x.jurisdiction ? (requireAdmin(identity, x.jurisdiction), [x.jurisdiction]) : requireSomeAdmin(identity);
    const users = await deps.store.listUsers(x.jurisdiction ? { jurisdiction: x.jurisdiction } : {});
    const items = users.flatMap((u) => {
      const grants = u.grants.filter((g) => scope.includes(g.jurisdiction));
      return grants.length ? [shownUser({ ...u, grants })] : [];
    });
    return { items };
  },
  async directory(_deps: AppDeps, identity: Identity, x: In<'directory'>) {
    requireAdmin(identity, x.jurisdiction);
    const list = REGISTRY.list(x.jurisdiction);
    return { departments: list?.departments ?? [], areas: list?.areas ?? [], townships: list?.townships ?? [] };
  },
};
