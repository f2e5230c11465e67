/** Answers of the `ticket` function as the staff screens read them (cloudfunctions/_app/usecases/staff.ts, stats.ts). */
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Deadline, Holder, Priority, Ticket, TicketEvent, TicketState, UnitRef } from '../../../shared/domain/ticket';
import type { LifecycleAction } from '../../../shared/lifecycle';
import type { MetricDefinition, MetricKey, MetricsRow } from '../../../shared/metrics/definitions';
import type { CategoryCode } from '../../../shared/taxonomy/categories';

/** A ticket as the user may see it, its timeline, and the lifecycle actions the user may take now. */
export interface TicketView {
  ticket: Ticket;
  events: TicketEvent[];
  actions: LifecycleAction[];
}

/** One row of `ticket.queue` (the `summary` of a ticket). */
export interface QueueItem {
  id: string;
  no: string;
  version: number;
  category: CategoryCode;
  categoryLabel: string;
  state: TicketState;
  priority: Priority;
  estateId: string | null;
  createdAt: string;
  updatedAt: string;
  deadlines: Deadline[];
  escalation: number;
  lead: UnitRef[];
  assignedUnits: string[];
  holder: Holder;
  meToo: number;
  overdue: boolean;
}

export interface QueueAnswer {
  items: QueueItem[];
  total: number;
}

export const QUEUE_VIEWS = ['grid', 'street-returned', 'street-overdue', 'street-extensions', 'unit', 'police-desk', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface HomeAnswer {
  user: { id: string; name: string | null; roles: string[] };
  counts: { new: number; dueSoon: number; overdue: number; open: number; unread: number };
  unread: OutboxMessage[];
}

export interface MetricsAnswer {
  rows: MetricsRow[];
  definitions: Record<MetricKey, MetricDefinition>;
  tickets: number;
}
