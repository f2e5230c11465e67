/**
 * Before a duplicate: open tickets of the same category within 50 m (report.nearby). The resident
 * may add their voice to one (我也遇到了, report.meToo) or submit their own anyway.
 */
import { Text, View } from '@tarojs/components';
import { residentStatus } from '../../shared/lifecycle/resident-status';
import { shanghaiDateTime } from '../../shared/sla/calendar';
import { getCategory } from '../../shared/taxonomy/categories';
import { Button } from '../ui';
import { PhotoStrip } from './PhotoStrip';
import type { NearbyTicket } from './resident-api';
import './components.css';

export interface MeTooPromptProps {
  items: NearbyTicket[];
  /** Ticket id being seconded now. */
  busyId: string | null;
  onMeToo: (ticketId: string) => void;
  onSubmitAnyway: () => void;
  onBack: () => void;
}

export function MeTooPrompt({ items, busyId, onMeToo, onSubmitAnyway, onBack }: MeTooPromptProps) {
  return (
    <View className='card metoo'>
      <Text className='card__title'>附近已有相同问题</Text>
      <Text className='muted'>以下问题已在处理中。如果是同一件事，点“我也遇到了”即可，不必重复上报。</Text>
      <View className='gap' />
      {items.map((item) => (
        <View key={item.id} className='list-item metoo__item' data-ticket={item.id}>
          <Text className='list-item__title'>{getCategory(item.category).label}</Text>
          <Text className='list-item__meta'>
            {item.no} · {residentStatus(item.state).label} · {shanghaiDateTime(item.createdAt)} 上报 · {item.meToo}人附议
          </Text>
          <PhotoStrip ids={item.photos} />
          <View className='actions__item'>
            <Button type='primary' disabled={busyId !== null} onClick={() => onMeToo(item.id)}>
              {busyId === item.id ? '正在附议…' : '我也遇到了(附议)'}
            </Button>
          </View>
        </View>
      ))}
      <View className='actions__item'>
        <Button block disabled={busyId !== null} onClick={onSubmitAnyway}>
          不是同一件事，仍然提交
        </Button>
      </View>
      <View className='actions__item'>
        <Button block plain disabled={busyId !== null} onClick={onBack}>
          返回修改
        </Button>
      </View>
    </View>
  );
}
