/**
 * The phone's registry of created jurisdictions (issue 19). The build ships the bundled lists only;
 * a county an admin created reaches a staff member's phone through `ticket.jurisdictionDirectory`
 * (the lists of the caller's scope) and is installed into REGISTRY the way the server's router
 * installs it (shared/jurisdictions/device-directory.ts), so unit names, whistle and hand-over
 * choices, scope pickers and office names work for it as for the bundled ones.
 *
 * Cache rule: the answer is kept in device storage with its revision, per sign-in (the H5 token, or
 * the WeChat account). At start the kept copy is installed at once (names show before any answer,
 * and offline); on each sign-in or app start (loadMe) the phone asks again with the kept revision,
 * and the server answers `unchanged` unless the directory moved (a county's list activated, its
 * units re-imported). Another sign-in on the same phone never sees the previous one's copy.
 */
import Taro from '@tarojs/taro';
import { callFunction, getToken } from '../../api';
import { BUNDLED_REGISTRY, installRegistry } from '../../../shared/jurisdictions';
import { deviceRegistry } from '../../../shared/jurisdictions/device-directory';
import type { JurisdictionList } from '../../../shared/jurisdictions/schema';

const KEY = 'xqcs.directory';
const BASE = [...BUNDLED_REGISTRY.lists.values()];

interface Kept {
  session: string;
  revision: string;
  lists: JurisdictionList[];
}

type Answer = { revision: string; unchanged: true } | { revision: string; unchanged: false; lists: JurisdictionList[] };

/** Whose directory is kept: the H5 sign-in's token, or the one WeChat account of the weapp. */
export function sessionKey(): string {
  return getToken() ?? 'wechat';
}

function kept(): Kept | null {
  try {
    const value = Taro.getStorageSync(KEY) as Kept | '';
    return value && typeof value === 'object' && typeof value.revision === 'string' && Array.isArray(value.lists) ? value : null;
  } catch {
    return null;
  }
}

/** Installs the bundled lists plus these; lists that do not load (a stale copy of an old release) leave the bundled ones. */
function install(lists: readonly JurisdictionList[]): void {
  try {
    installRegistry(lists.length ? deviceRegistry(BASE, lists) : BUNDLED_REGISTRY);
  } catch {
    installRegistry(BUNDLED_REGISTRY);
  }
}

let installedFor: string | null = null;

/** The kept directory of this sign-in, or none (the bundled lists only). */
function installKept(session: string): Kept | null {
  const copy = kept();
  const mine = copy && copy.session === session ? copy : null;
  if (installedFor !== session) {
    install(mine?.lists ?? []);
    installedFor = session;
  }
  return mine;
}

/** Asks the server for this sign-in's directory and installs it; a refusal or no network keeps what is installed. */
export async function refreshDirectory(): Promise<void> {
  const session = sessionKey();
  const mine = installKept(session);
  let answer: Answer;
  try {
    answer = await callFunction<Answer>('ticket', 'jurisdictionDirectory', mine ? { revision: mine.revision } : {});
  } catch {
    return;
  }
  // A sign-in changed while the answer was on its way: it is not this session's.
  if (answer.unchanged || sessionKey() !== session) return;
  install(answer.lists);
  try {
    Taro.setStorageSync(KEY, { session, revision: answer.revision, lists: answer.lists } satisfies Kept);
  } catch {
    // A full storage only costs the next start one full answer.
  }
}

/** At start, before any answer: the kept copy of whoever is signed in. */
installKept(sessionKey());

/** Tests start from the bundled lists and no kept copy. */
export function resetDirectory(): void {
  installedFor = null;
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // nothing kept
  }
  installRegistry(BUNDLED_REGISTRY);
}
