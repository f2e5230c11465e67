/**
 * 业主群警务台: the police officer's estates' tickets in police-relevant categories and those shared
 * into an owner group (view 'police-desk'); claim, public reply, mediation record and hand-over in place.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, useLoad } from '@tarojs/taro';
import { ErrorText } from '../../components/Field';
import { InlineActions } from '../../components/InlineActions';
import { go, staffPaths } from '../../components/navigation';
import { TicketRow } from '../../components/TicketRow';
import { useNow } from '../../components/useNow';
import { callTicket, loadEstateNames, type StaffAction } from '../../lib/api';
import type { QueueAnswer } from '../../lib/types';
import '../../styles.css';

const DESK_ACTIONS: readonly StaffAction[] = ['claim', 'reply', 'mediate', 'handover'];

export default function PoliceDeskPage() {
  const [query, setQuery] = useState<{ groupId?: string } | null>(null);
  const [answer, setAnswer] = useState<QueueAnswer | null>(null);
  const [estates, setEstates] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const now = useNow();

  useLoad((q: Record<string, string | undefined>) => setQuery(q.groupId ? { groupId: q.groupId } : {}));

  async function load(q: { groupId?: string }) {
    try {
      const [queue, names] = await Promise.all([callTicket<QueueAnswer>('queue', { view: 'police-desk', limit: 100, ...q }), loadEstateNames()]);
      setAnswer(queue);
      setEstates(names);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }

  useEffect(() => {
    if (query) void load(query);
  }, [query]);
  useDidShow(() => {
    if (query) void load(query);
  });

  const items = answer?.items ?? [];
  return (
    <View className='staff staff-desk'>
      <Text className='staff-section__title'>业主群警务台</Text>
      <Text className='staff-muted'>辖区小区的纠纷、治安、停车、消防通道等涉警工单及业主群转发的工单</Text>
      <View className='staff-link' onClick={() => go(staffPaths.groups)}>
        <Text>已绑定的业主群</Text>
        <Text className='staff-muted'>›</Text>
      </View>
      <ErrorText error={error} />
      {answer && !items.length ? <View className='staff-empty'>暂无涉警工单</View> : null}
      {items.map((item) => (
        <TicketRow key={item.id} item={item} estate={(item.estateId && estates.get(item.estateId)) || item.estateId || '未知小区'} now={now} onOpen={() => go(staffPaths.ticket(item.id))}>
          <InlineActions ticketId={item.id} only={DESK_ACTIONS} onDone={() => query && void load(query)} />
        </TicketRow>
      ))}
    </View>
  );
}
