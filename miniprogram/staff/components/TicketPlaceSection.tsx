/**
 * 现场与联系 on the staff ticket page (issue 18 §4): the address, a map (weapp: the map component;
 * H5: a link to a web map) and tap-to-call for the numbers this viewer may call. The resident's
 * number appears only when the server sent it (the handling chain); units' published phones for all.
 */
import { Text, View } from '@tarojs/components';
import type { Ticket } from '../../../shared/domain/ticket';
import { PhoneLink } from '../../components/PhoneLink';
import { callEntries, ticketPlace, type UnitContactView } from '../lib/place';
import type { EstateItem } from '../lib/types';
import { Section } from './Field';
import { PlaceMap } from './PlaceMap';

export function TicketPlaceSection({
  ticket,
  estate,
  contacts,
  ownUnits,
}: {
  ticket: Ticket;
  estate: EstateItem | null;
  contacts: readonly UnitContactView[];
  ownUnits: readonly string[];
}) {
  const place = ticketPlace(ticket, estate);
  const calls = callEntries(ticket, contacts, ownUnits);
  return (
    <Section title='现场与联系'>
      <Text className='detail__line'>地址：{place.address ? `${place.name}，${place.address}` : place.name}</Text>
      {place.point ? (
        <View>
          <Text className='staff-muted'>{place.fromReport ? '居民上报时的位置' : '小区位置（上报未带现场定位）'}</Text>
          <PlaceMap point={place.point} name={place.name} address={place.address} />
        </View>
      ) : null}
      {calls.map((c) => (
        <View key={c.key} className='row row--between place-call'>
          <Text className='detail__line'>{c.label}</Text>
          <PhoneLink phone={c.phone}>拨打 {c.phone}</PhoneLink>
        </View>
      ))}
    </Section>
  );
}
