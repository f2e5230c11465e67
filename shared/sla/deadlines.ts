/**
 * Deadlines of a ticket (DESIGN.md §6). Every function is pure: lists come back as new arrays,
 * or as the same array when nothing changed. Dues are stored as UTC ISO strings.
 */
import type { Deadline, Priority, SlaStep } from '../domain/ticket';
import { getCategory, type CategoryCode } from '../taxonomy/categories';
import { instantMs, shanghaiDateTime, toUtcIso, type Instant } from './calendar';
import { addSpan, describeSpan, slaFor, type SlaPolicy } from './policy';

/** Urgent categories (fire lane, hazmat, …) run on the urgent, natural-time SLA. */
export function priorityOf(category: CategoryCode): Priority {
  return getCategory(category).urgent ? 'urgent' : 'normal';
}

/**
 * The due of a step that starts at `start`, or null when the policy sets no deadline for it.
 * 'confirm' is the resident's window and the same for both priorities. With a category, its own
 * deadlines (policy.categories) replace the priority's; working days follow the policy's calendar.
 */
export function deadlineFor(step: SlaStep, priority: Priority, start: Instant, policy: SlaPolicy, category?: CategoryCode): string | null {
  const span = step === 'confirm' ? policy.confirmWindow : slaFor(policy, priority, category)[step];
  return span ? addSpan(start, span, policy) : null;
}

function deadlines(steps: readonly SlaStep[], priority: Priority, start: Instant, policy: SlaPolicy, category?: CategoryCode): Deadline[] {
  return steps.flatMap((step) => {
    const due = deadlineFor(step, priority, start, policy, category);
    return due ? [{ step, due }] : [];
  });
}

/** On submission: the grid's triage deadline. */
export function deadlinesOnSubmit(priority: Priority, submittedAt: Instant, policy: SlaPolicy, category?: CategoryCode): Deadline[] {
  return deadlines(['triage'], priority, submittedAt, policy, category);
}

/** On 吹哨: 报到 (ack), on site (urgent by default) and resolve, all counted from the whistle. */
export function deadlinesOnWhistle(priority: Priority, whistledAt: Instant, policy: SlaPolicy, category?: CategoryCode): Deadline[] {
  return deadlines(['ack', 'arrive', 'resolve'], priority, whistledAt, policy, category);
}

/** After resolve/verify: the resident's confirm window (then the ticket closes by itself). */
export function confirmDeadline(resolvedAt: Instant, policy: SlaPolicy): Deadline {
  return { step: 'confirm', due: addSpan(resolvedAt, policy.confirmWindow, policy) };
}

/** The last instant at which a reopen ("not fixed") is still accepted. */
export function reopenDeadline(resolvedOrClosedAt: Instant, policy: SlaPolicy): string {
  return addSpan(resolvedOrClosedAt, policy.reopenWindow, policy);
}

/**
 * When the request is expected to be fulfilled (Open311 GeoReport v2 `expected_datetime`): the
 * resolve deadline once the whistle has set it (extensions included; the open one, else the last),
 * before that the policy's resolve span counted from submission — never the triage deadline.
 */
export function expectedResolveBy(list: readonly Deadline[], priority: Priority, submittedAt: Instant, policy: SlaPolicy, category?: CategoryCode): string | null {
  const set = openDeadline(list, 'resolve') ?? [...list].reverse().find((d) => d.step === 'resolve');
  return set ? set.due : deadlineFor('resolve', priority, submittedAt, policy, category);
}

/** The step's deadline that is still open (not met), if any. */
export function openDeadline(list: readonly Deadline[], step: SlaStep): Deadline | undefined {
  return list.find((d) => d.step === step && d.metAt === undefined);
}

export type ExtensionErrorCode = 'SLA.EXTENSION_TOO_LONG' | 'SLA.EXTENSION_NOT_LATER' | 'SLA.EXTENSION_IN_PAST';
export type ExtensionCheck = { ok: true; due: string } | { ok: false; code: ExtensionErrorCode; message: string };

/**
 * Checks a 延期 request, in this order: the new due must be after the request time, after the
 * current resolve deadline, and at most policy.extensionMax (15 working days) beyond that deadline.
 */
export function validateExtension(
  currentResolveDue: Instant,
  requestedUntil: Instant,
  requestedAt: Instant,
  policy: SlaPolicy,
): ExtensionCheck {
  const until = instantMs(requestedUntil);
  if (until <= instantMs(requestedAt)) {
    return { ok: false, code: 'SLA.EXTENSION_IN_PAST', message: '延期后的办结期限必须晚于当前时间' };
  }
  if (until <= instantMs(currentResolveDue)) {
    return {
      ok: false,
      code: 'SLA.EXTENSION_NOT_LATER',
      message: `延期后的办结期限必须晚于当前办结期限（${shanghaiDateTime(currentResolveDue)}）`,
    };
  }
  const limit = addSpan(currentResolveDue, policy.extensionMax, policy);
  if (until > instantMs(limit)) {
    return {
      ok: false,
      code: 'SLA.EXTENSION_TOO_LONG',
      message: `延期最多 ${describeSpan(policy.extensionMax)}，最晚至 ${shanghaiDateTime(limit)}`,
    };
  }
  return { ok: true, due: toUtcIso(requestedUntil) };
}

/**
 * Moves the open resolve deadline to newDue. An overdueAt already set stays: a missed deadline is
 * history, and the extension does not rewrite it. Throws when no resolve deadline is open.
 */
export function applyExtension(list: readonly Deadline[], newDue: Instant): Deadline[] {
  const target = openDeadline(list, 'resolve');
  if (!target) throw new Error('no open resolve deadline to extend');
  const due = toUtcIso(newDue);
  return list.map((d) => (d === target ? { ...d, due } : d));
}

/**
 * Records that a step was done at `at`. Idempotent: a step already met keeps its first metAt, and a
 * step without a deadline (e.g. 'arrive' for a normal ticket) leaves the list as it was.
 */
export function markMet(list: readonly Deadline[], step: SlaStep, at: Instant): Deadline[] {
  const metAt = toUtcIso(at);
  return list.map((d) => (d.step === step && d.metAt === undefined ? { ...d, metAt } : d));
}
