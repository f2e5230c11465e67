/** One queue row: category (紧急 marked), estate, state, the countdown to the nearest open deadline and the latest reply. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import type { LastReply } from '../../../shared/domain/ticket';
import { formatTime, nearestOpenDeadline } from '../lib/format';
import type { QueueItem } from '../lib/types';
import { unitName } from '../lib/units';
import { DeadlineCountdown } from './DeadlineCountdown';
import { StateChip } from './StateChip';

/** Overdue: marked by the sweep, or a staff deadline already past. */
export function isOverdue(item: Pick<QueueItem, 'overdue' | 'deadlines'>, now: number): boolean {
  const next = nearestOpenDeadline(item.deadlines);
  return item.overdue || (next !== undefined && Date.parse(next.due) < now);
}

/** Who replied as the row names them: 居民 for the resident's side, else the unit, else the role. */
export function replyAuthor(reply: Pick<LastReply, 'side' | 'role' | 'unitName'>): string {
  if (reply.side === 'resident') return '居民';
  return reply.unitName ?? (reply.role === 'system' ? '系统' : ROLE_LABELS[reply.role]);
}

/** 最新回复 on the row (issue 18): the latest words one side addressed to the other, so nobody opens each ticket to find them. */
export function RowReply({ reply }: { reply: LastReply }) {
  return (
    <Text className={`ticket-row__reply ticket-row__reply--${reply.side}`}>
      最新回复 · {reply.label} · {replyAuthor(reply)} · {formatTime(reply.at)}：{reply.text}
    </Text>
  );
}

export function TicketRow({ item, estate, now, onOpen, children }: { item: QueueItem; estate: string; now: number; onOpen: () => void; children?: ReactNode }) {
  const overdue = isOverdue(item, now);
  return (
    <View className={`ticket-row${overdue ? ' ticket-row--overdue' : ''}`}>
      <View onClick={onOpen}>
        <View className='ticket-row__head'>
          <Text className='ticket-row__category'>{item.categoryLabel}</Text>
          {item.priority === 'urgent' ? <Text className='staff-tag staff-tag--urgent'>紧急</Text> : null}
          {overdue ? <Text className='staff-tag staff-tag--overdue'>已超时</Text> : null}
          <StateChip state={item.state} />
        </View>
        <Text className='ticket-row__meta'>
          {estate} · {item.no} · {formatTime(item.createdAt)}
          {item.meToo > 0 ? ` · ${item.meToo}人附议` : ''}
        </Text>
        <DeadlineCountdown deadlines={item.deadlines} now={now} />
        {item.lastReply ? <RowReply reply={item.lastReply} /> : null}
        {item.pendingExtension ? (
          <Text className='ticket-row__meta ticket-row__extension'>
            {unitName(item.pendingExtension.unitId)}申请延期至 {formatTime(item.pendingExtension.until)}，理由：{item.pendingExtension.reason}
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  );
}
