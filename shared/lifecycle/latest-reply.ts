/**
 * The latest reply on a ticket, for the top of the staff ticket card (issue 18 §4: "A reply shows on
 * the card"): the last words one side addressed to the other, read from the events (the timeline).
 * Staff: a police officer's public reply (回复) and the 办结 note of a unit or grid worker. The
 * resident: the reason of a reopen (申请重办) or an appeal (申诉), and a rating's comment.
 * Internal notes (受理, 吹哨, 督办, 退单 …) are not replies to anyone.
 */
import type { TicketEvent } from '../domain/ticket';

export type ReplySide = 'staff' | 'resident';

const REPLY_ACTIONS: Readonly<Record<string, { side: ReplySide; label: string; text: (e: TicketEvent) => unknown }>> = {
  reply: { side: 'staff', label: '公开回复', text: (e) => e.note ?? e.payload?.reply },
  resolve: { side: 'staff', label: '办结说明', text: (e) => e.note },
  settle: { side: 'staff', label: '办结说明', text: (e) => e.note },
  reopen: { side: 'resident', label: '居民申请重办', text: (e) => e.note ?? e.payload?.reason },
  appeal: { side: 'resident', label: '居民申诉', text: (e) => e.note ?? e.payload?.reason },
  rate: { side: 'resident', label: '居民评价', text: (e) => e.payload?.comment },
};

export interface LatestReply {
  event: TicketEvent;
  side: ReplySide;
  label: string;
  text: string;
}

/** The reply with the highest seq, or null when nobody has replied yet. */
export function latestReply(events: readonly TicketEvent[]): LatestReply | null {
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  for (const event of ordered) {
    const kind = REPLY_ACTIONS[event.action];
    if (!kind) continue;
    const text = kind.text(event);
    if (typeof text === 'string' && text.trim()) return { event, side: kind.side, label: kind.label, text: text.trim() };
  }
  return null;
}
