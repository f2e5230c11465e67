export interface ErrorBody {
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

/** The answer of every action (DESIGN.md §7). */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): Envelope<never> => ({ ok: false, error });
