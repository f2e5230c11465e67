/** The staff screens' calls: everything goes through the `ticket` function (and `report.estates` for names). */
import { callFunction } from '../../api';
import type { LifecycleAction } from '../../../shared/lifecycle';

/** Lifecycle action → the `ticket` function's action name (cloudfunctions/_app/functions/ticket.ts). */
export const FUNCTION_ACTIONS = {
  accept: 'accept',
  reject: 'reject',
  merge: 'merge',
  handle: 'handle',
  settle: 'settle',
  whistle: 'whistle',
  acknowledge: 'acknowledge',
  arrive: 'arrive',
  resolve: 'resolve',
  return: 'return',
  reroute: 'reroute',
  'request-extension': 'requestExtension',
  'approve-extension': 'approveExtension',
  'refuse-extension': 'refuseExtension',
  verify: 'verify',
  'verify-fail': 'verifyFail',
  supervise: 'supervise',
  escalate: 'escalate',
  claim: 'claim',
  reply: 'reply',
  mediate: 'mediate',
  handover: 'handover',
} as const satisfies Partial<Record<LifecycleAction, string>>;

/** The lifecycle actions staff take from these screens, in the order their buttons appear. */
export type StaffAction = keyof typeof FUNCTION_ACTIONS;
export const STAFF_ACTIONS = Object.keys(FUNCTION_ACTIONS) as StaffAction[];

export function isStaffAction(action: string): action is StaffAction {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ACTIONS, action);
}

type TicketFunctionAction = (typeof FUNCTION_ACTIONS)[StaffAction] | 'home' | 'queue' | 'detail' | 'inbox' | 'markRead' | 'metrics';

export function callTicket<T>(action: TicketFunctionAction, data: unknown = {}): Promise<T> {
  return callFunction<T>('ticket', action, data);
}

/** Estate id → name, loaded once per app run (public list; the queue shows names, not ids). */
let estateNames: Promise<Map<string, string>> | null = null;

export function loadEstateNames(): Promise<Map<string, string>> {
  if (!estateNames) {
    estateNames = callFunction<{ items: Array<{ id: string; name: string }> }>('report', 'estates', { limit: 100 })
      .then((answer) => new Map(answer.items.map((e) => [e.id, e.name])))
      .catch(() => {
        estateNames = null; // try again next time
        return new Map<string, string>();
      });
  }
  return estateNames;
}

/** Tests start every page from an empty cache. */
export function resetEstateNames(): void {
  estateNames = null;
}
