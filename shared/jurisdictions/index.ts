import { qitai } from './qitai';
import { buildRegistry, type Registry } from './registry';
import { wuzhong } from './wuzhong';
import { yinchuan } from './yinchuan';
import { yongning } from './yongning';

export const JURISDICTION_IDS = ['yinchuan', 'yongning', 'wuzhong', 'qitai'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

/** The four encoded lists, validated once at load: a broken list stops every process that imports it. */
export const REGISTRY: Registry = buildRegistry([yinchuan, yongning, wuzhong, qitai]);

export { buildRegistry, ListValidationError, type Registry } from './registry';
export type { Department, JurisdictionList, ListRow, UnitKind, Area, Township } from './schema';
