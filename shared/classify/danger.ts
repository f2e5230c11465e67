/**
 * Danger to life in the resident's own words (issue 16 §5): fire, a gas smell, someone trapped or
 * hurt. The report page shows "call 119/110 now" from the text before any category is chosen, just
 * as it does for categories with an emergencyCall (shared/taxonomy/categories.ts).
 */
import { normalize } from './normalize';

export type EmergencyNumber = '119' | '110';

const FIRE_119 = [/着火/, /起火/, /失火/, /火灾/, /火苗/, /冒烟/, /浓烟/, /烧起来/, /火烧/, /冒火/, /爆炸/, /[煤燃]气味/, /[煤燃]气泄漏/, /漏[煤燃]?气/, /[煤燃]气.{0,6}(味|漏|泄)/, /闻到.{0,4}[煤燃]气/, /困人/, /关人/, /被困/, /困在/, /关在电梯/, /卡在电梯/, /电梯.{0,6}(出不来|困|关住)/];
const POLICE_110 = [/打架/, /斗殴/, /砍人/, /持刀/, /拿刀/, /打人/, /打起来/, /抢劫/, /家暴/, /有人偷/, /正在偷/, /撬门/, /撬锁/];
// A rumour or a drill is not an emergency.
const NOT_NOW = /(演练|演习|培训|宣传|防火知识|以前|去年|上个月)/;

/** The number to call now, or null. Fire, gas and people trapped come first (119), then violence (110). */
export function dangerHint(text: string): EmergencyNumber | null {
  const t = normalize(text).replace(/ /g, '');
  if (NOT_NOW.test(t)) return null;
  if (FIRE_119.some((re) => re.test(t))) return '119';
  if (POLICE_110.some((re) => re.test(t))) return '110';
  return null;
}
