/** Which queue each home card and entry opens, per role (the user may hold several). */
import { ROLE_LABELS, type Role } from '../../../shared/domain/roles';
import type { QueueView } from './types';

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

const has = (roles: readonly string[], ...wanted: Role[]) => wanted.some((r) => roles.includes(r));

/** The list a user works from: triage for field staff, the unit inbox for departments and police. */
export function primaryView(roles: readonly string[]): QueueView {
  if (has(roles, 'grid', 'street')) return 'grid';
  if (has(roles, 'department', 'police')) return 'unit';
  return 'all';
}

/** Home cards → queue views. New tickets are triaged by field staff; overdue ones are supervised. */
export function cardViews(roles: readonly string[]): { new: QueueView; dueSoon: QueueView; overdue: QueueView } {
  const main = primaryView(roles);
  return { new: has(roles, 'grid', 'street') ? 'grid' : main, dueSoon: main, overdue: 'street-overdue' };
}

export interface Entry {
  label: string;
  url: string;
}

export function entriesFor(roles: readonly string[], paths: { queue: (v: QueueView) => string; dashboard: string; desk: string; groups: string }): Entry[] {
  const out: Entry[] = [];
  if (has(roles, 'grid', 'street')) out.push({ label: '网格工单（受理、就地办结、吹哨、核验）', url: paths.queue('grid') });
  if (has(roles, 'street')) {
    out.push({ label: '退单待重新派单', url: paths.queue('street-returned') });
    out.push({ label: '延期申请审批', url: paths.queue('street-extensions') });
  }
  // Reports routed at jurisdiction level (no estate nearby) wait for the street to place them.
  if (has(roles, 'street', 'leadership')) out.push({ label: '待关联小区的工单', url: paths.queue('street-unplaced') });
  if (has(roles, 'street')) out.push({ label: '业主群绑定', url: paths.groups });
  if (has(roles, 'department', 'police')) out.push({ label: '本单位待办（报到、到场、办结）', url: paths.queue('unit') });
  if (has(roles, 'police')) {
    out.push({ label: '业主群警务台', url: paths.desk });
    if (!has(roles, 'street')) out.push({ label: '业主群', url: paths.groups });
  }
  if (has(roles, 'street', 'leadership')) out.push({ label: '超时工单督办', url: paths.queue('street-overdue') });
  if (has(roles, 'leadership', 'street', 'department', 'police')) out.push({ label: '统计与通报', url: paths.dashboard });
  if (has(roles, 'leadership')) out.push({ label: '全部工单', url: paths.queue('all') });
  // A property company works the tickets of the estates it serves (those about its own conduct never reach it).
  else if (has(roles, 'property')) out.push({ label: '服务小区的工单', url: paths.queue('all') });
  return out;
}
