/**
 * The resident's backend actions (cloudfunctions/_app/functions/report.ts), typed. The answers are
 * described here from the use cases (usecases/report.ts, support.ts viewFor), because miniprogram/ may
 * import shared/ but not cloudfunctions/ (dependency rule); the inputs are the shared zod schemas.
 */
import type { z } from 'zod';
import type { ReportInputs } from '../../shared/actions/report';
import type { PropertyInfo } from '../../shared/domain/directory';
import type { Deadline, GeoPoint, Holder, Priority, Ticket, TicketEvent, TicketState, UnitRef } from '../../shared/domain/ticket';
import type { LifecycleAction } from '../../shared/lifecycle/actions';
import type { ClosedPublicView, PublicTicketView } from '../../shared/permissions/privacy';
import type { HOTLINE_12345, NoticeboardDuty, NoticeboardUnit } from '../../shared/routing/noticeboard';
import type { CategoryCode } from '../../shared/taxonomy/categories';
import { callFunction } from '../api';

type In<K extends keyof typeof ReportInputs> = z.input<(typeof ReportInputs)[K]>;

/** A ticket as the resident may see it, its timeline, and the lifecycle actions open to them now. */
export interface TicketView {
  ticket: Ticket;
  events: TicketEvent[];
  actions: LifecycleAction[];
}

export interface SubmitAnswer extends TicketView {
  /** false when the idempotency key matched an earlier submission (a retry). */
  created: boolean;
}

/** One row of "my tickets" (no reporter data). */
export interface TicketSummary {
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
  escalation: 0 | 1 | 2;
  lead: UnitRef[];
  assignedUnits: string[];
  holder: Holder;
  meToo: number;
  overdue: boolean;
  /** The description's first line (cut to 60 characters). */
  descriptionLine: string;
  /** The first photo's file id, for the row's thumbnail. */
  photo: string | null;
  /** Names of the units the ticket is assigned to (已派单给X). */
  assignedUnitNames: string[];
}

export interface EstateInfo {
  id: string;
  name: string;
  jurisdiction: string;
  address: string;
  location: GeoPoint;
  sceneCode: string;
  townshipId: string;
}

export interface EstateListItem extends EstateInfo {
  distanceMeters: number | null;
}

export interface NearbyTicket extends PublicTicketView {
  id: string;
  no: string;
}

/** The share card: a closed ticket's adds its description (with the reporter's consent), the fix and the after-photos. */
export interface PublicTicket extends PublicTicketView, ClosedPublicView {
  id: string;
  no: string;
  categoryLabel: string;
}

export interface NoticeboardUnitView extends NoticeboardUnit {
  leadLabels: string[];
  phone: string | null;
  contactPerson: string | null;
  /** The list rows the unit leads here: its 职责 (issue 20 §5). */
  duties: NoticeboardDuty[];
  complaintPhone: string | null;
}

/** One of the 六公开/五公开 fields, null until published. */
export interface DisclosureView {
  key: string;
  label: string;
  text: string | null;
  updatedAt: string | null;
}

export interface Noticeboard {
  estate: EstateInfo;
  units: NoticeboardUnitView[];
  property: PropertyInfo | null;
  hotline: typeof HOTLINE_12345;
  disclosure: DisclosureView[];
}

export interface MeTooAnswer {
  ticketId: string;
  added: boolean;
  meToo: number;
}

export const residentApi = {
  submit: (input: In<'submit'>) => callFunction<SubmitAnswer>('report', 'submit', input),
  listMine: (input: In<'listMine'>) => callFunction<{ items: TicketSummary[]; next: string | null }>('report', 'listMine', input),
  detail: (input: In<'detail'>) => callFunction<TicketView>('report', 'detail', input),
  confirm: (input: In<'confirm'>) => callFunction<TicketView>('report', 'confirm', input),
  reopen: (input: In<'reopen'>) => callFunction<TicketView>('report', 'reopen', input),
  appeal: (input: In<'appeal'>) => callFunction<TicketView>('report', 'appeal', input),
  rate: (input: In<'rate'>) => callFunction<TicketView>('report', 'rate', input),
  meToo: (input: In<'meToo'>) => callFunction<MeTooAnswer>('report', 'meToo', input),
  nearby: (input: In<'nearby'>) => callFunction<{ items: NearbyTicket[] }>('report', 'nearby', input),
  estateByScene: (input: In<'estateByScene'>) => callFunction<EstateInfo>('report', 'estateByScene', input),
  estates: (input: In<'estates'>) => callFunction<{ items: EstateListItem[]; next: string | null }>('report', 'estates', input),
  noticeboard: (input: In<'noticeboard'>) => callFunction<Noticeboard>('report', 'noticeboard', input),
  publicView: (input: In<'publicView'>) => callFunction<PublicTicket>('report', 'publicView', input),
};
