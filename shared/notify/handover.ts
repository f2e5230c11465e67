/**
 * Who must act next after an event, and what they are told (issue 5 §5). Each hand-over becomes an
 * outbox message per recipient: an unread item on their home and, in production, a WeChat
 * subscribe message whose `thing` fields are at most 20 characters.
 */
import type { HandoverKind } from '../domain/outbox';
import type { Ticket, TicketEvent } from '../domain/ticket';
import { STATE_LABELS } from '../domain/ticket';
import { getCategory } from '../taxonomy/categories';

export type Audience = 'grid' | 'street' | 'units' | 'leadership' | 'resident';

export interface Handover {
  kind: HandoverKind;
  audience: Audience;
  /** Units for the 'units' audience. */
  unitIds?: string[];
  title: string;
  body: string;
}

/** WeChat `thing` values: at most 20 characters. */
export function thing(text: string): string {
  const chars = [...text];
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`;
}

export function handoversFor(ticket: Ticket, event: TicketEvent): Handover[] {
  const label = getCategory(ticket.category).label;
  const no = ticket.no;
  const toResident = (title: string): Handover => ({ kind: 'status', audience: 'resident', title, body: `${no} ${label}：${STATE_LABELS[ticket.state]}` });
  switch (event.action) {
    case 'submit':
    case 'appeal':
      return [{ kind: 'submitted', audience: 'grid', title: '新工单待受理', body: `${no} ${label}` }];
    case 'whistle':
    case 'reroute':
    case 'handover':
      return [
        { kind: 'whistled', audience: 'units', unitIds: ticket.assignedUnits, title: '吹哨：请及时报到', body: `${no} ${label}` },
        toResident('工单已派至职能部门'),
      ];
    case 'return':
      return [{ kind: 'returned', audience: 'street', title: '部门退单，待重新派单', body: `${no} ${label}：${event.note ?? ''}` }];
    case 'request-extension':
      return [{ kind: 'extension', audience: 'street', title: '延期申请待审批', body: `${no} ${label}` }];
    case 'approve-extension':
    case 'refuse-extension':
      return [{ kind: 'extension', audience: 'units', unitIds: ticket.assignedUnits, title: event.action === 'approve-extension' ? '延期已批准' : '延期未获批准', body: `${no} ${label}` }];
    case 'escalate': {
      const level = event.payload?.level === 2 ? 2 : 1;
      const up: Handover = { kind: 'escalated', audience: level === 2 ? 'leadership' : 'street', title: level === 2 ? '超时工单已升级至领导小组办公室' : '超时工单已升级至街道', body: `${no} ${label}` };
      // The sweep's escalation also 督办s the route's coordinating leads (shared/sla/sweep.ts); only the system names them.
      const leads = event.actor.role === 'system' && Array.isArray(event.payload?.units) ? event.payload.units.filter((u): u is string => typeof u === 'string') : [];
      return leads.length ? [up, { kind: 'supervised', audience: 'units', unitIds: leads, title: '督办：承办单位已超时', body: `${no} ${label}：请督促办理` }] : [up];
    }
    case 'mark-overdue': {
      // A unit that missed its own 报到 deadline is 督办'd on its own (the sweep marks each unit).
      const units = Array.isArray(event.payload?.units) ? event.payload.units.filter((u): u is string => typeof u === 'string') : [];
      return units.length ? [{ kind: 'supervised', audience: 'units', unitIds: units, title: '督办：已超过报到时限', body: `${no} ${label}：请立即报到` }] : [];
    }
    case 'supervise':
      return [{ kind: 'supervised', audience: 'units', unitIds: ticket.assignedUnits, title: '督办：请加快办理', body: `${no} ${label}：${event.note ?? ''}` }];
    case 'resolve':
      return [{ kind: 'resolved', audience: 'grid', title: '部门已办结，请核验', body: `${no} ${label}` }, toResident('问题已办结，请确认')];
    case 'settle':
    case 'verify':
      return [toResident('问题已处理，请确认')];
    case 'verify-fail':
    case 'reopen':
      return [
        ticket.holder.kind === 'units'
          ? { kind: 'returned', audience: 'units', unitIds: ticket.holder.ids, title: '整改未通过，请重新办理', body: `${no} ${label}` }
          : { kind: 'returned', audience: 'grid', title: '居民反映未解决，请重新处置', body: `${no} ${label}` },
      ];
    case 'claim': {
      // The police took it over from the owner-group desk: the estate's grid worker is told, so the
      // ticket does not just leave their 待受理 (issue 18 §4).
      const officer = typeof event.payload?.officerName === 'string' ? `（${event.payload.officerName}）` : '';
      return [{ kind: 'claimed', audience: 'grid', title: '民警已认领', body: `${no} ${label}：已由民警认领${officer}` }];
    }
    case 'accept':
    case 'reject':
    case 'merge':
    case 'acknowledge':
    case 'arrive':
    case 'auto-close':
      return [toResident(`工单${STATE_LABELS[ticket.state]}`)];
    default:
      return [];
  }
}
