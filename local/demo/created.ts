/**
 * Demo staff for the counties admins created (issue 19): in demo mode a county brought on through
 * the county page (示例县 in the onboarding story) gets, at the next start, the same demo users as a
 * bundled jurisdiction — residents, a grid worker per grid, a street officer per township with
 * estates, its police officer, leadership office, admin, 12345 seat, property-company users and a
 * department officer per routed unit — so every role there can be tried from the dev sign-in. Only
 * live counties (a list in effect: shared/jurisdictions/stored.ts), only users not there yet.
 */
import { refreshRegistry } from '../../cloudfunctions/_app/usecases/live-registry';
import type { User } from '../../shared/domain/directory';
import { REGISTRY } from '../../shared/jurisdictions';
import type { Store } from '../../shared/ports/store';
import { demoUsers } from './people';

/** The demo users of the store's live created jurisdictions (none when there are none). */
export async function createdDemoUsers(store: Store): Promise<User[]> {
  await refreshRegistry({ store });
  const ids = (await store.listJurisdictions()).map((j) => j.id).filter((id) => REGISTRY.list(id) !== undefined);
  if (ids.length === 0) return [];
  const [estates, grids, companies] = await Promise.all([
    Promise.all(ids.map((j) => store.listEstates({ jurisdiction: j }))),
    Promise.all(ids.map((j) => store.listGrids({ jurisdiction: j }))),
    store.listPropertyCompanies(),
  ]);
  return demoUsers({ estates: estates.flat(), grids: grids.flat(), companies: companies.filter((c) => ids.includes(c.jurisdiction)) }, ids);
}

/** Writes those users that are missing; answers how many it wrote. */
export async function seedCreatedDemoUsers(store: Store): Promise<number> {
  let written = 0;
  for (const u of await createdDemoUsers(store)) {
    if (await store.getUser(u.id)) continue;
    await store.putUser(u);
    written += 1;
  }
  return written;
}
