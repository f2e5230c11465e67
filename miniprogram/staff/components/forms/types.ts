import type { TicketView } from '../../lib/types';
import type { TicketActionState } from '../useTicketAction';

export interface FormProps {
  view: TicketView;
  act: TicketActionState;
}
