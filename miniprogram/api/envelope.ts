import { ApiError } from './errors';

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

/** Unwraps the cloud function envelope (DESIGN.md §7) or throws its error. */
export function unwrap<T>(value: unknown): T {
  const env = value as Envelope<T> | undefined;
  if (env && env.ok === true) return env.data;
  if (env && env.ok === false && env.error) throw new ApiError(env.error.code, env.error.message, env.error.issues);
  throw new ApiError('INTERNAL', '系统繁忙，请稍后再试');
}
