import { route } from '../../../shared/routing/route';

/** Unit names of a route, for tables that read like the documents. */
export function routeNames(jurisdiction: string, category: string, estate?: { areaId?: string; townshipId?: string }) {
  const d = route({ jurisdiction, category, estate: estate ? { jurisdiction, ...estate } : null });
  return {
    lead: d.lead.map((u) => u.name),
    responsible: d.responsible.map((u) => u.name),
    items: d.basis.map((b) => `${b.source.slice(0, 3)} ${b.item}`),
    row: d.rowId,
  };
}
