/**
 * 网格工单 (issue 18 §4): the grid queue in four tabs, 待受理 / 处理中 / 待核验 / 已完成, with a
 * search by ticket number or description text. Each tab is one backend query (ticket.queue with
 * `tab`): the number shown is the count of that same query, and 加载更多 pages through it. Every tab
 * carries its own number (the answer's `counts`, each the count of that tab's query, the search
 * included). A ticket whistled to departments or claimed by the police stays under 处理中.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Segmented } from '../../../ui';
import { QUEUE_TABS, SEARCH_MAX, TAB_LABELS, type QueueTab } from '../../../../shared/queue/tabs';
import { ErrorText, Field, TextInput } from '../../components/Field';
import { go, staffPaths } from '../../components/navigation';
import { TicketRow } from '../../components/TicketRow';
import { callTicket } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import type { QueueItem } from '../../lib/types';
import './index.css';

/** Rows per page: a phone screen or two. */
export const TAB_PAGE = 20;

interface TabAnswer {
  items: QueueItem[];
  total: number;
  /** Every tab's number (absent from older backends). */
  counts?: Record<QueueTab, number>;
  next: string | null;
}

/** A tab's label with its number once known: 处理中 2. */
export function tabLabel(tab: QueueTab, counts: Partial<Record<QueueTab, number>> | null): string {
  const n = counts?.[tab];
  return n === undefined ? TAB_LABELS[tab] : `${TAB_LABELS[tab]} ${n}`;
}

export function tabOf(value: string | undefined): QueueTab {
  return (QUEUE_TABS as readonly string[]).includes(value ?? '') ? (value as QueueTab) : 'pending';
}

export function GridTabs({ initialTab, estates, now, reloadKey }: { initialTab: QueueTab; estates: Map<string, string>; now: number; reloadKey: number }) {
  const [tab, setTab] = useState<QueueTab>(initialTab);
  const [typed, setTyped] = useState('');
  /** The search in force (what was typed when 搜索 was tapped). */
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<TabAnswer | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The tabs' numbers of the last answer: kept while another tab loads, so they do not flicker. */
  const [counts, setCounts] = useState<Record<QueueTab, number> | null>(null);

  async function load(after: string | null) {
    const q = query.trim();
    try {
      const page = await callTicket<TabAnswer>('queue', { view: 'grid', tab, limit: TAB_PAGE, ...(q ? { q } : {}), ...(after ? { after } : {}) });
      setAnswer((prev) => (after && prev ? { ...page, items: [...prev.items, ...page.items] } : page));
      if (page.counts) setCounts(page.counts);
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useEffect(() => {
    setAnswer(null);
    void load(null);
  }, [tab, query, reloadKey]);

  async function loadMore() {
    if (!answer?.next) return;
    setMore(true);
    try {
      await load(answer.next);
    } finally {
      setMore(false);
    }
  }

  const items = answer?.items ?? [];
  const searching = query.trim() !== '';
  return (
    <View className='grid-tabs'>
      <Segmented label='工单状态' options={QUEUE_TABS.map((k) => ({ key: k, label: tabLabel(k, counts) }))} value={tab} onChange={setTab} />
      <Field label='搜索工单'>
        <TextInput value={typed} onChange={setTyped} maxlength={SEARCH_MAX} placeholder='工单编号或问题描述关键词' />
      </Field>
      <View className='grid-tabs__search'>
        <Button size='small' type='primary' onClick={() => setQuery(typed.trim())}>
          搜索
        </Button>
        {searching ? (
          <Button
            size='small'
            plain
            onClick={() => {
              setTyped('');
              setQuery('');
            }}
          >
            清除
          </Button>
        ) : null}
      </View>
      {answer ? (
        <Text className='staff-muted'>
          {TAB_LABELS[tab]}
          {searching ? ` · 搜索“${query.trim()}”` : ''}：共 {answer.total} 件
        </Text>
      ) : null}
      <ErrorText error={error} />
      {answer && !items.length ? <View className='staff-empty'>{searching ? '没有找到符合条件的工单' : `暂无${TAB_LABELS[tab]}的工单`}</View> : null}
      {items.map((item) => (
        <TicketRow key={item.id} item={item} estate={item.estateId ? estates.get(item.estateId) || item.estateId : '未关联小区'} now={now} onOpen={() => go(staffPaths.ticket(item.id))}>
          {item.descriptionLine ? <Text className='grid-tabs__line'>{item.descriptionLine}</Text> : null}
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
