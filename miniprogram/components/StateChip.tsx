/** A ticket's state as a coloured chip (STATE_LABELS of shared/domain/ticket). */
import { STATE_LABELS, type TicketState } from '../../shared/domain/ticket';
import { Tag } from '../ui';

const TYPE: Record<TicketState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  submitted: 'primary',
  accepted: 'primary',
  rejected: 'default',
  merged: 'default',
  handling: 'primary',
  whistled: 'warning',
  acknowledged: 'primary',
  on_site: 'primary',
  resolved: 'success',
  verified: 'success',
  closed: 'default',
  reopened: 'warning',
  returned: 'warning',
};

export function StateChip({ state }: { state: TicketState }) {
  return <Tag type={TYPE[state]}>{STATE_LABELS[state]}</Tag>;
}
