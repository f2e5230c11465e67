/**
 * The metrics of DESIGN.md §6 (三率 plus 按时办结率 and ack/resolve times): row shape, keys and the
 * Chinese labels and definitions that dashboards show next to the figures.
 *
 * DESIGN.md §6, verbatim: "响应率 = whistled tickets acknowledged within the 报到 deadline / whistled
 * tickets whose deadline has passed or that were acknowledged; 解决率 = rated tickets the resident says
 * are fixed / rated tickets (a reopen counts as not fixed); 满意率 = rated 满意 or 基本满意 / rated
 * tickets; plus 按时办结率 and p50/p90 of ack and resolve times. All per department, street, category
 * and month."
 *
 * Precise reading (implemented in facts.ts and compute.ts; `now` is the instant of the report and
 * the inputs are taken as the state at `now`):
 *
 * - A ticket is *whistled* when it has a 'whistle' event. The units it was whistled to are those named
 *   by its 'whistle', 'reroute' and 'handover' events (payload.units; Ticket.assignedUnits when a
 *   payload names none). A unit's clock starts at the first such event naming it. A unit reports in
 *   (报到) by 'acknowledge' or, for a police unit, by 'claim' (actor.unitId).
 * - The deadline of a step is the last entry of Ticket.deadlines for that step (the one in force;
 *   an approved extension has moved its `due`). A step "is done on time" when done at or before
 *   `due`; a deadline "has passed" when `due` < `now` (at `due` itself it has not).
 * - 响应率 (responseRate) = ackOnTime / ackDenominator. ackDenominator = whistled tickets that were
 *   acknowledged or whose 报到 ('ack') deadline has passed; ackOnTime = those whose first
 *   report-in is at or before that deadline. Per department, each unit is judged on its own
 *   first report-in. Left out (neither numerator nor denominator): tickets with no
 *   'ack' deadline; a unit that never reported in but returned the ticket (退单, 'return' with its
 *   actor.unitId) at or before the deadline — returning a mis-routed ticket in time is a response,
 *   not a failure; at ticket level, a ticket never acknowledged whose every unit did so; tickets now
 *   rejected or merged that were never acknowledged.
 * - 解决率 (resolutionRate) = fixed / fixAnswered. fixAnswered = tickets the resident answered: rated
 *   (Ticket.rating, else the last valid 'rate' event) or reopened (any 'reopen' event).
 *   fixed = rated with `fixed: true` and never reopened: a reopen is a "not fixed" answer that a later
 *   rating does not erase.
 * - 满意率 (satisfactionRate) = satisfied / rated. rated = tickets with a rating (as above; the latest
 *   rating counts); satisfied = rating score ≥ 4 (5 满意, 4 基本满意).
 * - 按时办结率 (onTimeRate) = resolvedOnTime / resolveDenominator. A ticket is resolved at its first
 *   'resolve' or 'settle' event (a department's resolution or the grid worker's on-site close).
 *   resolveDenominator = tickets resolved or whose 'resolve' deadline has passed; resolvedOnTime =
 *   those resolved at or before it. Left out: tickets with no 'resolve' deadline; tickets now
 *   rejected or merged that were never resolved.
 * - Coordinating units (DESIGN.md §6: e.g. 县(市)区人民政府, by the kind the ticket's route gives them)
 *   carry no 报到 clock: they have no per-department 报到 fact (no 响应率, no ack time, no department
 *   row), their acknowledgement is not the ticket's report-in, and a ticket whistled to coordinating
 *   units only is left out of 响应率.
 * - Each rate is null when its denominator is 0.
 * - ackMinutes = minutes from the whistle to the first report-in (per department: from the first
 *   event naming the unit to that unit's first report-in; otherwise from the first 'whistle' to
 *   the first report-in of any unit). resolveMinutes = minutes from the 'submit' event (else
 *   Ticket.createdAt) to the first 'resolve'/'settle'. Negative spans (bad data) are dropped. p50 and
 *   p90 by the nearest-rank method (percentile.ts); null when there are no samples.
 * - overdueOpen = open tickets (state not closed, rejected or merged) with any deadline overdue at
 *   `now`: `overdueAt` set, or `due` < `now` without `metAt`. The 'confirm' step is left out: it is
 *   the resident's window, not a staff duty, and closes the ticket by itself (as in sla/overdue.ts).
 * - Attribution per department (DESIGN.md §6): 解决率, 满意率 and 按时办结率 (and resolveMinutes) count
 *   a ticket only in the rows of the units that took part in its resolution per the events: a unit
 *   with an 'acknowledge'/'claim' (报到), 'arrive' (到场) or 'resolve' (办结) event of its own, unless
 *   its last such step was followed by its own 'return' (退单) or police 'handover'. A co-lead that
 *   never reported in gets none of these figures from the ticket: it shows in 响应率 only, as 未报到
 *   once its deadline has passed, and the row lists those tickets (missedAck).
 * - Grouping: 'department' counts a ticket once for each handling unit it was whistled to or that
 *   claimed it (only such tickets appear), with that unit's own 报到 figures and, when the unit took
 *   part in the resolution, the ticket's other figures; 'street' by
 *   Ticket.streetId (NO_STREET_KEY when null); 'category' by category code; 'month' by the
 *   Asia/Shanghai month ('YYYY-MM') of Ticket.createdAt — a ticket stays in the month it was
 *   reported; 'all' gives one row keyed ALL_KEY, even for no tickets. Rows are sorted by key
 *   (code-unit order).
 * - Ranking (rank.ts): equal figures share a rank, standard competition ranking ("1, 1, 3"): a
 *   row's rank is one plus the number of rows with a strictly better figure; rows without the figure
 *   have no rank.
 */

