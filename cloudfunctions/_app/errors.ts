/**
 * Stable error codes of the envelope (DESIGN.md §7). Clients switch on `code`; `message` is Chinese
 * text a person can read. `status` is the HTTP status the local gateway and Open311 answer with.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  unauthenticated: () => new AppError('AUTH.UNAUTHENTICATED', '请先登录', 401),
  forbidden: (message = '无权执行此操作') => new AppError('AUTH.FORBIDDEN', message, 403),
  notFound: (what = '记录') => new AppError('NOT_FOUND', `${what}不存在`, 404),
  unknownAction: (fn: string, action: string) => new AppError('ACTION.UNKNOWN', `${fn} 不支持操作 ${action}`, 400),
  rateLimited: () => new AppError('RATE.LIMITED', '提交过于频繁，请稍后再试', 429),
  contentRejected: (reason: string) => new AppError('CONTENT.REJECTED', `内容未通过安全检查：${reason}`, 400),
  idempotencyMismatch: () => new AppError('IDEMPOTENCY.MISMATCH', '该提交编号已用于另一份上报，请刷新后重新提交', 409),
};
