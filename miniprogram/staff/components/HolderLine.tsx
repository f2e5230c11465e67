import { Text } from '@tarojs/components';
import type { Ticket } from '../../../shared/domain/ticket';
import { holderText } from '../lib/units';

/** "当前处理：…" — who is holding the ticket now. */
export function HolderLine({ ticket }: { ticket: Ticket }) {
  return <Text className='holder'>当前处理：{holderText(ticket.holder, ticket)}</Text>;
}
