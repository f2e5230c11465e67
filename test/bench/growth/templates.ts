/**
 * Ticket histories for the growth benchmark, made by the real lifecycle and SLA (the use cases'
 * `advance`: applyTransition + deadlines + sweepAt) with the overdue sweep simulated in between
 * (sweepPlan applied whenever sweepAt passes), so that deadlines, overdue marks, escalations,
 * auto-closes and sweepAt are what the app would have stored.
 *
 * `advance` costs tens of microseconds, too much for a million tickets × six events, so a few
 * thousand histories are built once (templates) and cloned: new ids, another reporter, and the
 * whole history shifted by whole weeks (weekday and time of day kept). A clone never ends after
 * NOW, and an open ticket is only shifted later, so its sweepAt stays after NOW: at NOW the sweep
 * has nothing pending except the tickets made due on purpose (dueTickets).
 */
import { advance } from '../../../cloudfunctions/_app/usecases/support';
import { sweepInputOf } from '../../../cloudfunctions/_app/usecases/sweep';
import { deptUserId } from '../../../local/demo';
import type { Estate } from '../../../shared/domain/directory';
import type { EventActor, Ticket, TicketEvent } from '../../../shared/domain/ticket';
import type { JurisdictionId } from '../../../shared/jurisdictions';
import type { LifecycleAction, TransitionInput } from '../../../shared/lifecycle';
import { newTicketDraft, type TicketDraft } from '../../../shared/lifecycle/draft';
import { factsRecord, type StepFact, type TicketFactsRecord } from '../../../shared/metrics/facts';
import { route } from '../../../shared/routing/route';
import { priorityOf } from '../../../shared/sla/deadlines';
import { resolveSlaPolicy, type SlaPolicy } from '../../../shared/sla/policy';
import { sweepPlan } from '../../../shared/sla/sweep';
import { getCategory, type CategoryCode } from '../../../shared/taxonomy/categories';
import { JURISDICTION_WEIGHTS, weighted, type World } from './world';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** What residents report most: parking and rubbish first, then e-bikes, lifts, noise, fire lanes. */
export const CATEGORY_WEIGHTS: Readonly<Partial<Record<CategoryCode, number>>> = {
  parking: 14,
  garbage: 13,
  'ebike-indoor': 7,
  elevator: 6,
  noise: 6,
  'fire-lane': 6,
  'fly-wire': 5,
  dog: 5,
  greenery: 4,
  'illegal-building': 4,
  dispute: 4,
  'fire-facility': 3,
  'common-property': 3,
  renovation: 3,
  'water-supply': 3,
  other: 3,
  flood: 2,
  'security-guard': 2,
  'public-order': 2,
  'fee-coercion': 1.5,
  'illegal-fee': 1.5,
  hazmat: 1,
  contract: 1,
  'service-exit': 0.5,
  'info-leak': 0.5,
};

const PLACES = ['3号楼北侧', '东门口', '地下车库入口', '5号楼2单元楼道', '小区中心花园', '南门消防通道旁', '7号楼电梯间', '西侧围墙边'];
const DETAILS = ['已经持续好几天了，多次反映没有人管。', '影响居民正常出行，希望尽快处理。', '存在安全隐患，老人孩子经过很危险。', '物业说不归他们管，请相关部门协调。'];

const SYSTEM: EventActor = { userId: 'system', role: 'system', name: '系统' };
const RESIDENT: EventActor = { userId: '@U@', role: 'resident' };

const iso = (ms: number): string => new Date(ms).toISOString();

/** A lifecycle walk with the sweep in between; stops at `until` (NOW) or at a planned stall. */
class Walk {
  ticket: Ticket | TicketDraft;
  readonly events: TicketEvent[] = [];
  stopped = false;
  failures = 0;
  private userSteps = 0;

  constructor(
    draft: TicketDraft,
    private readonly policy: SlaPolicy,
    private readonly until: number,
    /** The walk stalls (nobody acts any more) before this user step; Infinity for none. */
    private readonly stallAt: number,
    private readonly sweeps: boolean,
  ) {
    this.ticket = draft;
  }

  get t(): Ticket {
    return this.ticket as Ticket;
  }

