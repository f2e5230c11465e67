import type { CategoryCode } from '../taxonomy/categories';
import type { Role } from './roles';

/** Ticket states of DESIGN.md §6. */
export const TICKET_STATES = [
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'handling',
  'whistled',
  'acknowledged',
  'on_site',
  'resolved',
  'verified',
  'closed',
  'reopened',
  'returned',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const STATE_LABELS: Record<TicketState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '已驳回',
  merged: '已合并',
  handling: '网格处置中',
  whistled: '已吹哨',
  acknowledged: '已报到',
  on_site: '已到场',
  resolved: '已办结',
  verified: '已核验',
  closed: '已关闭',
  reopened: '已重办',
  returned: '已退单',
};

export type Priority = 'urgent' | 'normal';

/** The SLA steps that carry a deadline. */
export const SLA_STEPS = ['triage', 'ack', 'arrive', 'resolve', 'confirm'] as const;
export type SlaStep = (typeof SLA_STEPS)[number];

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface Basis {
  source: string;
  item: string;
  text: string;
}

/** The responsibility list row a route came from, and the list version (issue 19: a later version never rewrites it). */
export interface RouteListRef {
  listId: string;
  versionId: string;
  rowId: string;
}

/** The routing decision frozen on the ticket at submission (and replaced by a re-route). */
export interface TicketRoute {
  lead: UnitRef[];
  responsible: UnitRef[];
  basis: Basis[];
  /** Absent on tickets routed before lists had versions, and on a re-route to hand-picked units. */
  list?: RouteListRef;
}

export interface Deadline {
  step: SlaStep;
  /** ISO-8601 instant. */
  due: string;
  /** Set once by the sweep when the step was missed; frozen. */
  overdueAt?: string;
  /** Set when the step was done. */
  metAt?: string;
}

/** Who holds the ticket now: the people who must act next. */
export interface Holder {
  kind: 'grid' | 'street' | 'units' | 'leadership' | 'resident' | 'none';
  /** Unit ids for 'units'/'street'; grid id for 'grid'. */
  ids: string[];
}

export interface Reporter {
  userId: string;
  openid?: string;
  phone?: string;
  /** "Hide my name from handlers". */
  anonymous: boolean;
}

export interface Rating {
  fixed: boolean;
  /** 1–5: 5 满意, 4 基本满意, 3 一般, 2 不满意, 1 很不满意. */
  score: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  at: string;
}

/**
 * The last words one side addressed to the other (shared/lifecycle/latest-reply.ts), kept on the
 * ticket by the transition that carries them so a queue row shows it without reading the timeline
 * (issue 18). Who replied by role and unit only: never a user id or openid.
 */
export interface LastReply {
  /** The event's action: reply, resolve, settle, reopen, appeal, rate. */
  action: string;
  side: 'staff' | 'resident';
  label: string;
  role: Role | 'system';
  unitId?: string;
  unitName?: string;
  /** The first line of the text, capped. */
  text: string;
  at: string;
  /** The event's seq, so a reader can tell it is current. */
  seq: number;
}

export interface Ticket {
  id: string;
  /** Human ticket number, e.g. YN-20261123-0007. */
  no: string;
  version: number;
  jurisdiction: string;
  estateId: string | null;
  /** Street/township unit id of the estate (属地). */
  streetId: string | null;
  gridId: string | null;
  /** The estate's property company (for the property-company rule). */
  propertyCompanyId: string | null;
  category: CategoryCode;
  priority: Priority;
  state: TicketState;
  description: string;
  photos: string[];
  afterPhotos: string[];
  location: GeoPoint | null;
  reporter: Reporter;
  route: TicketRoute;
  /** Units the ticket was whistled to (lead units unless edited). */
  assignedUnits: string[];
  /** Units that reported in (报到). */
  acknowledgedUnits: string[];
  /** The unit that resolved it last (a reopen goes back there). */
  resolvedBy: string | null;
  holder: Holder;
  deadlines: Deadline[];
  /** Extension requested and awaiting the street's decision. */
  pendingExtension: { unitId: string; until: string; reason: string; requestedAt: string } | null;
  mergedInto: string | null;
  meToo: number;
  rating: Rating | null;
  appealed: boolean;
  /** Escalation level reached: 0 none, 1 street, 2 leadership office. */
  escalation: 0 | 1 | 2;
  /** Shared into an owner group (openGId hash), for the police group desk. */
  sharedGroups: string[];
  claimedBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /**
   * The earliest instant at which the overdue sweep has something to do for this ticket (a deadline
   * to mark, an escalation, an auto-close); null when nothing is pending. Indexed, so the sweep's
   * cost grows with the tickets that are due, not with the table.
   */
  sweepAt?: string | null;
  /** The reporter allowed the photos, and once the ticket is closed the description, in the public view (share card). */
  photosPublic?: boolean;
  /** The latest reply (issue 18); absent until someone replies. Never on a public surface. */
  lastReply?: LastReply;
}

export interface EventActor {
  userId: string;
  role: Role | 'system';
  unitId?: string;
  name?: string;
}

/** One entry of the append-only history. The timeline is the event list. */
export interface TicketEvent {
  id: string;
  ticketId: string;
  /** 1-based position in the ticket's history. */
  seq: number;
  at: string;
  actor: EventActor;
  action: string;
  from: TicketState | null;
  to: TicketState;
  note?: string;
  photos?: string[];
  location?: GeoPoint;
  payload?: Record<string, unknown>;
}
