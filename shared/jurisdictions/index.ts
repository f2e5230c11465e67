import { BUNDLED_LISTS } from './bundled';
import { buildRegistry, type Registry } from './registry';

export const JURISDICTION_IDS = ['yinchuan', 'yongning', 'wuzhong', 'qitai'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

/** The four bundled lists (bundled/*.json), validated once at load: a broken list stops every process that imports it. */
export const REGISTRY: Registry = buildRegistry(BUNDLED_LISTS);

export { buildRegistry, ListValidationError, type Registry } from './registry';
export type { Department, JurisdictionList, ListRow, UnitKind, Area, Township } from './schema';
