/**
 * 工单队列: one view of `ticket.queue` (grid triage, unit inbox, street returned / extensions /
 * overdue / unplaced, all), sorted by the backend: overdue first, then the nearest deadline, urgent
 * first on ties. Street lists can be worked on in place (待关联小区: 关联小区); other rows open the ticket.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { ErrorText } from '../../components/Field';
import { InlineActions } from '../../components/InlineActions';
import { InlinePlaceEstate } from '../../components/InlinePlaceEstate';
import { go, staffPaths } from '../../components/navigation';
import { TicketRow, isOverdue } from '../../components/TicketRow';
import { useNow } from '../../components/useNow';
import { callTicket, loadEstateNames } from '../../lib/api';
import { QUEUE_VIEWS, type QueueAnswer, type QueueView } from '../../lib/types';
import { INLINE_ACTIONS, VIEW_TITLES } from '../../lib/views';
import '../../styles.css';

function viewOf(value: string | undefined): QueueView {
  return (QUEUE_VIEWS as readonly string[]).includes(value ?? '') ? (value as QueueView) : 'all';
}

export default function QueuePage() {
  const [view, setView] = useState<QueueView | null>(null);
  const [answer, setAnswer] = useState<QueueAnswer | null>(null);
  const [estates, setEstates] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const now = useNow();

  useLoad((query: Record<string, string | undefined>) => {
    const v = viewOf(query.view);
    setView(v);
    void Promise.resolve(Taro.setNavigationBarTitle({ title: VIEW_TITLES[v] })).catch(() => undefined);
  });

  async function load(v: QueueView) {
    try {
      const [queue, names] = await Promise.all([callTicket<QueueAnswer>('queue', { view: v, limit: 100 }), loadEstateNames()]);
      setAnswer(queue);
      setEstates(names);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }

  useEffect(() => {
    if (view) void load(view);
  }, [view]);
  useDidShow(() => {
    if (view) void load(view);
  });

  if (!view) return <View className='staff' />;
  const inline = INLINE_ACTIONS[view];
  const items = answer?.items ?? [];
  const overdue = items.filter((t) => isOverdue(t, now)).length;

  return (
    <View className='staff staff-queue'>
      <Text className='staff-section__title'>{VIEW_TITLES[view]}</Text>
      {answer ? (
        <Text className='staff-muted'>
          共 {answer.total} 件{overdue ? `，其中 ${overdue} 件已超时` : ''}
        </Text>
      ) : null}
      <ErrorText error={error} />
      {answer && !items.length ? <View className='staff-empty'>暂无工单</View> : null}
      {items.map((item) => (
        <TicketRow
          key={item.id}
          item={item}
          estate={item.estateId ? estates.get(item.estateId) || item.estateId : '未关联小区'}
          now={now}
          onOpen={() => go(staffPaths.ticket(item.id))}
        >
          {view === 'street-unplaced' && item.estateId === null ? (
            <InlinePlaceEstate ticketId={item.id} onDone={() => void load(view)} />
          ) : inline ? (
            <InlineActions ticketId={item.id} only={inline} onDone={() => void load(view)} />
          ) : null}
        </TicketRow>
      ))}
    </View>
  );
}
