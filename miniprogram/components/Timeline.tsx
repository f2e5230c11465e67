/**
 * The resident's ticket timeline: every event, oldest first — what was done (in the resident's words,
 * RESIDENT_ACTION_LABELS of shared/lifecycle/resident-status), by which role
 * (ROLE_LABELS) and unit, when (Beijing time), with its note and photos.
 */
import { Text, View } from '@tarojs/components';
import type { TicketEvent } from '../../shared/domain/ticket';
import { ROLE_LABELS, type Role } from '../../shared/domain/roles';
import { isLifecycleAction } from '../../shared/lifecycle/actions';
import { RESIDENT_ACTION_LABELS } from '../../shared/lifecycle/resident-status';
import { shanghaiDateTime } from '../../shared/sla/calendar';
import { PhotoStrip } from './PhotoStrip';
import './components.css';

export function actionLabel(action: string): string {
  if (isLifecycleAction(action)) return RESIDENT_ACTION_LABELS[action];
  return action === 'me-too' ? '附议' : '处理';
}

export function roleLabel(role: Role | 'system'): string {
  return role === 'system' ? '系统' : ROLE_LABELS[role];
}

/** '网格员 · 县住建局 · 王芳': role, the unit's name when the event names one, the person when shown. */
export function whoOf(event: TicketEvent, unitNames: ReadonlyMap<string, string>): string {
  const parts = [roleLabel(event.actor.role)];
  if (event.actor.unitId) parts.push(unitNames.get(event.actor.unitId) ?? event.actor.unitId);
  if (event.actor.name) parts.push(event.actor.name);
  return parts.join(' · ');
}

export function Timeline({ events, unitNames }: { events: readonly TicketEvent[]; unitNames: ReadonlyMap<string, string> }) {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <View className='timeline'>
      {ordered.map((event, index) => (
        <View
          key={event.id}
          className={[
            'timeline__item',
            index === ordered.length - 1 ? 'timeline__item--latest timeline__item--last' : '',
          ].join(' ')}
          data-action={event.action}
        >
          <View className='timeline__dot' />
          <Text className='timeline__head'>{actionLabel(event.action)}</Text>
          <Text className='timeline__who'>{whoOf(event, unitNames)}</Text>
          <Text className='timeline__time'>{shanghaiDateTime(event.at)}</Text>
          {event.note ? <Text className='timeline__note'>{event.note}</Text> : null}
          {event.photos?.length ? <PhotoStrip ids={event.photos} /> : null}
        </View>
      ))}
    </View>
  );
}
