/**
 * A ticket's state in the resident's words (issue 18): the resident does not need the staff steps
 * (已吹哨 / 已报到 / 已核验), only whether it is received, being handled, with which unit, and whether it
 * is their turn. Staff screens keep STATE_LABELS of shared/domain/ticket.
 */
import type { TicketState } from '../domain/ticket';
import type { LifecycleAction } from './actions';

export type ResidentTone = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export interface ResidentStatus {
  /** The chip text, e.g. 已派单给县住建局. */
  label: string;
  tone: ResidentTone;
  /** true when the ticket waits on the resident: confirm (or reopen) the fix. */
  yourTurn: boolean;
}

/** Unit names shown in 已派单给X before they are summed up (…等N个单位). */
const MAX_NAMED_UNITS = 2;

/** 县住建局 / 县住建局、县应急管理局 / 县住建局、县应急管理局等3个单位. */
export function unitsText(names: readonly string[]): string {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
  if (unique.length <= MAX_NAMED_UNITS) return unique.join('、');
  return `${unique.slice(0, MAX_NAMED_UNITS).join('、')}等${unique.length}个单位`;
}

/**
 * The resident's status of a ticket in `state`, given the names of the units it is assigned to
 * (empty when none is assigned or the names are unknown: the status then says 处理中).
 */
export function residentStatus(state: TicketState, assignedUnitNames: readonly string[] = []): ResidentStatus {
  switch (state) {
    case 'submitted':
    case 'accepted':
      return { label: '已提交', tone: 'primary', yourTurn: false };
    case 'handling':
    case 'reopened':
    case 'returned':
      return { label: '处理中', tone: 'primary', yourTurn: false };
    case 'whistled':
    case 'acknowledged':
    case 'on_site': {
      const units = unitsText(assignedUnitNames);
      return { label: units ? `已派单给${units}` : '处理中', tone: 'primary', yourTurn: false };
    }
    case 'resolved':
    case 'verified':
      return { label: '已办结待您确认', tone: 'warning', yourTurn: true };
    case 'closed':
      return { label: '已完成', tone: 'success', yourTurn: false };
    case 'rejected':
      return { label: '未受理', tone: 'default', yourTurn: false };
    case 'merged':
      return { label: '已合并', tone: 'default', yourTurn: false };
  }
}

/**
 * The names of the units a ticket is assigned to, from the unit references the resident can see
 * (route lead and responsible units), in the order of `assignedUnits`; unknown ids are skipped.
 */
export function assignedUnitNames(assignedUnits: readonly string[], refs: readonly { id: string; name: string }[]): string[] {
  const names = new Map(refs.map((u) => [u.id, u.name]));
  return assignedUnits.flatMap((id) => {
    const name = names.get(id);
    return name ? [name] : [];
  });
}

/**
 * The timeline's step names as the resident reads them on their ticket page; the staff steps (吹哨,
 * 报到, 核验, 退单, 认领…) say what happened in plain words. Staff timelines keep ACTION_LABELS.
 */
export const RESIDENT_ACTION_LABELS: Readonly<Record<LifecycleAction, string>> = {
  submit: '提交',
  accept: '已受理',
  reject: '不予受理',
  appeal: '申诉',
  merge: '与相同问题合并办理',
  handle: '网格员处理',
  settle: '网格员现场办结',
  whistle: '派单给承办单位',
  acknowledge: '承办单位接单',
  arrive: '到达现场',
  resolve: '办结',
  return: '承办单位退回，重新派单中',
  reroute: '重新派单',
  'request-extension': '申请延长办理时间',
  'approve-extension': '延长办理时间',
  'refuse-extension': '未同意延长办理时间',
  verify: '网格员复核通过',
  'verify-fail': '复核未通过，继续处理',
  confirm: '确认已解决',
  'auto-close': '到期自动完成',
  reopen: '申请重办',
  rate: '评价',
  supervise: '督办',
  escalate: '上级督办',
  'mark-overdue': '超时提醒',
  claim: '民警接单',
  reply: '回复',
  mediate: '调解',
  handover: '转交承办单位',
};
