import type { Identity } from '../../../shared/domain/roles';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { REGISTRY } from '../../../shared/jurisdictions';
import { checkVersion } from '../../../shared/lifecycle';
import { fieldHolder } from '../../../shared/lifecycle/holder';
import { route, ticketRoute } from '../../../shared/routing/route';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { registryFor } from './county';
import { loadTicket, outboxFor, viewFor } from './support';

/**
 * Places a ticket that was routed at jurisdiction level (no registered estate within 1 km of an
 * Open311 report) into an estate: a street officer of that estate's street, or the leadership
 * office / admin of the jurisdiction. The route is recomputed with the estate, and the estate's
 * grid holds it from then on.
 */
export async function placeTicket(deps: AppDeps, identity: Identity, input: { ticketId: string; version: number; estateId: string }) {
  const ticket = await loadTicket(deps, input.ticketId);
  if (ticket.estateId !== null) throw new AppError('TICKET.ALREADY_PLACED', '该工单已关联小区', 400);
  const estate = await deps.store.getEstate(input.estateId);
  if (!estate || estate.jurisdiction !== ticket.jurisdiction) throw errors.notFound('本辖区的小区');
  const covers = (j: string) => j === ticket.jurisdiction || REGISTRY.list(ticket.jurisdiction)?.parent === j;
  const allowed = identity.grants.some(
    (g) =>
      covers(g.jurisdiction) &&
      ((g.role === 'street' && (g.streets ?? []).includes(estate.townshipId)) || g.role === 'leadership' || g.role === 'admin'),
  );
  if (!allowed) throw errors.forbidden('只有该小区所在街道或领导小组办公室可以关联小区');
  checkVersion(ticket, input.version);

  const now = deps.clock.now();
  // Routed by the list version effective when the ticket was created (issue 19), as if placed then.
  const decision = route({ jurisdiction: ticket.jurisdiction, category: ticket.category, estate }, await registryFor(deps, ticket.createdAt));
  const grids = await deps.store.listGrids({ estateId: estate.id });
  const placed = { ...ticket, estateId: estate.id, streetId: estate.townshipId, gridId: grids[0]?.id ?? null, propertyCompanyId: estate.propertyCompanyId };
  const next: Ticket = {
    ...placed,
    route: ticketRoute(decision),
    holder: ticket.state === 'submitted' || ticket.state === 'accepted' ? fieldHolder(placed) : ticket.holder,
    version: ticket.version + 1,
    updatedAt: now,
  };
  const events = await deps.store.listEvents(ticket.id);
  const event: TicketEvent = {
    id: deps.ids.newId(),
    ticketId: ticket.id,
    seq: events.length + 1,
    at: now,
    actor: { userId: identity.userId, role: identity.grants[0]?.role ?? 'street', ...(identity.name ? { name: identity.name } : {}) },
    action: 'place-estate',
    from: ticket.state,
    to: ticket.state,
    note: `关联小区：${estate.name}`,
    payload: { estateId: estate.id },
  };
  await deps.store.commitTransition({ next, expectedVersion: ticket.version, event, outbox: await outboxFor(deps, next, event) });
  return viewFor(deps, identity, next);
}
