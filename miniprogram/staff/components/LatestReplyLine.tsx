/**
 * 最新回复 at the top of the staff ticket card (issue 18 §4 "A reply shows on the card"): the last
 * words one side addressed to the other (shared/lifecycle/latest-reply.ts), with who and when, so an
 * officer sees the resident's reopen reason or a colleague's public reply without reading the timeline.
 */
import { Text, View } from '@tarojs/components';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { latestReply } from '../../../shared/lifecycle/latest-reply';
import { formatTime } from '../lib/format';
import { unitName } from '../lib/units';

export function LatestReplyLine({ ticket, events }: { ticket: Ticket; events: readonly TicketEvent[] }) {
  const reply = latestReply(events);
  if (!reply) return null;
  const { actor, at } = reply.event;
  // A resident is 居民 to staff (redactEventFor hides who); staff by unit and name.
  const who = reply.side === 'resident' ? '居民' : [actor.unitId ? unitName(actor.unitId, ticket) : undefined, actor.name].filter(Boolean).join(' · ') || '工作人员';
  return (
    <View className={`latest-reply latest-reply--${reply.side}`}>
      <Text className='latest-reply__head'>
        最新回复 · {reply.label} · {who} · {formatTime(at)}
      </Text>
      <Text className='latest-reply__text'>{reply.text}</Text>
    </View>
  );
}
