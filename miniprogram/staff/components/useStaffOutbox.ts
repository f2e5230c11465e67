/**
 * The staff outbox on a page: the signed-in person's 待发送 actions (of one ticket when given), kept
 * current as the outbox changes, and sent when the page shows and when the network comes back.
 */
import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { onConnectivityBack } from '../../drafts/retry';
import { onOutboxChange, outboxOf, removeOutboxItem, type StaffOutboxItem } from '../../drafts/staff-outbox';
import { flushStaffOutbox, isSentFromForm, outboxOwner, type StaffSendOutcome } from '../../drafts/staff-send';

export interface StaffOutboxState {
  items: StaffOutboxItem[];
  sending: boolean;
  /** Sends every 待发送 action now. */
  flush: () => Promise<void>;
  discard: (key: string) => void;
}

export function useStaffOutbox(ticketId: string | null | undefined, onSent?: (outcome: Extract<StaffSendOutcome, { kind: 'sent' }>) => void): StaffOutboxState {
  // An action its form is sending right now is the form's to show; it joins 待发送 only if that send fails.
  const read = () => (ticketId === null ? [] : outboxOf(outboxOwner(), ticketId).filter((i) => !isSentFromForm(i.key)));
  const [items, setItems] = useState<StaffOutboxItem[]>(read);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    // Re-render only when what the page shows changes (a form's own sends write the outbox several times).
    const refresh = () => setItems((prev) => {
      const next = read();
      const same = prev.length === next.length && prev.every((p, i) => p.key === next[i]?.key && p.status === next[i]?.status && p.lastError === next[i]?.lastError);
      return same ? prev : next;
    });
    refresh();
    return onOutboxChange(refresh);
  }, [ticketId]);

  async function flush(): Promise<void> {
    setSending(true);
    try {
      for (const outcome of await flushStaffOutbox()) if (outcome.kind === 'sent') onSent?.(outcome);
    } finally {
      setSending(false);
    }
  }

  useDidShow(() => void flush());
  useEffect(() => onConnectivityBack(() => void flush()), [ticketId]);

  return { items, sending, flush, discard: removeOutboxItem };
}
