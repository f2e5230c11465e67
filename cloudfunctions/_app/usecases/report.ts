import type { Identity } from '../../../shared/domain/roles';
import type { Estate } from '../../../shared/domain/directory';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { decodeScene } from '../../../shared/estate/scene';
import { distanceMeters } from '../../../shared/geo';
import { closedPublicView, publicView, PUBLIC_CATEGORIES, redactHolder, shownInPublic } from '../../../shared/permissions';
import { fullNoticeboard, noticeboardUnits } from '../../../shared/routing/noticeboard';
import { DISCLOSURE_FIELDS } from '../../../shared/domain/disclosure';
import { addNaturalMinutes, instantMs } from '../../../shared/sla/calendar';
import { reopenDeadline } from '../../../shared/sla/deadlines';
import { isOpen } from '../../../shared/sla/progress';
import { assignedUnitNames } from '../../../shared/lifecycle/resident-status';
import { getCategory } from '../../../shared/taxonomy/categories';
import type { z } from 'zod';
import type { ReportInputs } from '../../../shared/actions/report';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { registryFor } from './county';
import { checkTexts } from './content';
import { checkPublicPhotos, publicPhotos, withPublicPhotos } from './photo-checks';
import { act, loadTicket, viewFor } from './support';
import { submitRouted } from './submission';
import { sameSubmission } from '../../../shared/domain/idempotency';
import { nearEstate, REPORT_RADIUS_METERS } from '../../../shared/estate/near';

type In<K extends keyof typeof ReportInputs> = z.output<(typeof ReportInputs)[K]>;

/** "Me too" radius and the duplicate prompt (issue 4 §2). */
export const NEARBY_METERS = 50;

async function estateOr404(deps: AppDeps, id: string): Promise<Estate> {
  const estate = await deps.store.getEstate(id);
  if (!estate) throw errors.notFound('小区');
  return estate;
}

/**
 * Submit a report. Idempotent per (reporter, idempotencyKey): a retry returns the first ticket, even
 * past the rate limit. New reports are rate-limited per user and content-checked, then routed by
 * the jurisdiction's responsibility list and handed to the estate's grid worker.
 */
export async function submitReport(deps: AppDeps, identity: Identity, input: In<'submit'>) {
  const { store } = deps;
  const now = deps.clock.now();
  const estate = await estateOr404(deps, input.estateId);
  if (input.location && !nearEstate(estate, input.location)) {
    throw new AppError('GEO.TOO_FAR', `上报位置距离该小区超过 ${REPORT_RADIUS_METERS / 1000} 公里，请在小区附近上报或不附带位置`, 400);
  }

  // A retry of a stored submission is not a new report: answer it before any limit or check. The
  // three reads run together (one round trip on CloudBase, issue 17) and are judged in this order.
  // Each outcome (or failure) is taken in that order, as if they had run one after the other.
  // The list versions that will route it are read with them too (issue 17 §2; unused by a retry or a refusal).
  const registry = registryFor(deps, now);
  registry.catch(() => undefined);
  const [retry, recent, check] = await Promise.allSettled([
    findRetry(deps, identity, input),
    store.countSubmissionsSince(identity.userId, addNaturalMinutes(now, -60)),
    deps.content.checkText(input.description, identity.openid ?? null),
  ]);
  const retried = settled(retry);
  if (retried) return retried;
  if (settled(recent) >= deps.config.reportsPerHour) throw errors.rateLimited();
  const verdict = settled(check);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);

  const stored = await submitRouted(deps, {
    jurisdiction: estate.jurisdiction,
    category: input.category,
    estate,
    description: input.description,
    photos: input.photos,
    location: input.location ?? null,
    // The openid stays on the user record (DESIGN.md §7): the ticket knows the reporter by user id.
    reporter: {
      userId: identity.userId,
      ...(input.contactPhone ? { phone: input.contactPhone } : {}),
      anonymous: input.anonymous,
    },
    idempotencyKey: input.idempotencyKey,
    photosPublic: input.photosPublic,
    registry,
  });
  // Two first tries raced with one key: the loser's body must still be the winner's.
  if (!stored.created && !sameSubmission(stored.ticket, input)) throw errors.idempotencyMismatch();
  if (stored.created) await checkPublicPhotos(deps, identity, stored.ticket);
  return { ...(await viewFor(deps, identity, stored.ticket)), created: stored.created };
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

async function findRetry(deps: AppDeps, identity: Identity, input: In<'submit'>) {
  const ticket = await deps.store.findByIdempotencyKey(identity.userId, input.idempotencyKey);
  if (!ticket) return null;
  if (!sameSubmission(ticket, input)) throw errors.idempotencyMismatch();
  return { ...(await viewFor(deps, identity, ticket)), created: false };
}

