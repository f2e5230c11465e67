/**
 * The county page's refusals: the plain Chinese line with the stable code after it, so that an
 * admin who calls for help can quote it, and the row errors of a refused table, all of them.
 */
import { ApiError } from '../../api/errors';
import { friendlyError } from './errors';

/** '导入失败：…（错误码 ESTATES.INVALID_ROWS）'; a network failure or a non-API error has no code to quote. */
export function countyError(err: unknown, fallback: string): string {
  const text = friendlyError(err, fallback);
  return err instanceof ApiError && err.code !== 'NETWORK' ? `${text}（错误码 ${err.code}）` : text;
}

/** Every row error of a table the server refused as a whole (*.INVALID_ROWS issues), in the server's order. */
export function rowErrorsOf(err: unknown): string[] {
  return err instanceof ApiError && err.code.endsWith('.INVALID_ROWS') ? (err.issues ?? []).map((i) => i.message) : [];
}
