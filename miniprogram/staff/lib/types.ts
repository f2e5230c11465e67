/** Answers of the `ticket` function as the staff screens read them (cloudfunctions/_app/usecases/staff.ts, stats.ts). */
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { RoleGrant } from '../../../shared/domain/roles';
import type { Deadline, GeoPoint, Holder, LastReply, Priority, Ticket, TicketEvent, TicketState, UnitRef } from '../../../shared/domain/ticket';
import type { NineItem } from '../../../shared/domain/violation';
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
  /** A unit's request for more time, waiting for the street's decision. */
  pendingExtension?: { unitId: string; until: string; reason: string } | null;
  /** The description's first line (report.ts summary), shown on the grid queue's rows. */
  descriptionLine?: string;
  /** The latest reply (queue-row.ts); null when nobody has replied, absent from older backends. */
  lastReply?: LastReply | null;
}

export interface QueueAnswer {
  items: QueueItem[];
  total: number;
  /** The next page's cursor (absent from older backends and the police desk). */
  next?: string | null;
  /** The backend's read stopped at its safety cap: the total is at least this. */
  truncated?: boolean;
}

export const QUEUE_VIEWS = ['grid', 'street-returned', 'street-overdue', 'street-extensions', 'street-unplaced', 'unit', 'police-desk', 'all', 'new', 'due-soon', 'overdue'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface HomeAnswer {
  /** `grants` only if the backend sends them (the scope helpers then narrow estates and jurisdictions). */
  user: { id: string; name: string | null; roles: string[]; grants?: RoleGrant[] };
  counts: { new: number; dueSoon: number; overdue: number; open: number; unread: number };
  /** The queue view each counter opens (its count is that list's length); absent from older backends. */
  views?: { new: QueueView; dueSoon: QueueView; overdue: QueueView };
  /** A scope held more open tickets than the backend reads: the counters are at least these. */
  truncated?: boolean;
  unread: OutboxMessage[];
}

export interface MetricsAnswer {
  rows: MetricsRow[];
  definitions: Record<MetricKey, MetricDefinition>;
  tickets: number;
}

/** The signed-in staff member as the screens need it (lib/api.ts loadMe). */
export interface Me {
  id: string;
  name: string | null;
  roles: string[];
  /** Null when the backend does not say (then every estate and jurisdiction is offered). */
  grants: RoleGrant[] | null;
}

/** One estate of `report.estates` (its public fields). */
export interface EstateItem {
  id: string;
  name: string;
  jurisdiction: string;
  townshipId: string;
  address: string;
  location: GeoPoint;
}

/** The police desk's queue answer: the rows, plus the active owner groups of the officer's estates. */
export interface DeskAnswer extends QueueAnswer {
  groups?: Array<{ id: string; estateId: string; name: string }>;
}

/** A bound owner group (`ticket.groups`, `ticket.bindGroup`). */
export interface OwnerGroupView {
  id: string;
  estateId: string;
  name: string;
  active: boolean;
  boundAt: string;
  boundBy: string;
  unboundAt?: string;
}

/** A demo group of the local runtime (`ticket.demoGroups`). */
export interface DemoGroupView {
  demoGroupId: string;
  estateId: string;
  name: string;
  groupId: string;
  bound: boolean;
}

/** `ticket.resolveGroup`: the bound group the mini-program was opened from. */
export interface ResolvedGroup {
  id: string;
  estateId: string;
  estateName: string | null;
  name: string;
}

/** `ticket.bulletin` (weapp reads the XLSX's temporary URL; the local runtime sends base64 instead). */
export interface BulletinAnswer {
  filename: string;
  csvFilename: string;
  csv: string;
  xlsxUrl?: string;
  xlsxBase64?: string;
}

/** One company of `ticket.ledger` (the fields the dashboard reads). */
export interface LedgerCompany {
  companyId: string;
  companyName: string | null;
  year: number;
  /** Distinct items (what the ladder counts). */
  count: number;
  /** Confirmed breaches, an item twice counting twice. */
  breaches: number;
  items: Array<{ item: NineItem; entries: unknown[] }>;
}

export interface LedgerAnswer {
  year: number;
  companies: LedgerCompany[];
  counting?: string;
}