export async function listMine(deps: AppDeps, identity: Identity, input: In<'listMine'>) {
  const page = await deps.store.queryTickets({ reporterUserId: identity.userId }, { limit: input.limit, after: input.after ?? null });
  return { items: page.items.map((t) => summary(t)), next: page.next };
}

/** The first non-empty line of a description, cut to what a list row shows. */
const SUMMARY_LINE_CHARS = 60;

/**
 * What a list row shows: no reporter data (a holder waiting on the resident names no one); the
 * description's first line and the first photo id for the row's text and thumbnail.
 */
export function summary(t: Ticket) {
  const firstLine = t.description.split(/\r?\n/).find((line) => line.trim().length > 0)?.trim() ?? '';
  return {
    id: t.id,
    no: t.no,
    version: t.version,
    category: t.category,
    categoryLabel: getCategory(t.category).label,
    state: t.state,
    priority: t.priority,
    estateId: t.estateId,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    deadlines: t.deadlines,
    escalation: t.escalation,
    lead: t.route.lead,
    assignedUnits: t.assignedUnits,
    holder: redactHolder(t.holder),
    meToo: t.meToo,
    overdue: t.deadlines.some((d) => d.overdueAt !== undefined && d.metAt === undefined),
    descriptionLine: firstLine.length > SUMMARY_LINE_CHARS ? `${firstLine.slice(0, SUMMARY_LINE_CHARS)}…` : firstLine,
    photo: t.photos[0] ?? null,
    assignedUnitNames: assignedUnitNames(t.assignedUnits, [...t.route.lead, ...t.route.responsible]),
  };
}

export async function detail(deps: AppDeps, identity: Identity, input: { ticketId: string }) {
  return viewFor(deps, identity, await loadTicket(deps, input.ticketId));
}

export async function confirm(deps: AppDeps, identity: Identity, input: In<'confirm'>) {
  return viewFor(deps, identity, await act(deps, identity, input, 'confirm', {}));
}

export async function reopen(deps: AppDeps, identity: Identity, input: In<'reopen'>) {
  await checkTexts(deps, identity, [input.reason]);
  const ticket = await act(deps, identity, input, 'reopen', (t, now, policy) => {
    const since = t.closedAt ?? t.updatedAt;
    return { reason: input.reason, withinWindow: instantMs(now) <= instantMs(reopenDeadline(since, policy)) };
  });
  return viewFor(deps, identity, ticket);
}

export async function appeal(deps: AppDeps, identity: Identity, input: In<'appeal'>) {
  await checkTexts(deps, identity, [input.reason]);
  return viewFor(deps, identity, await act(deps, identity, input, 'appeal', { reason: input.reason }));
}

export async function rate(deps: AppDeps, identity: Identity, input: In<'rate'>) {
  if (input.comment) {
    const verdict = await deps.content.checkText(input.comment, identity.openid ?? null);
    if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  }
  return viewFor(
    deps,
    identity,
    await act(deps, identity, input, 'rate', { score: input.score, fixed: input.fixed, ...(input.comment ? { comment: input.comment } : {}) }),
  );
}

/** "Me too" on an open ticket: recorded once per resident, on the timeline as well. */
export async function meToo(deps: AppDeps, identity: Identity, input: In<'meToo'>) {
  const ticket = await loadTicket(deps, input.ticketId);
  if (!isOpen(ticket)) throw new AppError('TICKET.INVALID_TRANSITION', '该工单已结束，无法附议', 400);
  const now = deps.clock.now();
  const added = await deps.store.addMeToo(ticket.id, identity.userId, now);
  if (!added) return { ticketId: ticket.id, added: false, meToo: ticket.meToo };
  // Bump the counter with optimistic concurrency; on a race, re-read and try again.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = attempt === 0 ? ticket : await loadTicket(deps, ticket.id);
    const events = await deps.store.listEvents(current.id);
    const event: TicketEvent = {
      id: deps.ids.newId(),
      ticketId: current.id,
      seq: events.length + 1,
      at: now,
      actor: { userId: identity.userId, role: 'resident' },
      action: 'me-too',
      from: current.state,
      to: current.state,
      note: '又有居民反映此问题',
    };
    const next: Ticket = { ...current, meToo: current.meToo + 1, version: current.version + 1, updatedAt: now };
    try {
      await deps.store.commitTransition({ next, expectedVersion: current.version, event, outbox: [] });
      return { ticketId: current.id, added: true, meToo: next.meToo };
    } catch (err) {
      if ((err as { code?: string }).code !== 'TICKET.VERSION_CONFLICT') throw err;
    }
  }
  throw new AppError('TICKET.VERSION_CONFLICT', '工单正在更新，请稍后重试', 409);
}

