/** Ticket timeline (placeholder): opened as /pages/ticket/index?id=<ticket id>. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';

export default function TicketPage() {
  const [ticketId, setTicketId] = useState<string | undefined>(undefined);
  useLoad((query: Record<string, string | undefined>) => setTicketId(query.id));

  return (
    <View className='ticket'>
      <Text>工单详情</Text>
      <View>
        <Text>{ticketId ? `工单编号：${ticketId}` : '未指定工单'}</Text>
      </View>
    </View>
  );
}
