import qitai from './qitai.json';
import wuzhong from './wuzhong.json';
import yinchuan from './yinchuan.json';
import yongning from './yongning.json';

/**
 * The four bundled responsibility lists (issue 19): data, generated once from the former TypeScript
 * files, validated by JurisdictionListSchema when the registry is built. A county's own list arrives
 * as a stored version instead (shared/jurisdictions/versions.ts); these route whatever no stored
 * version covers. Parents come before their children.
 */
export const BUNDLED_LISTS: readonly unknown[] = [yinchuan, yongning, wuzhong, qitai];
