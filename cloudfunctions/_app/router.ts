import { ZodError, type z, type ZodTypeAny } from 'zod';
import { DomainError } from '../../shared/lifecycle/errors';
import { RouteError } from '../../shared/routing/route';
import { StoreConflictError } from '../../shared/ports/store';
import { cleanStrings } from '../../shared/text/clean';
import type { Identity } from '../../shared/domain/roles';
import type { AppDeps, Caller } from './context';
import { fail, ok, type Envelope } from './envelope';
import { AppError, errors } from './errors';
import { refreshRegistry } from './usecases/live-registry';

export interface ActionDef<S extends ZodTypeAny = ZodTypeAny> {
  input: S;
  /** 'public' actions run without a signed-in identity (estate lookup, noticeboard, public view). */
  auth: 'public' | 'user';
  run(deps: AppDeps, identity: Identity | null, input: z.output<S>): Promise<unknown>;
}

export type ActionTable = Record<string, ActionDef>;

/** Keeps each action's input type attached to its `run`. */
export function action<S extends ZodTypeAny>(def: ActionDef<S>): ActionDef<S> {
  return def;
}

function issuesOf(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Maps anything a use case throws to the envelope's stable codes. Unknown errors never leak details. */
export function toErrorBody(err: unknown): { body: { code: string; message: string; issues?: Array<{ path: string; message: string }> }; status: number } {
  if (err instanceof AppError) return { body: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) }, status: err.status };
  if (err instanceof ZodError) return { body: { code: 'INPUT.INVALID', message: '输入有误，请检查后重试', issues: issuesOf(err) }, status: 400 };
  if (err instanceof StoreConflictError) return { body: { code: err.code, message: err.message }, status: 409 };
  if (err instanceof DomainError) {
    const status = err.code === 'TICKET.VERSION_CONFLICT' ? 409 : err.code === 'TICKET.FORBIDDEN_ROLE' ? 403 : 400;
    return { body: { code: err.code, message: err.message }, status };
  }
  if (err instanceof RouteError) return { body: { code: err.code, message: err.message }, status: 400 };
  return { body: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' }, status: 500 };
}

export interface HandledResult {
  envelope: Envelope;
  status: number;
}

/**
 * A cloud function: an action router. Every action: zod-parse the input → identity from the caller
 * (platform context) → the use case (which authorizes with shared/permissions) → envelope.
 */
export function createFunction(name: string, table: ActionTable) {
  const handle = async function handle(deps: AppDeps, caller: Caller, request: unknown): Promise<HandledResult> {
    try {
      const req = (typeof request === 'object' && request !== null ? request : {}) as { action?: unknown; data?: unknown };
      const actionName = typeof req.action === 'string' ? req.action : '';
      const def = Object.prototype.hasOwnProperty.call(table, actionName) ? table[actionName] : undefined;
      if (!def) throw errors.unknownAction(name, actionName.slice(0, 40));
      // Invisible and control characters go before any length check (shared/text/clean.ts).
      const input = def.input.parse(cleanStrings(req.data ?? {}));
      if (def.auth === 'user' && !caller.identity) throw errors.unauthenticated();
      // Created jurisdictions live in the store: REGISTRY follows it (usecases/live-registry.ts states the cache rule).
      await refreshRegistry(deps);
      const data = await def.run(deps, caller.identity, input);
      return { envelope: ok(data), status: 200 };
    } catch (err) {
      const { body, status } = toErrorBody(err);
      if (status >= 500) console.error(`[${name}]`, err);
      return { envelope: fail(body), status };
    }
  };
  return Object.assign(handle, { functionName: name, actions: Object.keys(table) });
}

export type FunctionHandler = ReturnType<typeof createFunction>;
