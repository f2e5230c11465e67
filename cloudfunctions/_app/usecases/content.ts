/**
 * Text safety for every user text others see (issue 15): a resident's reopen and appeal reasons,
 * and the staff's notes, reasons, replies and mediation outcomes, which the ticket timeline shows
 * to the reporter and the handling chain. One content check per action (the fields joined), with
 * the author's openid (msgSecCheck v2 needs it); a rejected text is 400 CONTENT.REJECTED before
 * anything is written.
 */
import type { Identity } from '../../../shared/domain/roles';
import type { AppDeps } from '../context';
import { errors } from '../errors';

/** Free-text fields of the ticket actions' inputs (shared/actions/ticket.ts, report.ts). */
export const TEXT_FIELDS = ['reason', 'farReason', 'note', 'text', 'outcome', 'agreement'] as const;

export async function checkTexts(deps: AppDeps, identity: Identity, texts: ReadonlyArray<string | null | undefined>): Promise<void> {
  const text = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n');
  if (text === '') return;
  const verdict = await deps.content.checkText(text, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
}

/** The texts of an action input's TEXT_FIELDS. */
export function inputTexts(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const record = input as Record<string, unknown>;
  return TEXT_FIELDS.map((k) => record[k]).filter((v): v is string => typeof v === 'string');
}

type Action<X> = (deps: AppDeps, identity: Identity, input: X) => Promise<unknown>;

/** The same actions, each checking its input's texts first. */
export function withTextChecks<T extends Record<string, Action<never>>>(actions: T): T {
  const out: Record<string, Action<never>> = {};
  for (const [name, run] of Object.entries(actions)) {
    out[name] = async (deps, identity, input) => {
      await checkTexts(deps, identity, inputTexts(input));
      return run(deps, identity, input);
    };
  }
  return out as T;
}
