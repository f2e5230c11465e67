/** Unit names and the unit choices of whistle, re-route and hand-over, from the responsibility lists (REGISTRY). */
import type { Holder, Ticket, UnitRef } from '../../../shared/domain/ticket';
import { REGISTRY } from '../../../shared/jurisdictions';
import { getCategory } from '../../../shared/taxonomy/categories';

type Routed = Pick<Ticket, 'route'>;

/** Township (street) names by id, over every list; built again when another registry is installed (lib/directory.ts). */
let townships: { from: unknown; names: Map<string, string> } | null = null;
function townshipName(id: string): string | undefined {
  const lists = REGISTRY.lists;
  if (townships?.from !== lists) townships = { from: lists, names: new Map([...lists.values()].flatMap((l) => l.townships.map((t) => [t.id, t.name] as const))) };
  return townships.names.get(id);
}

/** A unit's name: the directory's, else the name the ticket's route gives it, else the township's, else the id. */
export function unitName(id: string, ticket?: Routed | null): string {
  const dept = REGISTRY.department(id);
  if (dept) return dept.name;
  const routed = ticket ? [...ticket.route.lead, ...ticket.route.responsible].find((u) => u.id === id) : undefined;
  return routed?.name ?? townshipName(id) ?? id;
}

export function unitNames(ids: readonly string[], ticket?: Routed | null): string {
  return ids.length ? ids.map((id) => unitName(id, ticket)).join('、') : '—';
}

/** Name of the leadership office (领导小组办公室) of a jurisdiction, the top of the escalation ladder. */
export function leadershipOfficeName(jurisdiction: string): string {
  const office = REGISTRY.list(jurisdiction)?.leadershipOffice;
  return (office && REGISTRY.department(office)?.name) || '领导小组办公室';
}

/** "当前处理：…": who must act next, so that nobody has to ask who is late. */
export function holderText(holder: Holder, ticket: Ticket): string {
  switch (holder.kind) {
    case 'grid':
      return '本小区网格员';
    case 'street':
      return unitNames(holder.ids, ticket);
    case 'units':
      return holder.ids
        .map((id) => `${unitName(id, ticket)}${ticket.acknowledgedUnits.includes(id) ? '（已报到）' : '（待报到）'}`)
        .join('、');
    case 'leadership':
      return leadershipOfficeName(holder.ids[0] ?? ticket.jurisdiction);
    case 'resident':
      return '居民（待确认）';
    case 'none':
      return '无（已结束）';
  }
}

function dedupe(units: readonly UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return units.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

/** Whistle choices: the routed lead and co-responsible units (lead first). */
export function whistleCandidates(ticket: Ticket): UnitRef[] {
  return dedupe([...ticket.route.lead, ...ticket.route.responsible]);
}

/**
 * Re-route and hand-over choices: the ticket's routed units, then every department of the
 * jurisdiction and its parents. The leadership office is the escalation target, not a handler;
 * a property company never handles a complaint about property-company conduct (DESIGN.md §2).
 */
export function rerouteCandidates(ticket: Ticket): UnitRef[] {
  const aboutProperty = getCategory(ticket.category).aboutPropertyCompany;
  const departments = REGISTRY.chain(ticket.jurisdiction)
    .flatMap((list) => list.departments)
    .filter((d) => d.kind !== 'leadership' && !(aboutProperty && d.kind === 'property'))
    .map((d) => ({ id: d.id, name: d.name }));
  return dedupe([...whistleCandidates(ticket), ...departments]);
}
