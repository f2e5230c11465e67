/** Refusals of the group, ledger and placing actions as plain Chinese an officer can act on. */
import { ApiError } from '../../api';

/** Our wording per stable code; codes not listed keep the server's message (already Chinese). */
export const FRIENDLY_ERRORS: Record<string, string> = {
  'GROUP.FOREIGN': '该群已绑定（或曾经绑定）到其他小区，不能绑定到本小区',
  'GROUP.UNRESOLVED': '无法识别该微信群，请在业主群内重新打开绑定卡片后再试',
  'GROUP.DEMO_ONLY': '演示群仅在本地演示环境中可用',
  'GROUP.NOT_BOUND': '该群尚未绑定小区，请联系社区工作人员在群内完成绑定',
  'AUTH.OUT_OF_SCOPE': '该小区不在您的管辖范围内',
  'AUTH.UNAUTHENTICATED': '请先登录',
  'TICKET.VERSION_CONFLICT': '工单已被他人更新，请刷新后重试',
};

const HAS_CJK = /[\u4e00-\u9fff]/;

/** The text to show for an error: ours for known codes, else the server's Chinese message, else `fallback`. */
export function friendlyError(err: unknown, fallback = '操作失败，请稍后重试'): string {
  if (err instanceof ApiError) {
    const ours = FRIENDLY_ERRORS[err.code];
    if (ours) return ours;
    return HAS_CJK.test(err.message) ? err.message : fallback;
  }
  return err instanceof Error && HAS_CJK.test(err.message) ? err.message : fallback;
}

/** AUTH.* refusals: the user's role or scope does not allow the action (the screen hides it). */
export function isAuthRefusal(err: unknown): boolean {
  return err instanceof ApiError && err.code.startsWith('AUTH.');
}
