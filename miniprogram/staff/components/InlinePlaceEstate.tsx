/** 关联小区 without leaving the 待关联小区 list: the ticket is loaded when the row is opened. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { callTicket } from '../lib/api';
import { friendlyError } from '../lib/errors';
import type { TicketView } from '../lib/types';
import { ErrorText } from './Field';
import { go, staffPaths } from './navigation';
import { PlaceEstateForm } from './PlaceEstateForm';

export function InlinePlaceEstate({ ticketId, onDone }: { ticketId: string; onDone: () => void }) {
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
      setError(friendlyError(err, '加载失败'));
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
          {open ? '收起' : '关联小区'}
        </Button>
      </View>
      <ErrorText error={error} />
      {open && view ? (
        <View>
          {view.ticket.description ? <Text className='detail__line'>{view.ticket.description}</Text> : null}
          <PlaceEstateForm
            ticket={view.ticket}
            onPlaced={() => {
              setOpen(false);
              onDone();
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
