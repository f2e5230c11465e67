/**
 * The phones an officer on the ticket may call (issue 18 §4, tap-to-call): the published contacts
 * (admin putUnitContact, the same the estate noticeboard shows) of the units named on the ticket.
 * A resident's phone is not here: it travels on the ticket's reporter, cut by redactReporter to the
 * handling chain, so whoever may not call the resident never receives the number.
 */
import type { Ticket } from '../../../shared/domain/ticket';
import type { AppDeps } from '../context';

export interface TicketContact {
  unitId: string;
  /** The unit's name as its contact record names it. */
  name: string;
  phone: string;
  contactPerson?: string;
}

/** Units on the ticket in the order an officer looks for them: 牵头, 承办, 认领, then 责任 (属地 among them). */
export function contactUnitIds(ticket: Pick<Ticket, 'route' | 'assignedUnits' | 'claimedBy'>): string[] {
  const ids = [...ticket.route.lead.map((u) => u.id), ...ticket.assignedUnits, ...(ticket.claimedBy ? [ticket.claimedBy] : []), ...ticket.route.responsible.map((u) => u.id)];
  return [...new Set(ids)];
}

export async function ticketContacts(deps: AppDeps, ticket: Ticket): Promise<TicketContact[]> {
  const ids = contactUnitIds(ticket);
  if (!ids.length) return [];
  const found = new Map((await deps.store.listUnitContacts(ids)).map((c) => [c.unitId, c]));
  return ids.flatMap((id) => {
    const c = found.get(id);
    return c ? [{ unitId: c.unitId, name: c.name, phone: c.phone, ...(c.contactPerson ? { contactPerson: c.contactPerson } : {}) }] : [];
  });
}
