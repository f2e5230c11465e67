/** One queue row: category (紧急 marked), estate, state, and the countdown to the nearest open deadline. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
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
