/**
 * Work on a ticket without leaving a list (returned, extensions, overdue, police desk): the ticket's
 * view is loaded when the row is opened, and only the actions the list is about are offered.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { callTicket, type StaffAction } from '../lib/api';
import type { TicketView } from '../lib/types';
import { ActionPanel } from './ActionPanel';
import { ErrorText } from './Field';
import { HolderLine } from './HolderLine';
import { go, staffPaths } from './navigation';
import { Timeline } from './Timeline';

export function InlineActions({ ticketId, only, onDone }: { ticketId: string; only: readonly StaffAction[]; onDone: () => void }) {
  const [view, setView] = useState<TicketView | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      setView(await callTicket<TicketView>('detail', { ticketId }));
      setOpen(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }

  return (
    <View className='inline-actions'>
      <View className='ticket-row__tools'>
        <Button size='small' onClick={() => go(staffPaths.ticket(ticketId))}>
          详情
        </Button>
        <Button size='small' type='primary' loading={loading} onClick={() => (open ? setOpen(false) : void load())}>
          {open ? '收起' : '办理'}
        </Button>
      </View>
      <ErrorText error={error} />
      {open && view ? (
        <View className='action-form'>
          <HolderLine ticket={view.ticket} />
          {view.ticket.description ? <Text className='detail__line'>{view.ticket.description}</Text> : null}
          <ActionPanel
            view={view}
            only={only}
            onStale={() => void load()}
            onChange={(next) => {
              setView(next);
              setOpen(false);
              onDone();
            }}
          />
          <Text className='staff-section__title'>处理记录</Text>
          <Timeline ticket={view.ticket} events={view.events} />
        </View>
      ) : null}
    </View>
  );
}
