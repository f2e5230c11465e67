/** Display text for times, deadlines and figures (Asia/Shanghai, Simplified Chinese). */
import type { Deadline, SlaStep } from '../../../shared/domain/ticket';
import { shanghaiDateTime } from '../../../shared/sla/calendar';

/** What each SLA step asks for, as staff read it next to a countdown. */
export const STEP_LABELS: Record<SlaStep, string> = {
  triage: '受理',
  ack: '报到',
  arrive: '到场',
  resolve: '办结',
  confirm: '居民确认',
};

/** 'YYYY-MM-DD HH:mm' Beijing time; '—' for a missing or unreadable instant. */
export function formatTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  try {
    return shanghaiDateTime(instant);
  } catch {
    return '—';
  }
}

/**
 * 95 → '1小时35分钟', 45 → '45分钟', 120 → '2小时'; from two days on, days and hours (4380 →
 * '3天1小时'): '345小时' is not something an officer reads at a glance. Minutes are rounded.
 */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours >= 48) {
    const days = Math.floor(hours / 24);
    const h = hours % 24;
    return h === 0 ? `${days}天` : `${days}天${h}小时`;
  }
  if (hours === 0) return `${rest}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}

/** A rate in [0, 1] as a percentage with one decimal; '—' when there is no denominator (null). */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** The open deadline staff must meet next (the resident's confirm window is not a staff duty). */
export function nearestOpenDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let nearest: Deadline | undefined;
  for (const d of deadlines) {
    if (d.metAt !== undefined || d.step === 'confirm') continue;
    if (!nearest || Date.parse(d.due) < Date.parse(nearest.due)) nearest = d;
  }
  return nearest;
}

export interface Countdown {
  text: string;
  overdue: boolean;
  /** Less than two hours left (the home screen's "due soon"). */
  soon: boolean;
}

const SOON_MS = 2 * 60 * 60 * 1000;

/** '报到剩余 1小时20分钟' or '办结已超时 2小时'; a deadline the sweep marked overdue stays overdue. */
export function countdown(deadline: Deadline, nowMs: number): Countdown {
  const dueMs = Date.parse(deadline.due);
  const left = dueMs - nowMs;
  const step = STEP_LABELS[deadline.step];
  if (left < 0 || deadline.overdueAt !== undefined) {
    return { text: `${step}已超时 ${formatMinutes(Math.max(0, -left) / 60_000)}`, overdue: true, soon: false };
  }
  return { text: `${step}剩余 ${formatMinutes(left / 60_000)}`, overdue: false, soon: left <= SOON_MS };
}

/** A whole number of metres for the check-in line. */
export function formatMeters(meters: number): string {
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} 公里` : `${Math.round(meters)} 米`;
}
