/**
 * The staff outbox (issue 18 §4, weak signal): staff actions waiting to be sent, kept in Taro storage
 * (wx storage / localStorage) from the first attempt until the server answers. Each keeps the
 * idempotency key made at that first attempt, so every retry is the same action to the server, and
 * its photos as local paths until they are uploaded (then their file ids).
 */
import Taro from '@tarojs/taro';

export const STAFF_OUTBOX_KEY = 'xqcs.staffOutbox';

export interface OutboxPhoto {
  /** Local file kept on the device (weapp saved file, H5 data: URL or blob: URL). */
  path: string;
  /** Storage file id once uploaded. */
  id?: string;
}

/** pending (待发送): will be sent again by itself; failed: the server refused it, the person decides. */
export type OutboxStatus = 'pending' | 'failed';

export interface StaffOutboxItem {
  /** The idempotency key, made when the action was first attempted. */
  key: string;
  /** Who queued it (the H5 session's user; 'wechat' in weapp): never sent as someone else. */
  owner: string;
  ticketId: string;
  ticketNo: string | null;
  /** The `ticket` function's action (settle, resolve…). */
  action: string;
  /** Its label for people (就地办结…). */
  label: string;
  /** The action's input without photos: ticketId, version and the form's fields. */
  data: Record<string, unknown>;
  /** The after-photos, for actions that carry them; null for the others. */
  photos: OutboxPhoto[] | null;
  status: OutboxStatus;
  attempts: number;
  /** The Chinese sentence of the last failed attempt. */
  lastError: string | null;
  /** Device clock, for display only. */
  queuedAt: string;
}

function isItem(value: unknown): value is StaffOutboxItem {
  const v = value as Partial<StaffOutboxItem> | null;
  return !!v && typeof v === 'object' && typeof v.key === 'string' && typeof v.ticketId === 'string' && typeof v.action === 'string' && typeof v.data === 'object';
}

export function loadOutbox(): StaffOutboxItem[] {
  try {
    const value = Taro.getStorageSync(STAFF_OUTBOX_KEY) as unknown;
    return Array.isArray(value) ? value.filter(isItem) : [];
  } catch {
    return [];
  }
}

/** Listeners of outbox changes (pages showing 待发送). */
const listeners = new Set<() => void>();

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners the outbox changed (stored items, or which of them a form is sending). */
export function notifyOutbox(): void {
  for (const listener of [...listeners]) listener();
}

function store(items: StaffOutboxItem[]): boolean {
  let kept = true;
  try {
    if (items.length) Taro.setStorageSync(STAFF_OUTBOX_KEY, items);
    else Taro.removeStorageSync(STAFF_OUTBOX_KEY);
  } catch {
    kept = false; // storage full: the caller says so
  }
  notifyOutbox();
  return kept;
}

/** Adds or replaces the item with the same key; false when the device could not store it. */
export function putOutboxItem(item: StaffOutboxItem): boolean {
  const items = loadOutbox();
  const at = items.findIndex((i) => i.key === item.key);
  if (at >= 0) items[at] = item;
  else items.push(item);
  return store(items);
}

export function removeOutboxItem(key: string): void {
  store(loadOutbox().filter((i) => i.key !== key));
}

/** The signed-in person's queued actions (of one ticket when given), oldest first. */
export function outboxOf(owner: string, ticketId?: string): StaffOutboxItem[] {
  return loadOutbox().filter((i) => i.owner === owner && (ticketId === undefined || i.ticketId === ticketId));
}
