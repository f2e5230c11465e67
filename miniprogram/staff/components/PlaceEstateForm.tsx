/**
 * 关联小区: a ticket routed at jurisdiction level (no registered estate within 1 km of the report) is
 * placed into an estate of its jurisdiction, nearest to the report's location first. The backend
 * recomputes the route and the estate's grid holds the ticket from then on.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Ticket } from '../../../shared/domain/ticket';
import { distanceMeters } from '../../../shared/geo';
import { Button } from '../../ui';
import { callTicket, loadEstates, loadMe } from '../lib/api';
import { friendlyError } from '../lib/errors';
import { formatMeters } from '../lib/format';
import { estatesInScope } from '../lib/scope';
import type { EstateItem, TicketView } from '../lib/types';
import { unitName } from '../lib/units';
import { ChoiceList, ErrorText, Field, TextInput } from './Field';

/** How many estates are listed before the officer narrows by name. */
const SHOWN = 12;

/** The estates a ticket may be placed in: its jurisdiction's, nearest first when it has a location. */
export function placeCandidates(ticket: Pick<Ticket, 'jurisdiction' | 'location'>, estates: readonly EstateItem[]): Array<EstateItem & { distance: number | null }> {
  const at = ticket.location;
  return estates
    .filter((e) => e.jurisdiction === ticket.jurisdiction)
    .map((e) => ({ ...e, distance: at ? distanceMeters(at, e.location) : null }))
    .sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0) || a.name.localeCompare(b.name, 'zh'));
}

export function PlaceEstateForm({ ticket, onPlaced }: { ticket: Ticket; onPlaced: (next: TicketView) => void }) {
  const [estates, setEstates] = useState<EstateItem[] | null>(null);
  const [query, setQuery] = useState('');
  const [estateId, setEstateId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([loadEstates(), loadMe()]).then(([all, me]) => live && setEstates(estatesInScope(all, me?.grants ?? null)));
    return () => {
      live = false;
    };
  }, []);

  const candidates = estates ? placeCandidates(ticket, estates) : [];
  const q = query.trim();
  const shown = (q ? candidates.filter((e) => e.name.includes(q) || e.address.includes(q)) : candidates).slice(0, SHOWN);
  const choices = shown.map((e) => ({
    key: e.id,
    label: e.name,
    hint: [unitName(e.townshipId), e.distance !== null ? `距上报位置 ${formatMeters(e.distance)}` : null].filter(Boolean).join(' · '),
  }));

  async function submit() {
    if (!estateId) {
      setError('请选择要关联的小区');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onPlaced(await callTicket<TicketView>('placeEstate', { ticketId: ticket.id, version: ticket.version, estateId }));
    } catch (err) {
      setError(friendlyError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='action-form'>
      <Text className='staff-muted'>该工单上报位置附近没有登记的小区，请关联到所在小区，由该小区网格员接办。</Text>
      {candidates.length > SHOWN ? (
        <Field label='按名称查找'>
          <TextInput value={query} onChange={setQuery} placeholder='小区名称或地址' />
        </Field>
      ) : null}
      <Field label='关联到小区' required>
        {estates === null ? <Text className='staff-muted'>加载中…</Text> : null}
        {estates !== null && !choices.length ? <Text className='staff-muted'>本辖区没有可选的小区</Text> : null}
        <ChoiceList choices={choices} selected={estateId ? [estateId] : []} onToggle={setEstateId} />
      </Field>
      <ErrorText error={error} />
      <Button type='primary' block loading={busy} onClick={() => void submit()}>
        确认关联小区
      </Button>
    </View>
  );
}
