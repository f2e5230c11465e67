/** The countdown to a ticket's nearest open deadline (red once it has passed). */
import { Text } from '@tarojs/components';
import type { Deadline } from '../../../shared/domain/ticket';
import { countdown, nearestOpenDeadline } from '../lib/format';

export function DeadlineCountdown({ deadlines, now }: { deadlines: readonly Deadline[]; now: number }) {
  const next = nearestOpenDeadline(deadlines);
  if (!next) return <Text className='countdown countdown--none'>无进行中的时限</Text>;
  const c = countdown(next, now);
  return <Text className={`countdown${c.overdue ? ' countdown--overdue' : c.soon ? ' countdown--soon' : ''}`}>{c.text}</Text>;
}