  private apply(action: LifecycleAction, actor: EventActor, at: number, input?: TransitionInput): boolean {
    try {
      const seq = this.events.length + 1;
      const moved = advance(this.ticket, { action, actor, at: iso(at), ...(input ? { input } : {}) }, { eventId: `@E${seq}@`, seq }, this.policy);
      this.ticket = moved.ticket;
      this.events.push(moved.event);
      return true;
    } catch {
      this.failures += 1;
      return false;
    }
  }

  /** The overdue sweep at every sweepAt up to `until` (it runs every few minutes: at sweepAt, near enough). */
  sweepUntil(until: number): void {
    if (!this.sweeps || this.ticket.state === null) return;
    for (let guard = 0; guard < 12; guard += 1) {
      const due = this.t.sweepAt ? Date.parse(this.t.sweepAt) : Number.POSITIVE_INFINITY;
      if (due > until) return;
      const plan = sweepPlan(this.t, iso(due), this.policy);
      if (plan.length === 0) return;
      for (const step of plan) if (!this.apply(step.action, SYSTEM, due, sweepInputOf(step))) return;
    }
  }

  /** A user action at `at`, after the sweeps due before it; false once the walk has stopped. */
  step(action: LifecycleAction, actor: EventActor, at: number, input?: TransitionInput): boolean {
    if (this.stopped) return false;
    if (at > this.until || this.userSteps >= this.stallAt) {
      this.stopped = true;
      return false;
    }
    this.sweepUntil(at);
    this.userSteps += 1;
    return this.apply(action, actor, at, input);
  }

  finish(): void {
    this.sweepUntil(this.until);
  }
}

export interface Template {
  jurisdiction: string;
  estateId: string;
  gridId: string | null;
  streetId: string | null;
  category: string;
  state: string;
  version: number;
  meToo: number;
  createdMs: number;
  updatedMs: number;
  /** Latest instant in the history (last event). */
  lastMs: number;
  sweepAtMs: number | null;
  terminal: boolean;
  overdue: boolean;
  units: string[];
  eventAts: number[];
  ticket: Compiled;
  events: Compiled[];
  /** The ticket's metric facts record (ticket_facts), ids and instants as in the template. */
  facts: TicketFactsRecord;
}

/** A JSON text cut at its ids and instants, to render clones without parsing. */
type Part = string | { kind: 'time'; ms: number } | { kind: 'id' } | { kind: 'no' } | { kind: 'user' } | { kind: 'event'; n: number };
export type Compiled = Part[];

const TOKEN = /@T@|@N@|@U@|@E(\d+)@|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)/g;

export function compile(json: string): Compiled {
  const parts: Part[] = [];
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(json.slice(last, at));
    if (m[0] === '@T@') parts.push({ kind: 'id' });
    else if (m[0] === '@N@') parts.push({ kind: 'no' });
    else if (m[0] === '@U@') parts.push({ kind: 'user' });
    else if (m[1] !== undefined) parts.push({ kind: 'event', n: Number(m[1]) });
    else parts.push({ kind: 'time', ms: Date.parse(m[0]) });
    last = at + m[0].length;
  }
  if (last < json.length) parts.push(json.slice(last));
  return parts;
}

export interface CloneIds {
  shift: number;
  id: string;
  no: string;
  user: string;
  eventIds: string[];
}

export function render(parts: Compiled, c: CloneIds): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (p.kind === 'time') out += iso(p.ms + c.shift);
    else if (p.kind === 'id') out += c.id;
    else if (p.kind === 'no') out += c.no;
    else if (p.kind === 'user') out += c.user;
    else out += c.eventIds[p.n - 1] ?? '';
  }
  return out;
}

/** Minutes around a median, log-normally spread (most quick, a long tail). */
function gap(rand: () => number, medianMinutes: number, spread = 0.9): number {
  const u = Math.max(1e-9, rand());
  const v = rand();
  const gauss = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(1, medianMinutes * Math.exp(spread * gauss)) * MINUTE;
}

/** A report instant: a uniform day, a daytime-weighted hour (Beijing time). */
function reportInstant(rand: () => number, from: number, to: number): number {
  const day = from + Math.floor(rand() * ((to - from) / DAY)) * DAY;
  const hour = 7 + Math.floor(Math.pow(rand(), 0.8) * 15); // 07–22 h Beijing
  return day + (hour - 8) * HOUR + Math.floor(rand() * 60) * MINUTE;
}

