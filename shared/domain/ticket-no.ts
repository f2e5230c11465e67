import { shanghaiDate } from '../sla/calendar';

const PREFIX: Record<string, string> = { yinchuan: 'YC', yongning: 'YN', wuzhong: 'WZ', qitai: 'QT' };

/** Counter name for a jurisdiction's tickets of one Shanghai day. */
export function ticketNoCounter(jurisdiction: string, at: string): string {
  return `ticket-no:${jurisdiction}:${shanghaiDate(at)}`;
}

/** Human ticket number: YN-20261123-0007 (jurisdiction, Shanghai date, daily sequence). */
export function formatTicketNo(jurisdiction: string, at: string, seq: number): string {
  const prefix = PREFIX[jurisdiction] ?? jurisdiction.slice(0, 2).toUpperCase();
  return `${prefix}-${shanghaiDate(at).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
}
