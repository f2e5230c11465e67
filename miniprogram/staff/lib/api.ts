/** The staff screens' calls: everything goes through the `ticket` function (and `report.estates` for names). */
import { callFunction, getSessionUser, getToken } from '../../api';
import { TICKET_FUNCTION_ACTIONS } from '../../../shared/actions/ticket';
import { refreshDirectory, resetDirectory } from './directory';
import type { EstateItem, HomeAnswer, Me } from './types';

/** Lifecycle action → the `ticket` function's action name (shared/actions/ticket.ts). */
export const FUNCTION_ACTIONS = TICKET_FUNCTION_ACTIONS;

/** The lifecycle actions staff take from these screens, in the order their buttons appear. */
export type StaffAction = keyof typeof FUNCTION_ACTIONS;
export const STAFF_ACTIONS = Object.keys(FUNCTION_ACTIONS) as StaffAction[];

export function isStaffAction(action: string): action is StaffAction {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ACTIONS, action);
}

/** The `ticket` function's actions that are not lifecycle transitions (cloudfunctions/_app/functions/ticket.ts). */
type OtherTicketAction =
  | 'home'
  | 'queue'
  | 'detail'
  | 'inbox'
  | 'markRead'
  | 'metrics'
  | 'placeEstate'
  | 'bindGroup'
  | 'unbindGroup'
  | 'groups'
  | 'demoGroups'
  | 'resolveGroup'
  | 'bulletin'
  | 'bulletinJob'
  | 'confirmViolation'
  | 'ledger';

type TicketFunctionAction = (typeof FUNCTION_ACTIONS)[StaffAction] | OtherTicketAction;

export function callTicket<T>(action: TicketFunctionAction, data: unknown = {}): Promise<T> {
  return callFunction<T>('ticket', action, data);
}

/** The public estate list (id, name, jurisdiction, street, location), loaded once per app run. */
let estateList: Promise<EstateItem[]> | null = null;

/** report.estates answers 100 a page; a deployment's estates number in the hundreds (at most this many pages are read). */
const ESTATE_PAGES = 100;

/** Every page of report.estates, following `next`: a screen names any estate, not only the first 100 by name. */
async function readAllEstates(): Promise<EstateItem[]> {
  const out: EstateItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < ESTATE_PAGES; page += 1) {
    const answer: { items: EstateItem[]; next: string | null } = await callFunction('report', 'estates', after ? { limit: 100, after } : { limit: 100 });
    out.push(...answer.items);
    // A test's faked list may send no `next`: one page.
    after = answer.next ?? null;
    if (!after) break;
  }
  return out;
}

export function loadEstates(): Promise<EstateItem[]> {
  if (!estateList) {
    estateList = readAllEstates()
      .catch(() => {
        estateList = null; // try again next time
        return [];
      });
  }
  return estateList;
}

/** Estate id → name (the queue shows names, not ids). */
export async function loadEstateNames(): Promise<Map<string, string>> {
  return new Map((await loadEstates()).map((e) => [e.id, e.name]));
}

/**
 * Who is signed in: `ticket.home`'s user, once per sign-in (keyed by the H5 token; weapp has none),
 * else the H5 session's user. Null when neither is known.
 */
let me: { key: string; answer: Promise<Me | null> } | null = null;

export function loadMe(): Promise<Me | null> {
  const key = getToken() ?? 'wechat';
  if (!me || me.key !== key) {
    const session = getSessionUser();
    const fallback = session ? { id: session.id, name: session.name, roles: session.roles, grants: null } : null;
    const entry = {
      key,
      // The created jurisdictions of the user's scope are asked for alongside (lib/directory.ts), so
      // that a page rendering after this answer names their units.
      answer: Promise.all([callTicket<HomeAnswer>('home'), refreshDirectory()])
        .then(([home]): Me => ({ ...home.user, grants: home.user.grants ?? null }))
        .catch(() => {
          if (me === entry) me = null; // ask again next time
          return fallback;
        }),
    };
    me = entry;
  }
  return me.answer;
}

/** Tests start every page from empty caches (estates, the signed-in user and the kept directory). */
export function resetEstateNames(): void {
  estateList = null;
  me = null;
  resetDirectory();
}
