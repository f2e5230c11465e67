import type { z } from 'zod';
import type { TicketInputs } from '../../../shared/actions/ticket';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { distanceMeters } from '../../../shared/geo';
import { REGISTRY } from '../../../shared/jurisdictions';
import { unitsOutsideChain } from '../../../shared/permissions/unit-scope';
import type { TicketFilter } from '../../../shared/ports/store';
import { instantMs } from '../../../shared/sla/calendar';
import { openDeadline, validateExtension } from '../../../shared/sla/deadlines';
import { isOpen } from '../../../shared/sla/progress';
import { authorize } from '../../../shared/permissions';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { withTextChecks } from './content';
import { claimPhotos } from './photos';
import { summary } from './report';
import { act, AUTH_OPTIONS, loadTicket, viewFor } from './support';

type In<K extends keyof typeof TicketInputs> = z.output<(typeof TicketInputs)[K]>;

/** "Due soon" on the home screen: an open deadline within the next 2 hours. */
const DUE_SOON_MS = 2 * 60 * 60 * 1000;

/** The ticket filters a user's grants cover, one per grant (a user may hold several roles). */
export function scopesOf(identity: Identity): Array<{ role: string; filter: TicketFilter }> {
  const childrenOf = (j: string) => [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];
  return identity.grants.flatMap((g): Array<{ role: string; filter: TicketFilter }> => {
    switch (g.role) {
      case 'grid':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } }];
      case 'street':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, streetIds: g.streets ?? [] } }];
      case 'department':
        return [{ role: g.role, filter: { unitIds: g.units ?? [] } }];
      case 'police':
        // The station's routed tickets, and the owner-group desk: the estates the officer covers.
        return [
          { role: g.role, filter: { unitIds: g.units ?? [] } },
          { role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } },
        ];
      case 'leadership':
        return [{ role: g.role, filter: { jurisdictions: childrenOf(g.jurisdiction) } }];
      case 'property':
        return [{ role: g.role, filter: { jurisdiction: g.jurisdiction, estateIds: g.estates ?? [] } }];
      default:
        return [];
    }
  });
}

function urgency(t: Ticket): number {
  const open = t.deadlines.filter((d) => d.metAt === undefined && d.step !== 'confirm');
  return open.length ? Math.min(...open.map((d) => instantMs(d.due))) : Number.POSITIVE_INFINITY;
}

/** Overdue first, then the nearest deadline; urgent before normal on ties. */
export function byDeadline(a: Ticket, b: Ticket): number {
  const od = (t: Ticket) => (t.deadlines.some((d) => d.overdueAt !== undefined && d.metAt === undefined) ? 0 : 1);
  return od(a) - od(b) || urgency(a) - urgency(b) || (a.priority === b.priority ? 0 : a.priority === 'urgent' ? -1 : 1);
}

const VIEW_STATES: Record<string, Ticket['state'][] | undefined> = {
  grid: ['submitted', 'accepted', 'handling', 'resolved', 'reopened'],
  'street-returned': ['returned'],
  unit: ['whistled', 'acknowledged', 'on_site', 'reopened'],
  all: undefined,
};

/** Collects the tickets of every scope the user holds (deduplicated), visible to them. */
async function scopedTickets(deps: AppDeps, identity: Identity, states?: Ticket['state'][], limit = 200): Promise<Ticket[]> {
  const seen = new Map<string, Ticket>();
  // One query per scope, all at once (one round trip on CloudBase, issue 17).
  const pages = await Promise.all(scopesOf(identity).map(({ filter }) => deps.store.queryTickets({ ...filter, ...(states ? { states } : {}) }, { limit })));
  for (const page of pages) for (const t of page.items) seen.set(t.id, t);
  return [...seen.values()].filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok);
}

