/**
 * A ticket's state as a coloured chip, in the resident's words (shared/lifecycle/resident-status):
 * 已提交 / 处理中 / 已派单给X / 已办结待您确认 / 已完成. Staff screens use their own chip with STATE_LABELS.
 */
import type { TicketState } from '../../shared/domain/ticket';
import { residentStatus } from '../../shared/lifecycle/resident-status';
import { Tag } from '../ui';

export function StateChip({ state, units = [] }: { state: TicketState; units?: readonly string[] }) {
  const status = residentStatus(state, units);
  return <Tag type={status.tone}>{status.label}</Tag>;
}
