/**
 * The latest reply on a ticket, for the top of the staff ticket card (issue 18 §4: "A reply shows on
 * the card"): the last words one side addressed to the other, read from the events (the timeline).
 * Staff: a police officer's public reply (回复) and the 办结 note of a unit or grid worker. The
 * resident: the reason of a reopen (申请重办) or an appeal (申诉), and a rating's comment.
 * Internal notes (受理, 吹哨, 督办, 退单 …) are not replies to anyone.
 */
import type { LastReply, Ticket, TicketEvent } from '../domain/ticket';
import { REGISTRY } from '../jurisdictions';

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

/** The event as a reply, or null when it is not one (an internal note, or no text). */
export function replyOf(event: TicketEvent): LatestReply | null {
  const kind = REPLY_ACTIONS[event.action];
  if (!kind) return null;
  const text = kind.text(event);
  return typeof text === 'string' && text.trim() ? { event, side: kind.side, label: kind.label, text: text.trim() } : null;
}

/** The reply with the highest seq, or null when nobody has replied yet. */
export function latestReply(events: readonly TicketEvent[]): LatestReply | null {
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  for (const event of ordered) {
    const reply = replyOf(event);
    if (reply) return reply;
  }
  return null;
}

/** The characters of a reply's first line a queue row carries (a row is one or two lines on a phone). */
export const LAST_REPLY_CHARS = 60;

/** A unit's name as the responsibility lists or the ticket's route give it; undefined when neither knows it. */
function unitNameOf(id: string, ticket: Pick<Ticket, 'route'>): string | undefined {
  return REGISTRY.department(id)?.name ?? [...ticket.route.lead, ...ticket.route.responsible].find((u) => u.id === id)?.name;
}

/**
 * The summary kept on the ticket (Ticket.lastReply) when the event is a reply: the text's first line
 * capped, the side, and who by role and unit; never the actor's user id or name, so the row is the
 * same for every viewer the ticket is shown to.
 */
export function lastReplyOf(event: TicketEvent, ticket: Pick<Ticket, 'route'>): LastReply | null {
  const reply = replyOf(event);
  if (!reply) return null;
  const line = reply.text.split(/\r?\n/).find((l) => l.trim().length > 0)?.trim() ?? '';
  const chars = [...line];
  const text = chars.length > LAST_REPLY_CHARS ? `${chars.slice(0, LAST_REPLY_CHARS).join('')}…` : line;
  const { role, unitId } = event.actor;
  const unitName = unitId ? unitNameOf(unitId, ticket) : undefined;
  return {
    action: event.action,
    side: reply.side,
    label: reply.label,
    role,
    ...(unitId && role !== 'resident' ? { unitId } : {}),
    ...(unitName && role !== 'resident' ? { unitName } : {}),
    text,
    at: event.at,
    seq: event.seq,
  };
}