export async function queue(deps: AppDeps, identity: Identity, input: In<'queue'>) {
  const now = instantMs(deps.clock.now());
  let tickets: Ticket[];
  switch (input.view) {
    case 'street-overdue':
      tickets = (await scopedTickets(deps, identity)).filter((t) => isOpen(t) && t.deadlines.some((d) => d.metAt === undefined && d.step !== 'confirm' && (d.overdueAt !== undefined || instantMs(d.due) < now)));
      break;
    case 'street-extensions':
      tickets = (await scopedTickets(deps, identity, ['acknowledged', 'on_site'])).filter((t) => t.pendingExtension !== null);
      break;
    case 'street-unplaced': {
      // Reports routed at jurisdiction level, waiting to be placed in an estate.
      const jurisdictions = [...new Set(identity.grants.filter((g) => g.role === 'street' || g.role === 'leadership').map((g) => g.jurisdiction))];
      const pages = await Promise.all(jurisdictions.map((j) => deps.store.queryTickets({ jurisdiction: j }, { limit: 200 })));
      tickets = pages.flatMap((p) => p.items).filter((t) => t.estateId === null && isOpen(t));
      break;
    }
    default:
      tickets = await scopedTickets(deps, identity, VIEW_STATES[input.view]);
  }
  const sorted = tickets.sort(byDeadline);
  // The pending extension travels with the row, so the street decides from the list without opening each ticket.
  return { items: sorted.slice(0, input.limit).map((t) => ({ ...summary(t), pendingExtension: t.pendingExtension })), total: sorted.length };
}

export async function home(deps: AppDeps, identity: Identity) {
  const now = instantMs(deps.clock.now());
  const [scoped, unread] = await Promise.all([scopedTickets(deps, identity), deps.store.listInbox(identity.userId, { unreadOnly: true, limit: 100 })]);
  const open = scoped.filter(isOpen);
  const dueSoon = open.filter((t) => t.deadlines.some((d) => d.metAt === undefined && d.step !== 'confirm' && instantMs(d.due) >= now && instantMs(d.due) - now <= DUE_SOON_MS));
  const overdue = open.filter((t) => t.deadlines.some((d) => d.metAt === undefined && d.step !== 'confirm' && instantMs(d.due) < now));
  return {
    // The user's own grants (scopes), so screens can offer only their estates and jurisdictions.
    user: { id: identity.userId, name: identity.name ?? null, roles: [...new Set(identity.grants.map((g) => g.role))], grants: identity.grants },
    counts: { new: open.filter((t) => t.state === 'submitted').length, dueSoon: dueSoon.length, overdue: overdue.length, open: open.length, unread: unread.length },
    unread,
  };
}

export async function staffDetail(deps: AppDeps, identity: Identity, input: { ticketId: string }) {
  return viewFor(deps, identity, await loadTicket(deps, input.ticketId));
}

/** Units a ticket may be whistled, re-routed or handed over to: its routed units or its jurisdiction chain's. */
function checkUnits(ticket: Ticket, units: string[]): void {
  const outside = unitsOutsideChain(ticket, units);
  if (outside.length) throw new AppError('INPUT.INVALID', `单位不属于本辖区：${outside.join('、')}`, 400);
}

const view = async (deps: AppDeps, identity: Identity, t: Ticket) => viewFor(deps, identity, t);

