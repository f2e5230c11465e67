import type { Holder, Ticket } from '../domain/ticket';

/** The grid worker of the estate; the street when the estate has no grid; else the leadership office. */
export function fieldHolder(ticket: Pick<Ticket, 'gridId' | 'streetId' | 'jurisdiction'>): Holder {
  if (ticket.gridId) return { kind: 'grid', ids: [ticket.gridId] };
  return streetHolder(ticket);
}

export function streetHolder(ticket: Pick<Ticket, 'streetId' | 'jurisdiction'>): Holder {
  if (ticket.streetId) return { kind: 'street', ids: [ticket.streetId] };
  return { kind: 'leadership', ids: [ticket.jurisdiction] };
}

/**
 * Who must act next in the ticket's (new) state. The one exception, verify-fail, is applied by
 * applyTransition: it goes back to the resolving unit only.
 */
export function holderFor(ticket: Ticket): Holder {
  switch (ticket.state) {
    case 'submitted':
    case 'accepted':
    case 'handling':
    case 'resolved': // the grid worker verifies the department's work
      return fieldHolder(ticket);
    case 'whistled':
    case 'acknowledged':
    case 'on_site':
      return { kind: 'units', ids: [...ticket.assignedUnits] };
    case 'returned':
      return streetHolder(ticket);
    case 'verified':
      return { kind: 'resident', ids: [ticket.reporter.userId] };
    case 'reopened':
      return ticket.resolvedBy ? { kind: 'units', ids: [ticket.resolvedBy] } : fieldHolder(ticket);
    case 'closed':
    case 'rejected':
    case 'merged':
      return { kind: 'none', ids: [] };
  }
}
