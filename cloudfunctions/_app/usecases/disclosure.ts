import type { z } from 'zod';
import type { DisclosureInputs } from '../../../shared/actions/disclosure';
import { applyDisclosure, DISCLOSURE_FIELDS } from '../../../shared/domain/disclosure';
import type { Estate } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { administers } from '../../../shared/permissions/admin-scope';
import type { AppDeps } from '../context';
import { errors } from '../errors';
import { loadEstate } from './support';

type In<K extends keyof typeof DisclosureInputs> = z.output<(typeof DisclosureInputs)[K]>;

/**
 * Who may publish an estate's 六公开/五公开: the admin of its jurisdiction, or a user of the estate's
 * own property company (the company publishes, 001 序号7 "物业服务企业做到“六个公开”") whose grant
 * names that company and this estate. Nobody else; never another company.
 */
export function mayPublish(identity: Identity, estate: Pick<Estate, 'id' | 'jurisdiction' | 'propertyCompanyId'>): boolean {
  if (administers(identity, estate.jurisdiction)) return true;
  return identity.grants.some(
    (g) => g.role === 'property' && estate.propertyCompanyId !== null && g.company === estate.propertyCompanyId && (g.estates ?? []).includes(estate.id),
  );
}

const shown = (estate: Estate) => ({
  estateId: estate.id,
  disclosure: DISCLOSURE_FIELDS.map((f) => ({ key: f.key, label: f.label, text: estate.disclosure?.[f.key]?.text ?? null, updatedAt: estate.disclosure?.[f.key]?.updatedAt ?? null })),
  households: estate.households ?? null,
});

export async function putDisclosure(deps: AppDeps, identity: Identity, x: In<'putDisclosure'>) {
  const estate = await loadEstate(deps, x.estateId);
  if (!mayPublish(identity, estate)) throw errors.forbidden('仅本小区物业服务企业或本辖区管理员可以更新公示信息');
  const next: Estate = { ...estate, disclosure: applyDisclosure(estate.disclosure, x.fields, deps.clock.now()) };
  await deps.store.putEstate(next);
  return shown(next);
}

export async function putHouseholds(deps: AppDeps, identity: Identity, x: In<'putHouseholds'>) {
  const estate = await loadEstate(deps, x.estateId);
  if (!administers(identity, estate.jurisdiction)) throw errors.forbidden('需要该辖区的管理员权限');
  const next: Estate = { ...estate, households: x.households };
  await deps.store.putEstate(next);
  return shown(next);
}
