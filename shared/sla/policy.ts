/**
 * SLA policy (DESIGN.md §6): how long each step may take, per priority, per category where the
 * documents or practice need it, and the jurisdiction's work calendar (regional holidays).
 * Jurisdictions override parts of DEFAULT_SLA_POLICY through resolveSlaPolicy.
 */
import { z } from 'zod';
import { CATEGORY_CODES, type CategoryCode } from '../taxonomy/categories';
import { addNaturalMinutes, addWorkingDays, type Instant } from './calendar';
import { seedCalendars } from './regional-holidays';
import { regionalDaysOf, WorkCalendarsSchema, type WorkCalendars } from './work-calendar';

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

/**
 * A category's own deadlines, laid over its priority's: only the steps it names change. `basis`
 * says why, quoting the documents, or says plainly that they are silent on the time.
 */
export const CategorySlaSchema = PrioritySlaSchema.partial()
  .extend({ basis: z.string().trim().min(2).max(1000) })
  .strict();
export type CategorySla = z.infer<typeof CategorySlaSchema>;

export const SlaPolicySchema = z
  .object({
    urgent: PrioritySlaSchema,
    normal: PrioritySlaSchema,
    /** Per-category deadlines (illegal building, fee coercion …) over the priority's. */
    categories: z.record(z.enum(CATEGORY_CODES), CategorySlaSchema).optional(),
    /** The jurisdiction's regional days off and make-up days per year (work-calendar.ts). */
    calendars: WorkCalendarsSchema.optional(),
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
  categories: {
    'illegal-building': {
      resolve: workingDays(20),
      basis:
        '违法建设须先认定、后查处：奇台县方案写明自然资源局“负责违法建设的认定，协助相关部门、奇台镇对违法建设进行查处”，住房和城乡建设局“参与对县城规划区内违法建设的认定和强制拆除”；吴忠市意见附件1（乡（镇）人民政府、街道办事处管理职责第12条）要求“依法查处住宅小区内私搭乱建”。文件未规定认定或查处的天数：20 个工作日（默认 5 个工作日之外留出认定的 15 个工作日）为本系统的取值，管理员可按当地规定修改。',
    },
    'fee-coercion': {
      resolve: hours(24),
      escalateAfter: hours(2),
      basis:
        '银川市“九不准”第九条：“不准”利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费；银川市“123”专项行动（序号3）要求对此“加大查处力度”。住户被停水、停电或停卡时不能等 5 个工作日。文件未规定时限：24 小时（自然时间）内恢复、超时 2 小时升级至领导小组办公室为本系统的取值，管理员可修改。',
    },
  },
  extensionMax: workingDays(15),
  confirmWindow: days(7),
  reopenWindow: days(7),
});

/** The deadlines of a priority, with the category's own steps laid over them. */
export function slaFor(policy: SlaPolicy, priority: 'urgent' | 'normal', category?: CategoryCode): PrioritySla {
  const own = category ? policy.categories?.[category] : undefined;
  if (!own) return policy[priority];
  const { basis: _basis, ...steps } = own;
  return { ...policy[priority], ...steps };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * DEFAULT_SLA_POLICY with a partial override laid over it, validated. Top-level keys replace the
 * default; `urgent`/`normal` merge per step, `categories` per category and `calendars` per year;
 * a span is replaced whole (never merged field by field), and null switches a step's deadline off.
 * Unknown keys are errors (they are usually typos). With a jurisdiction, the shipped calendar of
 * its region (regional-holidays.json) is the default of `calendars`.
 * Throws an Error naming each bad field, e.g. "invalid SLA policy: urgent.triage.amount: …".
 */
export function resolveSlaPolicy(override?: unknown, jurisdiction?: string): SlaPolicy {
  if (override !== undefined && override !== null && !isPlainObject(override)) {
    throw new Error('invalid SLA policy: the override must be an object');
  }
  // The region's shipped calendar; a year the jurisdiction's admin has set replaces it whole.
  const seed: WorkCalendars = jurisdiction ? seedCalendars(jurisdiction) : {};
  const defaults: Record<string, unknown> = { ...DEFAULT_SLA_POLICY, ...(Object.keys(seed).length ? { calendars: seed } : {}) };
  const overrides = Object.entries(override ?? {}).map(([key, value]): [string, unknown] => {
    const base = key === 'urgent' || key === 'normal' || key === 'categories' || key === 'calendars' ? defaults[key] : undefined;
    return [key, isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value];
  });
  // fromEntries defines own properties, so even a '__proto__' key reaches the strict schema as a key.
  const merged = Object.fromEntries([...Object.entries(defaults), ...overrides]);
  const parsed = SlaPolicySchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid SLA policy: ${detail}`);
  }
  return parsed.data;
}

/**
 * The instant plus a span, as a UTC ISO string. Working days count on the national calendar plus
 * the policy's regional calendar (pass the policy whenever there is one).
 */
export function addSpan(instant: Instant, span: Span, policy?: Pick<SlaPolicy, 'calendars'>): string {
  switch (span.unit) {
    case 'minutes':
      return addNaturalMinutes(instant, span.amount);
    case 'hours':
      return addNaturalMinutes(instant, span.amount * 60);
    case 'days':
      return addNaturalMinutes(instant, span.amount * 24 * 60);
    case 'workingDays':
      return addWorkingDays(instant, span.amount, regionalDaysOf(policy?.calendars));
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
