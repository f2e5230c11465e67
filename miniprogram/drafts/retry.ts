/**
 * Automatic retries of a 待发送 draft: when a page shows and when the network comes back
 * (Taro.onNetworkStatusChange; in H5 also the window's 'online' event, since browsers without
 * navigator.connection never report a change). Every retry uses the draft's one idempotency key.
 */
import Taro from '@tarojs/taro';
import { sendDraft, type SendHooks, type SendOutcome } from './send';
import { loadDraft } from './storage';

/** Sends the stored draft if it is waiting (待发送); null when there is nothing to send. */
export function sendPendingDraft(hooks: SendHooks = {}): Promise<SendOutcome | null> {
  const draft = loadDraft();
  if (!draft || draft.status !== 'pending') return Promise.resolve(null);
  return sendDraft(draft, hooks);
}

/** Calls `callback` whenever connectivity returns; the answer unsubscribes. */
export function onConnectivityBack(callback: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) callback();
  };
  const onOnline = () => callback();
  try {
    Taro.onNetworkStatusChange(listener);
  } catch {
    // Not available on this platform.
  }
  const browser = process.env.TARO_ENV !== 'weapp' && typeof window !== 'undefined' && typeof window.addEventListener === 'function';
  if (browser) window.addEventListener('online', onOnline);
  return () => {
    try {
      Taro.offNetworkStatusChange?.(listener);
    } catch {
      // Not available on this platform.
    }
    if (browser) window.removeEventListener('online', onOnline);
  };
}