/**
 * Open tickets of the same category in the estate within 50 m (or anywhere in it without a location).
 * Public (no sign-in): a complaint about the property company's own conduct is never listed.
 */
export async function nearby(deps: AppDeps, _identity: Identity | null, input: In<'nearby'>) {
  if (!PUBLIC_CATEGORIES.includes(input.category)) return { items: [] };
  const page = await deps.store.queryTickets({ estateIds: [input.estateId], categories: [input.category] }, { limit: 100 });
  const here = input.location ?? null;
  const items = page.items
    .filter((t) => shownInPublic(t) && isOpen(t) && t.mergedInto === null)
    .filter((t) => !here || !t.location || distanceMeters(here, t.location) <= NEARBY_METERS)
    .slice(0, 10);
  // Public photos only once their image check passed (photo-checks.ts).
  const shown = await publicPhotos(deps, items);
  return {
    items: items.map((t) => ({ ...publicView({ ...t, photos: shown.get(t.id) ?? [] }, { photosAllowed: t.photosPublic === true }), id: t.id, no: t.no })),
  };
}

export async function estateByScene(deps: AppDeps, input: In<'estateByScene'>) {
  const code = decodeScene(input.scene);
  if (!code) throw new AppError('INPUT.INVALID', '二维码无效，请选择小区', 400);
  const estate = await deps.store.getEstateByScene(code);
  if (!estate) throw errors.notFound('小区');
  return publicEstate(estate);
}

export function publicEstate(e: Estate) {
  return { id: e.id, name: e.name, jurisdiction: e.jurisdiction, address: e.address, location: e.location, sceneCode: e.sceneCode, townshipId: e.townshipId };
}

/** A page's position in the sorted list (the list is small and read whole: an offset is enough). */
const ESTATES_AFTER = /^o:(\d{1,6})$/;

/**
 * Nearest estates first when the resident shares a location; otherwise by name, filtered by the query.
 * Paged: `next` continues the list (staff screens name every estate; a deployment has hundreds).
 */
export async function estates(deps: AppDeps, input: In<'estates'>) {
  const match = input.after ? ESTATES_AFTER.exec(input.after) : null;
  if (input.after && !match) throw new AppError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载', 400);
  const offset = match ? Number(match[1]) : 0;
  const all = await deps.store.listEstates({});
  const q = input.query?.trim();
  const matched = q ? all.filter((e) => e.name.includes(q) || e.address.includes(q)) : all;
  const near = input.near ?? null;
  const items = matched
    .map((e) => ({ ...publicEstate(e), distanceMeters: near ? Math.round(distanceMeters(near, e.location)) : null }))
    // The id last, so that pages cut one fixed order.
    .sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const end = offset + input.limit;
  return { items: items.slice(offset, end), next: end < items.length ? `o:${end}` : null };
}

export async function noticeboard(deps: AppDeps, input: In<'noticeboard'>) {
  const estate = await estateOr404(deps, input.estateId);
  // The full board (issue 20 §5): duties from the list, contacts, 投诉举报电话, 12345, 六公开/五公开.
  const contacts = await deps.store.listUnitContacts(noticeboardUnits(estate).map((u) => u.id));
  const { units, hotline } = fullNoticeboard(estate, contacts);
  return {
    estate: publicEstate(estate),
    units: units.map((u) => ({ ...u, leadLabels: u.leads.map((c) => getCategory(c).label) })),
    hotline,
    property: estate.propertyInfo,
    disclosure: DISCLOSURE_FIELDS.map((f) => ({ key: f.key, label: f.label, text: estate.disclosure?.[f.key]?.text ?? null, updatedAt: estate.disclosure?.[f.key]?.updatedAt ?? null })),
  };
}

/**
 * The share card (public, no sign-in). A complaint about the property company's own conduct has
 * none: it answers as if there were no such ticket, so the card reveals not even that it exists.
 */
export async function publicTicket(deps: AppDeps, input: { ticketId: string }) {
  const t = await loadTicket(deps, input.ticketId);
  if (!shownInPublic(t)) throw errors.notFound('工单');
  // A closed ticket's card says how it ended: the fix note is on its resolve/settle event.
  const [shown, events] = await Promise.all([withPublicPhotos(deps, t), t.state === 'closed' ? deps.store.listEvents(t.id) : Promise.resolve([])]);
  return {
    ...publicView(shown, { photosAllowed: t.photosPublic === true }),
    ...closedPublicView(t, events),
    id: t.id,
    no: t.no,
    categoryLabel: getCategory(t.category).label,
  };
}