/** Every action checks its free texts first (content.ts): the timeline shows them to the reporter. */
export const staffActions = withTextChecks({
  accept: (d: AppDeps, i: Identity, x: In<'accept'>) => act(d, i, x, 'accept', { note: x.note }).then((t) => view(d, i, t)),
  reject: (d: AppDeps, i: Identity, x: In<'reject'>) => act(d, i, x, 'reject', { reason: x.reason }).then((t) => view(d, i, t)),
  merge: async (d: AppDeps, i: Identity, x: In<'merge'>) => {
    const original = await loadTicket(d, x.duplicateOf);
    const t = await loadTicket(d, x.ticketId);
    if (original.estateId !== t.estateId) throw new AppError('INPUT.INVALID', '只能合并同一小区的工单', 400);
    return view(d, i, await act(d, i, x, 'merge', { duplicateOf: x.duplicateOf, note: x.note }));
  },
  handle: (d: AppDeps, i: Identity, x: In<'handle'>) => act(d, i, x, 'handle', { note: x.note }).then((t) => view(d, i, t)),
  settle: (d: AppDeps, i: Identity, x: In<'settle'>) =>
    act(d, i, x, 'settle', async (t) => {
      const estate = t.estateId ? await d.store.getEstate(t.estateId) : null;
      const target = t.location ?? estate?.location ?? null;
      return {
        note: x.note,
        photos: await claimPhotos(d, i.userId, x.photos),
        location: x.location,
        ...(target ? { distanceMeters: distanceMeters(target, x.location) } : {}),
        ...(x.farReason ? { reason: x.farReason } : {}),
      };
    }).then((t) => view(d, i, t)),
  whistle: (d: AppDeps, i: Identity, x: In<'whistle'>) =>
    act(d, i, x, 'whistle', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason, note: x.note };
    }).then((t) => view(d, i, t)),
  acknowledge: (d: AppDeps, i: Identity, x: In<'acknowledge'>) => act(d, i, x, 'acknowledge', { officerName: x.officerName, note: x.note }).then((t) => view(d, i, t)),
  // Checked against the ticket's position (else the estate's), as settle: beyond 200 m only with a reason.
  arrive: (d: AppDeps, i: Identity, x: In<'arrive'>) =>
    act(d, i, x, 'arrive', async (t) => {
      const estate = !t.location && t.estateId ? await d.store.getEstate(t.estateId) : null;
      const target = t.location ?? estate?.location ?? null;
      return {
        location: x.location,
        note: x.note,
        ...(target ? { distanceMeters: distanceMeters(target, x.location) } : {}),
        ...(x.farReason ? { reason: x.farReason } : {}),
      };
    }).then((t) => view(d, i, t)),
  resolve: (d: AppDeps, i: Identity, x: In<'resolve'>) =>
    act(d, i, x, 'resolve', async () => ({ note: x.note, photos: await claimPhotos(d, i.userId, x.photos) })).then((t) => view(d, i, t)),
  return: (d: AppDeps, i: Identity, x: In<'return'>) => act(d, i, x, 'return', { reasonCode: x.reasonCode, reason: x.reason }).then((t) => view(d, i, t)),
  reroute: (d: AppDeps, i: Identity, x: In<'reroute'>) =>
    act(d, i, x, 'reroute', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason };
    }).then((t) => view(d, i, t)),
  requestExtension: (d: AppDeps, i: Identity, x: In<'requestExtension'>) =>
    act(d, i, x, 'request-extension', (t, now, policy) => {
      const current = openDeadline(t.deadlines, 'resolve');
      if (!current) throw new AppError('TICKET.INVALID_TRANSITION', '该工单没有进行中的办结时限', 400);
      const check = validateExtension(current.due, x.until, now, policy);
      if (!check.ok) throw new AppError(check.code, check.message, 400);
      return { until: check.due, reason: x.reason };
    }).then((t) => view(d, i, t)),
  approveExtension: (d: AppDeps, i: Identity, x: In<'approveExtension'>) => act(d, i, x, 'approve-extension', { note: x.note }).then((t) => view(d, i, t)),
  refuseExtension: (d: AppDeps, i: Identity, x: In<'refuseExtension'>) => act(d, i, x, 'refuse-extension', { reason: x.reason }).then((t) => view(d, i, t)),
  verify: (d: AppDeps, i: Identity, x: In<'verify'>) => act(d, i, x, 'verify', { note: x.note }).then((t) => view(d, i, t)),
  verifyFail: (d: AppDeps, i: Identity, x: In<'verifyFail'>) => act(d, i, x, 'verify-fail', { reason: x.reason }).then((t) => view(d, i, t)),
  supervise: (d: AppDeps, i: Identity, x: In<'supervise'>) => act(d, i, x, 'supervise', { note: x.note }).then((t) => view(d, i, t)),
  escalate: (d: AppDeps, i: Identity, x: In<'escalate'>) => act(d, i, x, 'escalate', { reason: x.reason, note: x.reason, level: 2 }).then((t) => view(d, i, t)),
  claim: (d: AppDeps, i: Identity, x: In<'claim'>) => act(d, i, x, 'claim', { officerName: x.officerName }).then((t) => view(d, i, t)),
  reply: (d: AppDeps, i: Identity, x: In<'reply'>) => act(d, i, x, 'reply', { reply: x.text }).then((t) => view(d, i, t)),
  mediate: (d: AppDeps, i: Identity, x: In<'mediate'>) =>
    act(d, i, x, 'mediate', { parties: x.parties, outcome: x.outcome, ...(x.agreement ? { agreement: x.agreement } : {}) }).then((t) => view(d, i, t)),
  handover: (d: AppDeps, i: Identity, x: In<'handover'>) =>
    act(d, i, x, 'handover', (t) => {
      checkUnits(t, x.units);
      return { units: x.units, reason: x.reason };
    }).then((t) => view(d, i, t)),
});
