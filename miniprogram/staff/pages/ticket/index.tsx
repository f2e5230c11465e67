/**
 * 工单处置: the ticket, who holds it now, the actions this user may take, 关联小区 for a ticket without
 * an estate, 认定违反九不准 for street and 住建 officers, and the full timeline.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { ActionPanel } from '../../components/ActionPanel';
import { ErrorText, Section } from '../../components/Field';
import { OutboxBanner } from '../../components/OutboxBanner';
import { PlaceEstateForm } from '../../components/PlaceEstateForm';
import { SubscribeButton } from '../../components/SubscribeButton';
import { TicketSummary } from '../../components/TicketSummary';
import { Timeline } from '../../components/Timeline';
import { useNow } from '../../components/useNow';
import { useStaffOutbox } from '../../components/useStaffOutbox';
import { ViolationPanel } from '../../components/ViolationPanel';
import { nineProhibitionsApply } from '../../../../shared/ledger';
import { callTicket, loadEstateNames, loadMe } from '../../lib/api';
import { offersPlacing, offersViolation } from '../../lib/scope';
import type { Me, TicketView } from '../../lib/types';
import '../../styles.css';

export default function StaffTicketPage() {
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [view, setView] = useState<TicketView | null>(null);
  const [estates, setEstates] = useState<Map<string, string>>(new Map());
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  // Actions kept on the phone (待发送) for this ticket; one the server takes later answers with the ticket's view.
  const outbox = useStaffOutbox(ticketId, (sent) => {
    if (sent.item.ticketId === ticketId) setView(sent.answer as TicketView);
  });
  const banner = <OutboxBanner items={outbox.items} sending={outbox.sending} onRetry={() => void outbox.flush()} onDiscard={outbox.discard} />;

  useLoad((query: Record<string, string | undefined>) => {
    if (query.id) setTicketId(decodeURIComponent(query.id));
    else setError('未指定工单');
  });

  async function load(id: string) {
    try {
      const [detail, names, user] = await Promise.all([callTicket<TicketView>('detail', { ticketId: id }), loadEstateNames(), loadMe()]);
      setView(detail);
      setEstates(names);
      setMe(user);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }

  useEffect(() => {
    if (ticketId) void load(ticketId);
  }, [ticketId]);

  if (!view) {
    return (
      <View className='staff'>
        {banner}
        <ErrorText error={error} />
        {error ? null : <Text className='staff-muted'>加载中…</Text>}
      </View>
    );
  }
  const { ticket, events } = view;
  const estate = ticket.estateId ? estates.get(ticket.estateId) || ticket.estateId : '未关联小区';
  const roles = me?.roles ?? [];

  return (
    <View className='staff staff-ticket'>
      {banner}
      <TicketSummary ticket={ticket} estate={estate} now={now} />
      {offersPlacing(roles, ticket) ? (
        <Section title='关联小区'>
          <PlaceEstateForm key={ticket.version} ticket={ticket} onPlaced={setView} />
        </Section>
      ) : null}
      <Section title='办理'>
        <SubscribeButton />
        {outbox.items.length ? (
          <Text className='staff-muted'>有待发送的操作，发送成功后才能继续办理</Text>
        ) : (
          <ActionPanel view={view} onChange={setView} onStale={() => void load(ticket.id)} />
        )}
      </Section>
      {nineProhibitionsApply(ticket.category) && offersViolation(roles, me?.grants ?? null, ticket) ? <ViolationPanel key={ticket.id} ticket={ticket} onDone={() => void load(ticket.id)} /> : null}
      <Section title='处理记录'>
        <Timeline ticket={ticket} events={events} />
      </Section>
      <ErrorText error={error} />
    </View>
  );
}
