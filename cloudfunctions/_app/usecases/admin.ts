import type { z } from 'zod';
import type { AdminInputs } from '../../../shared/actions/admin';
import type { Identity } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { resolveSlaPolicy } from '../../../shared/sla/policy';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';

type In<K extends keyof typeof AdminInputs> = z.output<(typeof AdminInputs)[K]>;

/** Admin acts within the jurisdictions of its grants (a city admin also covers its counties). */
export function requireAdmin(identity: Identity, jurisdiction?: string): void {
  const ok = identity.grants.some(
    (g) => g.role === 'admin' && (!jurisdiction || g.jurisdiction === jurisdiction || REGISTRY.list(jurisdiction)?.parent === g.jurisdiction),
  );
  if (!ok) throw errors.forbidden('需要该辖区的管理员权限');
}

function checkTownship(jurisdiction: string, townshipId: string) {
  const list = REGISTRY.list(jurisdiction);
  if (!list?.townships.some((t) => t.id === townshipId)) throw new AppError('INPUT.INVALID', `街道/乡镇 ${townshipId} 不属于 ${jurisdiction}`, 400);
}

export const adminActions = {
  async putEstate(deps: AppDeps, identity: Identity, x: In<'putEstate'>) {
    requireAdmin(identity, x.jurisdiction);
    checkTownship(x.jurisdiction, x.townshipId);
    const list = REGISTRY.list(x.jurisdiction);
    if (x.areaId && !list?.areas.some((a) => a.id === x.areaId)) throw new AppError('INPUT.INVALID', `区县 ${x.areaId} 不属于 ${x.jurisdiction}`, 400);
    const sameScene = await deps.store.getEstateByScene(x.sceneCode);
    if (sameScene && sameScene.id !== x.id) throw new AppError('INPUT.INVALID', '二维码场景值已被其他小区使用', 400);
    await deps.store.putEstate(x);
    return x;
  },
  async putGrid(deps: AppDeps, identity: Identity, x: In<'putGrid'>) {
    requireAdmin(identity, x.jurisdiction);
    checkTownship(x.jurisdiction, x.townshipId);
    await deps.store.putGrid(x);
    return x;
  },
  async putUser(deps: AppDeps, identity: Identity, x: In<'putUser'>) {
    for (const g of x.grants) requireAdmin(identity, g.jurisdiction);
    await deps.store.putUser(x);
    return { ...x, openid: x.openid ? '已绑定' : null };
  },
  async putPropertyCompany(deps: AppDeps, identity: Identity, x: In<'putPropertyCompany'>) {
    requireAdmin(identity, x.jurisdiction);
    await deps.store.putPropertyCompany(x);
    return x;
  },
  async putUnitContact(deps: AppDeps, identity: Identity, x: In<'putUnitContact'>) {
    requireAdmin(identity);
    await deps.store.putUnitContact({ unitId: x.unitId, name: x.name, phone: x.phone, ...(x.contactPerson ? { contactPerson: x.contactPerson } : {}) });
    return x;
  },
  async putSlaPolicy(deps: AppDeps, identity: Identity, x: In<'putSlaPolicy'>) {
    requireAdmin(identity, x.jurisdiction);
    let policy;
    try {
      policy = resolveSlaPolicy(x.policy);
    } catch (err) {
      throw new AppError('INPUT.INVALID', err instanceof Error ? err.message : '时限配置无效', 400);
    }
    await deps.store.putSlaPolicy(x.jurisdiction, x.policy);
    return policy;
  },
  async listEstates(deps: AppDeps, identity: Identity, x: In<'listEstates'>) {
    requireAdmin(identity, x.jurisdiction);
    return { items: await deps.store.listEstates(x.jurisdiction ? { jurisdiction: x.jurisdiction } : {}) };
  },
  async listUsers(deps: AppDeps, identity: Identity, x: In<'listUsers'>) {
    requireAdmin(identity, x.jurisdiction);
    const users = await deps.store.listUsers(x.jurisdiction ? { jurisdiction: x.jurisdiction } : {});
    return { items: users.map((u) => ({ ...u, openid: u.openid ? '已绑定' : null })) };
  },
  async directory(_deps: AppDeps, identity: Identity, x: In<'directory'>) {
    requireAdmin(identity, x.jurisdiction);
    const list = REGISTRY.list(x.jurisdiction);
    return { departments: list?.departments ?? [], areas: list?.areas ?? [], townships: list?.townships ?? [] };
  },
};
