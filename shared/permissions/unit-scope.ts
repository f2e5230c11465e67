/**
 * Units a ticket may be whistled, re-routed or handed over to (issue 14): the units its route
 * named, or a department of its own jurisdiction's list or of a parent list (Yongning → Yinchuan).
 * A unit of another jurisdiction would strand the ticket: its officers are notified but may not act.
 */
import type { Ticket } from '../domain/ticket';
import { REGISTRY } from '../jurisdictions';

export function unitsOutsideChain(ticket: Pick<Ticket, 'jurisdiction' | 'route'>, units: readonly string[]): string[] {
  const routed = new Set([...ticket.route.lead, ...ticket.route.responsible].map((u) => u.id));
  const chain = REGISTRY.chain(ticket.jurisdiction);
  return units.filter((u) => !routed.has(u) && !chain.some((list) => list.departments.some((d) => d.id === u)));
}
