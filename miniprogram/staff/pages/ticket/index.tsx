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
import { TicketSummary, type CompanyStanding } from '../../components/TicketSummary';
import { Timeline } from '../../components/Timeline';
import { useNow } from '../../components/useNow';
import { useStaffOutbox } from '../../components/useStaffOutbox';
import { ViolationPanel } from '../../components/ViolationPanel';
import { nineProhibitionsApply } from '../../../../shared/ledger';
import { RectifyLink } from '../../components/RectifyLink';
import { TicketPlaceSection } from '../../components/TicketPlaceSection';
import { callTicket, loadEstates, loadMe } from '../../lib/api';
import type { UnitContactView } from '../../lib/place';
import { offersPlacing, offersViolation } from '../../lib/scope';
import type { EstateItem, Me, TicketView } from '../../lib/types';
import '../../styles.css';
import './index.css';

export default function StaffTicketPage() {
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [view, setView] = useState<TicketView | null>(null);
  const [estates, setEstates] = useState<EstateItem[]>([]);
  // The units' published phones come with the detail only; an action's answer keeps them.
  const [contacts, setContacts] = useState<UnitContactView[]>([]);
  // So does the estate's company standing (null for the company's own users).
  const [company, setCompany] = useState<CompanyStanding | null>(null);
  // And the ticket's estate (name, address, point): the estate list holds only 100 of the deployment's.
  const [detailEstate, setDetailEstate] = useState<EstateItem | null>(null);
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
      const [detail, all, user] = await Promise.all([callTicket<TicketView & { contacts: UnitContactView[]; propertyCompany: CompanyStanding | null; estate: EstateItem | null }>('detail', { ticketId: id }), loadEstates(), loadMe()]);
      const { contacts: phones, propertyCompany, estate: place, ...rest } = detail;
      setView(rest);
      setContacts(phones ?? []);
      setCompany(propertyCompany ?? null);
      setDetailEstate(place ?? null);
      setEstates(all);
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
  // The detail's estate while the ticket is still there (placing it in another estate moves it on).
  const estateItem = (detailEstate && detailEstate.id === ticket.estateId ? detailEstate : null) ?? estates.find((e) => e.id === ticket.estateId) ?? null;
  const estate = ticket.estateId ? estateItem?.name || ticket.estateId : '未关联小区';
  const roles = me?.roles ?? [];
  const ownUnits = (me?.grants ?? []).flatMap((g) => (g.role === 'department' || g.role === 'police' ? (g.units ?? []) : []));

  return (
    <View className='staff staff-ticket'>
      {banner}
      <TicketSummary ticket={ticket} estate={estate} now={now} events={events} company={company} />
      <TicketPlaceSection ticket={ticket} estate={estateItem} contacts={contacts} ownUnits={ownUnits} />
      {offersPlacing(roles, ticket) ? (
        <Section title='关联小区'>
          <PlaceEstateForm key={ticket.version} ticket={ticket} onPlaced={setView} />
        </Section>
      ) : null}
      <Section title='办理'>
        <SubscribeButton />
        <RectifyLink ticket={ticket} estate={estateItem} me={me} />
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