export interface BuildContext {
  world: World;
  policy: SlaPolicy;
  rand: () => number;
  /** First and last instant of the generated history (ms). */
  start: number;
  now: number;
}

export function defaultPolicy(): SlaPolicy {
  return resolveSlaPolicy(undefined);
}

function draftFor(ctx: BuildContext, estate: Estate, category: CategoryCode): TicketDraft {
  const decision = route({ jurisdiction: estate.jurisdiction, category, estate });
  const photos = Array.from({ length: 1 + Math.floor(ctx.rand() * 3) }, (_, i) => `f-@T@-${i}`);
  return newTicketDraft({
    id: '@T@',
    no: '@N@',
    jurisdiction: estate.jurisdiction,
    estateId: estate.id,
    streetId: estate.townshipId,
    gridId: `${estate.id}.grid`,
    propertyCompanyId: estate.propertyCompanyId,
    category,
    priority: priorityOf(category),
    description: `${PLACES[Math.floor(ctx.rand() * PLACES.length)]}${getCategory(category).label}，${DETAILS[Math.floor(ctx.rand() * DETAILS.length)]}`,
    photos,
    location: { lat: estate.location.lat + (ctx.rand() - 0.5) * 0.001, lng: estate.location.lng + (ctx.rand() - 0.5) * 0.001 },
    reporter: { userId: '@U@', anonymous: ctx.rand() < 0.2 },
    route: { lead: decision.lead, responsible: decision.responsible, basis: decision.basis },
  });
}

function pickEstate(ctx: BuildContext): Estate {
  const j = weighted(ctx.rand, JURISDICTION_WEIGHTS) as JurisdictionId;
  const list = ctx.world.estatesOf[j];
  return list[Math.floor(ctx.rand() * list.length)] as Estate;
}

function rating(rand: () => number): TransitionInput {
  const x = rand();
  const score = x < 0.55 ? 5 : x < 0.8 ? 4 : x < 0.9 ? 3 : x < 0.96 ? 2 : 1;
  return { score, fixed: score >= 3 ? rand() < 0.95 : rand() < 0.3, ...(rand() < 0.3 ? { comment: score >= 4 ? '处理及时，谢谢！' : '处理太慢了' } : {}) };
}

/** After resolve/settle: the resident confirms, or the 7-day window closes it; then maybe a rating. */
function closeAndRate(ctx: BuildContext, w: Walk, at: number): void {
  const r = ctx.rand;
  if (r() < 0.45) w.step('confirm', RESIDENT, at + gap(r, 12 * 60, 1.2), { note: '已解决' });
  else w.sweepUntil(Math.min(ctx.now, at + 8 * DAY));
  if (w.ticket.state === 'closed' && !w.stopped && r() < 0.4) {
    const closedAt = Date.parse(w.t.closedAt ?? w.t.updatedAt);
    w.step('rate', RESIDENT, closedAt + gap(r, 6 * 60, 1.2), rating(r));
  }
}

