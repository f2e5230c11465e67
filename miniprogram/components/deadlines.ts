/**
 * Deadlines as the resident reads them: which step, when (Beijing time), and how long is left. The
 * deadlines themselves are computed by the backend (shared/sla); this only formats them.
 */
import type { Deadline, SlaStep } from '../../shared/domain/ticket';
import { instantMs, shanghaiDateTime } from '../../shared/sla/calendar';

export const STEP_LABELS: Readonly<Record<SlaStep, string>> = {
  triage: '受理',
  ack: '部门报到',
  arrive: '到场处置',
  resolve: '办结',
  confirm: '居民确认',
};

/** The open step that is due first (not met), or null when nothing is running. */
export function runningDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let best: Deadline | null = null;
  for (const d of deadlines) {
    if (d.metAt !== undefined) continue;
    if (!best || instantMs(d.due) < instantMs(best.due)) best = d;
  }
  return best;
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`;
  return `${mins}分钟`;
}

/** '剩余 2小时15分钟' or '已超时 30分钟', against the device clock `nowMs`. */
export function countdownText(due: string, nowMs: number): string {
  const left = instantMs(due) - nowMs;
  return left >= 0 ? `剩余 ${span(left)}` : `已超时 ${span(-left)}`;
}

/** '受理时限 2026-11-23 10:30' (Beijing time), with 已完成/已超时 marks. */
export function deadlineLine(d: Deadline): string {
  const base = `${STEP_LABELS[d.step]}时限 ${shanghaiDateTime(d.due)}`;
  if (d.metAt !== undefined) return `${base}（已完成）`;
  if (d.overdueAt !== undefined) return `${base}（已超时）`;
  return base;
}
