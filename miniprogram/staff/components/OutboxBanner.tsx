/**
 * 待发送: the staff actions of this ticket kept on the phone (weak signal, issue 18 §4), each with
 * why it is waiting, a way to send it now, and for one the server refused, a way to drop it.
 */
import { Text, View } from '@tarojs/components';
import type { StaffOutboxItem } from '../../drafts/staff-outbox';
import { Button } from '../../ui';

export function OutboxBanner({
  items,
  sending,
  onRetry,
  onDiscard,
  showTicket = false,
}: {
  items: StaffOutboxItem[];
  sending: boolean;
  onRetry: () => void;
  onDiscard: (key: string) => void;
  /** On a page about many tickets (home): name each action's ticket. */
  showTicket?: boolean;
}) {
  if (!items.length) return null;
  const of = (item: StaffOutboxItem) => (showTicket && item.ticketNo ? ` · ${item.ticketNo}` : '');
  return (
    <View className='staff-outbox'>
      {items.map((item) => (
        <View key={item.key} className={`staff-outbox__item staff-outbox__item--${item.status}`}>
          <Text className='staff-outbox__title'>{item.status === 'pending' ? `待发送 · ${item.label}${of(item)}` : `未能发送 · ${item.label}${of(item)}`}</Text>
          <Text className='staff-outbox__text'>{item.lastError ?? '操作已保存在手机上，网络恢复后会自动发送'}</Text>
          {item.status === 'failed' ? (
            <Button size='small' onClick={() => onDiscard(item.key)}>
              放弃此操作
            </Button>
          ) : null}
        </View>
      ))}
      {items.some((i) => i.status === 'pending') ? (
        <Button type='primary' block loading={sending} onClick={onRetry}>
          立即重试发送
        </Button>
      ) : null}
    </View>
  );
}
