/**
 * Seeds the demo data of all four jurisdictions, and demo staff of the counties admins created (created.ts). Idempotent: records are written only when missing
 * (so a second run changes nothing, and a demo record edited through the admin screens is kept);
 * demo tickets carry fixed idempotency keys.
 */
import type { AppDeps } from '../../cloudfunctions/_app/context';
import type { Estate, Grid, PropertyCompany, UnitContact, User } from '../../shared/domain/directory';
import type { Clock, ContentCheck, FileStore, IdSource } from '../../shared/ports/platform';
import type { Store } from '../../shared/ports/store';
import { LocalContentCheck } from '../content-check';
import { randomIds } from '../store/ids';
import { demoUsers, unitContacts } from './people';
import { DEMO_COMPANIES, DEMO_ESTATES, DEMO_GRIDS } from './places';
import { DEMO_HOUSEHOLDS } from './households';
import { seedDemoGovernance } from './governance';
import { seedDemoTickets } from './tickets';
import { seedCreatedDemoUsers } from './created';

export interface DemoData {
  companies: readonly PropertyCompany[];
  estates: readonly Estate[];
  grids: readonly Grid[];
  contacts: UnitContact[];
  users: User[];
}

/** The whole demo directory, computed from the constants and the responsibility lists. */
export function demoData(): DemoData {
  return {
    companies: DEMO_COMPANIES,
    estates: DEMO_ESTATES.map((e) => ({ ...e, households: DEMO_HOUSEHOLDS[e.id] ?? null })),
    grids: DEMO_GRIDS,
    contacts: unitContacts(DEMO_ESTATES),
    users: demoUsers({ estates: DEMO_ESTATES, grids: DEMO_GRIDS, companies: DEMO_COMPANIES }),
  };
}

export interface SeedSummary {
  /** Records written by this run (0 everywhere on a second run). */
  written: { companies: number; estates: number; grids: number; contacts: number; users: number; tickets: number; rectifications: number; classes: number };
}

export interface SeedOptions {
  ids?: IdSource;
  content?: ContentCheck;
  /** Also create a few demo tickets in different states (default true). */
  tickets?: boolean;
}

/** Demo tickets never carry photos: the seed has no file store. */
const NO_FILES: FileStore = {
  put: async () => {
    throw new Error('no file store while seeding');
  },
  get: async () => null,
  url: async (id) => `/files/${id}`,
  claim: async (ids) => (ids[0] ? { code: 'FILE.UNKNOWN', id: ids[0] } : null),
  removeOrphans: async () => 0,
};

export async function seedDemo(store: Store, clock: Clock, opts: SeedOptions = {}): Promise<SeedSummary> {
  const data = demoData();
  const written = { companies: 0, estates: 0, grids: 0, contacts: 0, users: 0, tickets: 0, rectifications: 0, classes: 0 };

  const known = new Set((await store.listPropertyCompanies()).map((c) => c.id));
  for (const c of data.companies) {
    if (known.has(c.id)) continue;
    await store.putPropertyCompany(c);
    written.companies += 1;
  }
  for (const e of data.estates) {
    if (await store.getEstate(e.id)) continue;
    await store.putEstate(e);
    written.estates += 1;
  }
  for (const g of data.grids) {
    if (await store.getGrid(g.id)) continue;
    await store.putGrid(g);
    written.grids += 1;
  }
  const contacts = new Set((await store.listUnitContacts(data.contacts.map((c) => c.unitId))).map((c) => c.unitId));
  for (const c of data.contacts) {
    if (contacts.has(c.unitId)) continue;
    await store.putUnitContact(c);
    written.contacts += 1;
  }
  for (const u of data.users) {
    if (await store.getUser(u.id)) continue;
    await store.putUser(u);
    written.users += 1;
  }
  // The counties admins created, once live: their demo staff (created.ts).
  written.users += await seedCreatedDemoUsers(store);

  if (opts.tickets !== false) {
    const deps: AppDeps = {
      store,
      files: NO_FILES,
      content: opts.content ?? new LocalContentCheck(),
      clock,
      ids: opts.ids ?? randomIds(),
      // The seed's own submissions must never hit the residents' hourly limit.
      config: { platform: 'local', reportsPerHour: 1000 },
    };
    const firstEstates = new Map<string, Estate>();
    for (const e of data.estates) if (!firstEstates.has(e.jurisdiction)) firstEstates.set(e.jurisdiction, e);
    for (const [j, estate] of firstEstates) written.tickets += await seedDemoTickets(deps, estate, `demo.${j}.resident2`);
    // Issue 20: a 整改通知 past its deadline and an open one, and the estates' "123" classes.
    const governance = await seedDemoGovernance(store, clock.now(), data.estates, data.users);
    written.rectifications = governance.rectifications;
    written.classes = governance.classes;
  }
  return { written };
}
