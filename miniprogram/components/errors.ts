/**
 * What the resident reads when something fails: Chinese sentences chosen by the envelope's stable
 * error code, never an exception's text. INPUT.INVALID issues go next to their fields.
 */
import { ApiError, NETWORK_ERROR } from '../api/errors';

export type FieldErrors = Partial<Record<string, string>>;

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** Fixed text per code; codes that carry a useful server sentence (content check) use it instead. */
const BY_CODE: Readonly<Record<string, string>> = {
  [NETWORK_ERROR]: '网络不给力，请稍后重试',
  'AUTH.UNAUTHENTICATED': '请先登录后再操作',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关记录，可能已被删除',
  'RATE.LIMITED': '提交过于频繁，请稍后再试',
  'INPUT.INVALID': '填写的内容有误，请按提示修改',
  'TICKET.VERSION_CONFLICT': '工单刚刚有了新进展，已为您刷新，请确认后再操作',
  'TICKET.INVALID_TRANSITION': '工单当前的状态不能进行此操作',
  'FILE.UNREADABLE': '无法读取照片，请重新选择',
  'ACTION.UNKNOWN': '当前版本不支持此操作，请更新后重试',
  INTERNAL: '系统繁忙，请稍后再试',
};

/** Codes whose server message is already a sentence meant for the resident. */
const SERVER_SENTENCE = new Set(['CONTENT.REJECTED', 'TICKET.INVALID_TRANSITION', 'NOT_FOUND', 'INPUT.INVALID']);

export const GENERIC_ERROR = '操作没有成功，请稍后再试';

/** One Chinese sentence for any failure. */
export function friendlyMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return GENERIC_ERROR;
  if (SERVER_SENTENCE.has(err.code) && HAS_CHINESE.test(err.message)) return err.message;
  const fixed = BY_CODE[err.code];
  if (fixed) return fixed;
  // Domain refusals (e.g. TICKET.REOPEN_WINDOW_CLOSED) carry Chinese text written for people.
  return HAS_CHINESE.test(err.message) ? err.message : GENERIC_ERROR;
}

/** Field → message from an INPUT.INVALID answer (zod issue paths such as "description" or "photos.3"). */
export function fieldErrorsOf(err: unknown, fallback: Readonly<Record<string, string>> = {}): FieldErrors {
  if (!(err instanceof ApiError) || !err.issues) return {};
  const out: FieldErrors = {};
  for (const issue of err.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (out[field]) continue;
    out[field] = HAS_CHINESE.test(issue.message) ? issue.message : (fallback[field] ?? '请检查此项');
  }
  return out;
}

/** Same as fieldErrorsOf, from a zod safeParse failure on the client (the same shared schema). */
export function fieldErrorsOfIssues(issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>, fallback: Readonly<Record<string, string>> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (out[field]) continue;
    out[field] = HAS_CHINESE.test(issue.message) ? issue.message : (fallback[field] ?? '请检查此项');
  }
  return out;
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'AUTH.UNAUTHENTICATED';
}

export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'TICKET.VERSION_CONFLICT';
}
