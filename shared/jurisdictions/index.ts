import { BUNDLED_LISTS } from './bundled';
import { buildRegistry, type Registry } from './registry';

export const JURISDICTION_IDS = ['yinchuan', 'yongning', 'wuzhong', 'qitai'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

/** The four bundled lists (bundled/*.json), validated once at load: a broken list stops every process that imports it. */
export const BUNDLED_REGISTRY: Registry = buildRegistry(BUNDLED_LISTS);

let current: Registry = BUNDLED_REGISTRY;

/**
 * The registry the app answers by: the bundled lists plus the jurisdictions admins created (issue
 * 19 §4), which live in the store. A live view: it delegates to the registry last installed by
 * installRegistry, which the server's app layer does at the start of each call from what the store
 * holds (cloudfunctions/_app/usecases/live-registry.ts states the cache rule). Without a store (the
 * mini-program, the route CLI without --db) it stays the bundled registry.
 */
export const REGISTRY: Registry = {
  get lists() {
    return current.lists;
  },
  list: (id) => current.list(id),
  chain: (id) => current.chain(id),
  department: (id) => current.department(id),
  rowFor: (listId, category) => current.rowFor(listId, category),
};

/** Installs the registry REGISTRY answers by (the app layer, from the store). */
export function installRegistry(next: Registry): void {
  current = next;
}

export { buildRegistry, ListValidationError, type Registry } from './registry';
export type { Department, JurisdictionList, ListRow, UnitKind, Area, Township } from './schema';
