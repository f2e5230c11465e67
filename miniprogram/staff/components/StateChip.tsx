import { Text } from '@tarojs/components';
import { STATE_LABELS, type TicketState } from '../../../shared/domain/ticket';

export function StateChip({ state }: { state: TicketState }) {
  return <Text className={`state-chip state-chip--${state}`}>{STATE_LABELS[state]}</Text>;
}