/** Walks one history along one of the paths residents' reports take. */
function walk(ctx: BuildContext, w: Walk, created: number, estate: Estate): void {
  const r = ctx.rand;
  const urgent = w.ticket.priority === 'urgent';
  const grid: EventActor = { userId: `demo.grid.${estate.id}.grid`, role: 'grid', name: '网格员' };
  const street: EventActor = { userId: `demo.street.${estate.townshipId}`, role: 'street', name: '街道干部' };
  let at = created;
  w.step('submit', RESIDENT, at);
  const path = r();
  const triage = urgent ? 8 : 25;
  if (path < 0.03) {
    w.step('reject', grid, (at += gap(r, triage)), { reason: '不属于小区治理事项，已告知居民拨打12345', note: '已电话告知' });
    return;
  }
  if (path < 0.045) {
    w.step('merge', grid, (at += gap(r, triage)), { duplicateOf: 'an-earlier-ticket', note: '同一问题已有工单' });
    return;
  }
  if (path < 0.445) {
    // The grid worker settles it on the spot (sometimes recording the handling first).
    w.step('accept', grid, (at += gap(r, triage, 0.8)), { note: '已受理，正在核实' });
    if (r() < 0.5) w.step('handle', grid, (at += gap(r, 20)), { note: '网格员现场处置' });
    w.step('settle', grid, (at += gap(r, urgent ? 60 : 480)), { photos: ['f-after-@T@'], note: '已现场处置完毕', location: w.t.location ?? estate.location });
    if (w.ticket.state === 'verified') closeAndRate(ctx, w, at);
    return;
  }
  // 吹哨: the lead units are whistled in (often straight from submitted) and report.
  if (r() < 0.6) w.step('accept', grid, (at += gap(r, triage, 0.8)), { note: '已受理，正在核实' });
  const lead = w.t.route.lead.map((u) => u.id);
  w.step('whistle', grid, (at += gap(r, 10)), { units: lead, note: '需职能部门处理' });
  let unit = lead[0] as string;
  if (r() < 0.08) {
    const officer: EventActor = { userId: deptUserId(unit), role: 'department', unitId: unit, name: '值班人员' };
    w.step('return', officer, (at += gap(r, 60)), { reasonCode: 'not-our-duty', reason: '该事项不属于本单位职责' });
    const other = w.t.route.responsible.map((u) => u.id).find((id) => !id.includes('.t.')) ?? unit;
    w.step('reroute', street, (at += gap(r, 120)), { units: [other], reason: '按责任清单改派' });
    unit = other;
  } else {
    for (const u of lead) {
      w.step('acknowledge', { userId: deptUserId(u), role: 'department', unitId: u, name: '值班人员' }, (at += gap(r, urgent ? 10 : 35, 0.8)), { officerName: '值班人员' });
    }
  }
  const officer: EventActor = { userId: deptUserId(unit), role: 'department', unitId: unit, name: '值班人员' };
  if (w.ticket.state === 'whistled') w.step('acknowledge', officer, (at += gap(r, urgent ? 10 : 35, 0.8)), { officerName: '值班人员' });
  if (urgent) w.step('arrive', officer, (at += gap(r, 35, 0.8)), { location: estate.location, note: '已到现场' });
  if (!urgent && r() < 0.05) {
    const resolveDue = w.t.deadlines.find((d) => d.step === 'resolve' && d.metAt === undefined)?.due;
    const until = iso(Date.parse(resolveDue ?? iso(at)) + 5 * DAY);
    w.step('request-extension', officer, (at += gap(r, 600)), { until, reason: '需协调产权单位，申请延期' });
    w.step('approve-extension', street, (at += gap(r, 180)), { note: '同意延期' });
  }
  w.step('resolve', officer, (at += gap(r, urgent ? 5 * 60 : 36 * 60)), { photos: ['f-after-@T@'], note: '已整改完毕' });
  if (r() < 0.3) w.step('verify', grid, (at += gap(r, 240)), { note: '现场核验通过' });
  if (r() < 0.04) {
    w.step('reopen', RESIDENT, (at += gap(r, 24 * 60)), { reason: '问题又出现了', withinWindow: true });
    w.step('resolve', officer, (at += gap(r, 24 * 60)), { photos: ['f-after-@T@'], note: '已再次整改' });
  }
  if (w.ticket.state === 'resolved' || w.ticket.state === 'verified') closeAndRate(ctx, w, at);
}

function unitsOf(t: Ticket): string[] {
  return [...new Set([...t.assignedUnits, ...t.route.lead.map((u) => u.id), ...t.route.responsible.map((u) => u.id)])];
}

function toTemplate(w: Walk): Template {
  const t = w.t;
  const ats = w.events.map((e) => Date.parse(e.at));
  return {
    jurisdiction: t.jurisdiction,
    estateId: t.estateId ?? '',
    gridId: t.gridId,
    streetId: t.streetId,
    category: t.category,
    state: t.state,
    version: t.version,
    meToo: t.meToo,
    createdMs: Date.parse(t.createdAt),
    updatedMs: Date.parse(t.updatedAt),
    lastMs: Math.max(...ats),
    sweepAtMs: t.sweepAt ? Date.parse(t.sweepAt) : null,
    terminal: t.state === 'closed' || t.state === 'rejected' || t.state === 'merged',
    overdue: t.deadlines.some((d) => d.overdueAt !== undefined),
    units: unitsOf(t),
    eventAts: ats,
    ticket: compile(JSON.stringify(t)),
    events: w.events.map((e) => compile(JSON.stringify(e))),
    facts: factsRecord(t, w.events),
  };
}

