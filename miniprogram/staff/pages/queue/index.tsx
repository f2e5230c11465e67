/**
 * 工单队列: one view of `ticket.queue` (unit inbox, street returned / extensions / overdue /
 * unplaced, all), sorted by the backend: overdue first, then the nearest deadline, urgent first on
 * ties; 全部工单 newest first (paged at the store, issue 18 §2). Street lists can be worked on in
 * place (待关联小区: 关联小区); other rows open the ticket.
 * 网格工单 (view 'grid') is the grid queue's tabs with search (GridTabs). Every view shows the
 * staff actions still 待发送 on this phone (weak signal), as the ticket page and 工作台 do.
 * A view is paged (QUEUE_PAGE rows a call): 加载更多 and reaching the bottom read the next page, so
 * the list can reach the 共 N 件 it states (issue 18 §2: it stopped at the first 100).
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useReachBottom } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ErrorText } from '../../components/Field';
import { OutboxBanner } from '../../components/OutboxBanner';
import { useStaffOutbox } from '../../components/useStaffOutbox';
import { InlineActions } from '../../components/InlineActions';
import { InlinePlaceEstate } from '../../components/InlinePlaceEstate';
import { go, staffPaths } from '../../components/navigation';
import { TicketRow, isOverdue } from '../../components/TicketRow';
import { useNow } from '../../components/useNow';
import { callTicket, loadEstateNames } from '../../lib/api';
import { QUEUE_VIEWS, type QueueAnswer, type QueueView } from '../../lib/types';
import { INLINE_ACTIONS, VIEW_TITLES } from '../../lib/views';
import '../../styles.css';
import { GridTabs, tabOf } from './GridTabs';
import type { QueueTab } from '../../../../shared/queue/tabs';

/** Rows per call: the backend's largest page. */
const QUEUE_PAGE = 100;

function viewOf(value: string | undefined): QueueView {
  return (QUEUE_VIEWS as readonly string[]).includes(value ?? '') ? (value as QueueView) : 'all';
}

export default function QueuePage() {
  const [view, setView] = useState<QueueView | null>(null);
  const [tab, setTab] = useState<QueueTab>('pending');
  /** Bumped to make the grid tabs read their list again (page shown, an action sent). */
  const [reloadKey, setReloadKey] = useState(0);
  const [answer, setAnswer] = useState<QueueAnswer | null>(null);
  const [estates, setEstates] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  /** A next page is being read: set at once, so a second reach-bottom before the page re-renders reads nothing. */
  const reading = useRef(false);
  const now = useNow();

  useLoad((query: Record<string, string | undefined>) => {
    const v = viewOf(query.view);
    setTab(tabOf(query.tab));
    setView(v);
    void Promise.resolve(Taro.setNavigationBarTitle({ title: VIEW_TITLES[v] })).catch(() => undefined);
  });

  /** `again`: the page showed again or an action was sent, so the grid tabs read their list again too. */
  async function load(v: QueueView, again = false) {
    if (v === 'grid') {
      // GridTabs reads its own tab when it mounts; the page needs the estate names.
      if (again) setReloadKey((k) => k + 1);
      const names = await loadEstateNames().catch(() => null);
      if (names) setEstates(names);
      return;
    }
    try {
      const [queue, names] = await Promise.all([callTicket<QueueAnswer>('queue', { view: v, limit: QUEUE_PAGE }), loadEstateNames()]);
      setAnswer(queue);
      setEstates(names);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }

  /** The next page of the same view, appended (the backend's cursor: an offset, or the store's for 全部工单). */
  async function loadMore() {
    if (!view || view === 'grid' || !answer?.next || reading.current) return;
    reading.current = true;
    setMore(true);
    try {
      const page = await callTicket<QueueAnswer>('queue', { view, limit: QUEUE_PAGE, after: answer.next });
      setAnswer((prev) => (prev ? { ...page, items: [...prev.items, ...page.items.filter((i) => !prev.items.some((p) => p.id === i.id))] } : page));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    } finally {
      reading.current = false;
      setMore(false);
    }
  }

  useEffect(() => {
    if (view) void load(view);
  }, [view]);
  useReachBottom(() => void loadMore());
  useDidShow(() => {
    if (view) void load(view, true);
  });

  // Staff actions kept on the phone: sent when the page shows and when the network returns, then the list is read again.
  const outbox = useStaffOutbox(undefined, () => {
    if (view) void load(view, true);
  });
  const banner = <OutboxBanner items={outbox.items} sending={outbox.sending} onRetry={() => void outbox.flush()} onDiscard={outbox.discard} showTicket />;

  if (!view) return <View className='staff'>{banner}</View>;
  if (view === 'grid') {
    return (
      <View className='staff staff-queue'>
        {banner}
        <Text className='staff-section__title'>{VIEW_TITLES[view]}</Text>
        <GridTabs initialTab={tab} estates={estates} now={now} reloadKey={reloadKey} />
      </View>
    );
  }
  const inline = INLINE_ACTIONS[view];
  const items = answer?.items ?? [];
  const overdue = items.filter((t) => isOverdue(t, now)).length;

  return (
    <View className='staff staff-queue'>
      {banner}
      <Text className='staff-section__title'>{VIEW_TITLES[view]}</Text>
      {answer ? (
        <Text className='staff-muted'>
          共 {answer.total} 件{overdue ? `，其中 ${overdue} 件已超时` : ''}
        </Text>
      ) : null}
      {answer?.truncated ? <Text className='staff-muted'>工单过多，仅统计了其中一部分，请缩小范围查看</Text> : null}
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
      {answer?.next ? (
        <Button block loading={more} onClick={() => void loadMore()}>
          加载更多（已显示 {items.length} / {answer.total} 件）
        </Button>
      ) : null}
    </View>
  );
}
