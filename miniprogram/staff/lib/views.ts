/** Queue views: their titles and the actions a list offers in place. */
import type { StaffAction } from './api';
import type { QueueView } from './types';

export const VIEW_TITLES: Record<QueueView, string> = {
  grid: '网格工单',
  unit: '本单位待办',
  'street-returned': '退单待重新派单',
  'street-extensions': '延期申请审批',
  'street-overdue': '超时工单督办',
  'street-unplaced': '待关联小区',
  'police-desk': '业主群警务台',
  all: '全部工单',
  new: '新工单（待受理、待报到）',
  'due-soon': '即将超时（2小时内）',
  overdue: '已超时（待办理、待督办）',
};

/** The actions a list is about, offered in place (the other lists open the ticket page). */
export const INLINE_ACTIONS: Partial<Record<QueueView, readonly StaffAction[]>> = {
  'street-returned': ['reroute'],
  'street-extensions': ['approve-extension', 'refuse-extension'],
  'street-overdue': ['supervise', 'escalate'],
};