/** A facts record moved by `shift` ms, for the clone with id `id` (what the store would write for it). */
export function shiftFacts(r: TicketFactsRecord, shift: number, id: string): TicketFactsRecord {
  const ms = (n: number | null) => (n === null ? null : n + shift);
  const isoOf = (s: string) => iso(Date.parse(s) + shift);
  const step = (f: StepFact): StepFact => ({ ...f, startAt: ms(f.startAt), doneAt: ms(f.doneAt), due: ms(f.due) });
  return {
    ...r,
    ticketId: id,
    createdAt: isoOf(r.createdAt),
    openDeadlines: r.openDeadlines?.map((d) => ({
      ...d,
      due: isoOf(d.due),
      ...(d.metAt !== undefined ? { metAt: isoOf(d.metAt) } : {}),
      ...(d.overdueAt !== undefined ? { overdueAt: isoOf(d.overdueAt) } : {}),
    })) ?? null,
    ack: r.ack ? step(r.ack) : null,
    unitAcks: r.unitAcks.map(([u, f]) => [u, step(f)]),
    resolve: step(r.resolve),
  };
}

/** One history from submit to wherever it is at NOW, swept along the way. */
export function buildTemplate(ctx: BuildContext, stallRate = 0.05): Template {
  const estate = pickEstate(ctx);
  const category = weighted(ctx.rand, CATEGORY_WEIGHTS as Record<CategoryCode, number>);
  const created = reportInstant(ctx.rand, ctx.start, ctx.now);
  const stallAt = ctx.rand() < stallRate ? 1 + Math.floor(ctx.rand() * 5) : Number.POSITIVE_INFINITY;
  const w = new Walk(draftFor(ctx, estate, category), ctx.policy, ctx.now, stallAt, true);
  walk(ctx, w, created, estate);
  w.finish();
  return toTemplate(w);
}

/**
 * An open ticket that falls due for the sweep at `dueAt` and has not been swept yet: a history
 * walked without sweeps up to a state with a pending deadline, shifted so that its sweepAt is dueAt.
 */
export function buildDueTemplate(ctx: BuildContext, dueAt: number, kind: number): Template {
  const estate = pickEstate(ctx);
  const category = weighted(ctx.rand, CATEGORY_WEIGHTS as Record<CategoryCode, number>);
  const base = ctx.now - 30 * DAY;
  const w = new Walk(draftFor(ctx, estate, category), ctx.policy, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, false);
  const grid: EventActor = { userId: `demo.grid.${estate.id}.grid`, role: 'grid', name: '网格员' };
  const lead = w.ticket.route.lead.map((u) => u.id);
  const unit = lead[0] as string;
  const officer: EventActor = { userId: deptUserId(unit), role: 'department', unitId: unit, name: '值班人员' };
  w.step('submit', RESIDENT, base);
  // kind 0: triage due; 1: 报到 due; 2: resolve due; 3: confirm window ending (auto-close).
  if (kind >= 1) {
    w.step('accept', grid, base + 10 * MINUTE, { note: '已受理' });
    w.step('whistle', grid, base + 20 * MINUTE, { units: lead });
  }
  if (kind >= 2) for (const u of lead) w.step('acknowledge', { ...officer, userId: deptUserId(u), unitId: u }, base + 30 * MINUTE, { officerName: '值班人员' });
  if (kind >= 3) w.step('resolve', officer, base + 60 * MINUTE, { photos: ['f-after-@T@'], note: '已整改完毕' });
  const tpl = toTemplate(w);
  if (tpl.sweepAtMs === null) throw new Error(`due ticket of kind ${kind} has no sweepAt`);
  const shift = dueAt - tpl.sweepAtMs;
  const shiftParts = (parts: Compiled): Compiled => parts.map((p) => (typeof p !== 'string' && p.kind === 'time' ? { ...p, ms: p.ms + shift } : p));
  return {
    ...tpl,
    createdMs: tpl.createdMs + shift,
    updatedMs: tpl.updatedMs + shift,
    lastMs: tpl.lastMs + shift,
    sweepAtMs: dueAt,
    eventAts: tpl.eventAts.map((a) => a + shift),
    ticket: shiftParts(tpl.ticket),
    events: tpl.events.map(shiftParts),
    facts: shiftFacts(tpl.facts, shift, tpl.facts.ticketId),
  };
}
