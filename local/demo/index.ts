/** Demo data of the local runtime: estates, grids, companies, unit contacts, users and a few tickets. */
export { demoData, seedDemo, type DemoData, type SeedOptions, type SeedSummary } from './seed';
export { DEMO_COMPANIES, DEMO_ESTATES, DEMO_GRIDS } from './places';
export { routedUnits, contactUnits, isTownship, type DemoUnit } from './units';
export { deptUserId, demoUsers, unitContacts } from './people';
