/**
 * SLA policy (DESIGN.md §6): how long each step may take, per priority. Jurisdictions override
 * parts of DEFAULT_SLA_POLICY through resolveSlaPolicy.
 */
import { z } from 'zod';
import { addNaturalMinutes, addWorkingDays, type Instant } from './calendar';

/**
 * A span of time. minutes/hours/days are natural time (7×24, a day is 24 hours); workingDays
 * follow the statutory calendar (see addWorkingDays for the counting rule).
 */
export const SpanSchema = z
  .object({
    unit: z.enum(['minutes', 'hours', 'days', 'workingDays']),
    // The cap keeps a typo from turning a working-day count into a years-long loop.
    amount: z.number().int().positive().max(10_000),
  })
  .strict();
export type Span = z.infer<typeof SpanSchema>;

/** One priority's deadlines; null means the step has no deadline at that priority. */
export const PrioritySlaSchema = z
  .object({
    triage: SpanSchema.nullable(),
    ack: SpanSchema.nullable(),
    arrive: SpanSchema.nullable(),
    resolve: SpanSchema.nullable(),
    /** How long an open step may stay overdue before escalating from the street to the leadership office. */
    escalateAfter: SpanSchema,
  })
  .strict();
export type PrioritySla = z.infer<typeof PrioritySlaSchema>;

export const SlaPolicySchema = z
  .object({
    urgent: PrioritySlaSchema,
    normal: PrioritySlaSchema,
    /** The longest extension (延期) beyond the current resolve deadline. */
    extensionMax: SpanSchema,
    /** The resident's window to confirm after resolve/verify; then the ticket closes by itself. */
    confirmWindow: SpanSchema,
    /** The window to reopen ("not fixed") after resolve/close. */
    reopenWindow: SpanSchema,
  })
  .strict();
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

const minutes = (amount: number): Span => ({ unit: 'minutes', amount });
const hours = (amount: number): Span => ({ unit: 'hours', amount });
const days = (amount: number): Span => ({ unit: 'days', amount });
const workingDays = (amount: number): Span => ({ unit: 'workingDays', amount });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The defaults of DESIGN.md §6 (Beijing 12345, the Pinggu 30-minute rule). Urgent categories run
 * on natural time: triage 30 min, 报到 30 min, on site 2 h, resolve 24 h. Others: triage 2 h,
 * 报到 2 h (7×24), no on-site deadline, resolve 5 working days. Extension up to 15 working days;
 * resident confirm and reopen windows 7 natural days.
 * Escalation (not in the documents, chosen here): a missed step goes to the street at once and to
 * the leadership office when it is still open 2 h (urgent) or 1 working day (normal) after its due.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = deepFreeze({
  urgent: { triage: minutes(30), ack: minutes(30), arrive: hours(2), resolve: hours(24), escalateAfter: hours(2) },
  normal: { triage: hours(2), ack: hours(2), arrive: null, resolve: workingDays(5), escalateAfter: workingDays(1) },
  extensionMax: workingDays(15),
  confirmWindow: days(7),
  reopenWindow: days(7),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * DEFAULT_SLA_POLICY with a partial override laid over it, validated. Top-level keys replace the
 * default; `urgent`/`normal` merge per step; a span is replaced whole (never merged field by field),
 * and null switches a step's deadline off. Unknown keys are errors (they are usually typos).
 * Throws an Error naming each bad field, e.g. "invalid SLA policy: urgent.triage.amount: …".
 */
export function resolveSlaPolicy(override?: unknown): SlaPolicy {
  if (override !== undefined && override !== null && !isPlainObject(override)) {
    throw new Error('invalid SLA policy: the override must be an object');
  }
  const overrides = Object.entries(override ?? {}).map(([key, value]): [string, unknown] => {
    const base = key === 'urgent' || key === 'normal' ? DEFAULT_SLA_POLICY[key] : undefined;
    return [key, base && isPlainObject(value) ? { ...base, ...value } : value];
  });
  // fromEntries defines own properties, so even a '__proto__' key reaches the strict schema as a key.
  const merged = Object.fromEntries([...Object.entries(DEFAULT_SLA_POLICY), ...overrides]);
  const parsed = SlaPolicySchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid SLA policy: ${detail}`);
  }
  return parsed.data;
}

/** The instant plus a span, as a UTC ISO string. */
export function addSpan(instant: Instant, span: Span): string {
  switch (span.unit) {
    case 'minutes':
      return addNaturalMinutes(instant, span.amount);
    case 'hours':
      return addNaturalMinutes(instant, span.amount * 60);
    case 'days':
      return addNaturalMinutes(instant, span.amount * 24 * 60);
    case 'workingDays':
      return addWorkingDays(instant, span.amount);
  }
}

const UNIT_LABELS: Record<Span['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  days: '天',
  workingDays: '个工作日',
};

/** A span in Chinese, e.g. '15 个工作日', '30 分钟'. */
export function describeSpan(span: Span): string {
  return `${span.amount} ${UNIT_LABELS[span.unit]}`;
}