export const GROUP_BYS = ['department', 'street', 'category', 'month', 'all'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Row key of tickets whose estate has no street/township unit. */
export const NO_STREET_KEY = '(无属地)';
/** Row key of the single row of `groupBy: 'all'`. */
export const ALL_KEY = 'all';

export const RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export interface MetricsCounts {
  /** Tickets in the row (per department: tickets whistled to that unit). */
  tickets: number;
  /** Of those, tickets that were whistled. */
  whistled: number;
  /** 响应率 denominator: whistled, and acknowledged or past the 报到 deadline. */
  ackDenominator: number;
  /** 响应率 numerator: first acknowledged at or before the 报到 deadline. */
  ackOnTime: number;
  /** 解决率 denominator: rated or reopened. */
  fixAnswered: number;
  /** 解决率 numerator: rated fixed and never reopened. */
  fixed: number;
  /** 满意率 denominator: tickets with a rating. */
  rated: number;
  /** 满意率 numerator: rating score ≥ 4. */
  satisfied: number;
  /** 按时办结率 denominator: resolved, or past the resolve deadline. */
  resolveDenominator: number;
  /** 按时办结率 numerator: first resolved at or before the resolve deadline. */
  resolvedOnTime: number;
  /** Open tickets with an overdue deadline at `now`. */
  overdueOpen: number;
}

export type MetricsRates = Record<RateKey, number | null>;

/** Nearest-rank percentiles of durations in minutes. */
export interface MinutesSummary {
  samples: number;
  p50: number | null;
  p90: number | null;
}

export interface MetricsRow {
  /** Unit id, street unit id (or NO_STREET_KEY), category code, 'YYYY-MM', or ALL_KEY. */
  key: string;
  counts: MetricsCounts;
  /** Each in [0, 1], or null when its denominator is 0. */
  rates: MetricsRates;
  ackMinutes: MinutesSummary;
  resolveMinutes: MinutesSummary;
  /**
   * Per department only: the tickets (numbers; ids for facts records written before numbers were
   * kept) on which the unit never reported in (报到) although its deadline has passed — its 未报到.
   */
  missedAck?: string[];
}

export type MetricKey = RateKey | 'ackMinutes' | 'resolveMinutes' | 'overdueOpen';

export interface MetricDefinition {
  /** UI label. */
  label: string;
  /** One sentence, shown next to the figure. */
  definition: string;
  /** How the figure is shown: a share, minutes, or a count. */
  kind: 'rate' | 'minutes' | 'count';
}

/** How rankings treat ties, shown under every ranking (dashboard and bulletin). */
export const RANKING_RULE = '排名规则：数值相同的并列同一名次，其后名次顺延（如 1、1、3）；无数据的不参加排名。';

export const METRIC_DEFINITIONS: Record<MetricKey, MetricDefinition> = {
  responseRate: {
    label: '响应率',
    definition:
      '已吹哨工单中在报到时限内报到的工单数，除以报到时限已过或已报到的已吹哨工单数；按部门统计时各被吹哨的承办单位分别计算：时限已过仍未报到的计为“未报到”并逐单列出，时限内退单的不计入；协调单位（如人民政府）不计报到时限。',
    kind: 'rate',
  },
  resolutionRate: {
    label: '解决率',
    definition:
      '居民评价“已解决”且从未申请重办的工单数，除以居民已评价或已申请重办的工单数（重办视为“未解决”）；按部门统计时只计入参与办理的单位（本单位有报到、到场或办结记录），未报到的单位不计。',
    kind: 'rate',
  },
  satisfactionRate: {
    label: '满意率',
    definition: '评价为“满意”或“基本满意”（4–5 分）的工单数，除以已评价的工单数；按部门统计时只计入参与办理的单位（本单位有报到、到场或办结记录）。',
    kind: 'rate',
  },
  onTimeRate: {
    label: '按时办结率',
    definition:
      '在办结时限（含批准延期）内办结或网格员就地办结的工单数，除以办结时限已过或已办结的工单数（已驳回、已合并的不计入）；按部门统计时只计入参与办理的单位（本单位有报到、到场或办结记录）。',
    kind: 'rate',
  },
  ackMinutes: {
    label: '报到用时',
    definition: '从吹哨到首次报到的分钟数（按部门统计时为该单位自己的报到用时），取中位数 P50 和 90 分位数 P90（最近秩法）。',
    kind: 'minutes',
  },
  resolveMinutes: {
    label: '办结用时',
    definition: '从居民提交到首次办结（部门办结或网格员就地办结）的分钟数，取中位数 P50 和 90 分位数 P90（最近秩法）；按部门统计时只计入参与办理的单位。',
    kind: 'minutes',
  },
  overdueOpen: {
    label: '超期未结',
    definition: '尚未关闭、驳回或合并，且有办理环节（不含居民确认）已超过时限的工单数。',
    kind: 'count',
  },
};
