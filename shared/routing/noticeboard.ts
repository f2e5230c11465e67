/**
 * The estate noticeboard (执法部门职责及联系人公告牌, 004 三(一)4): each unit that leads a category for
 * this estate, with the categories it leads, derived from the same routing as reports.
 */
import type { UnitRef } from '../domain/ticket';
import { CATEGORIES, type CategoryCode } from '../taxonomy/categories';
import { route, type EstatePlace } from './route';

export interface NoticeboardUnit extends UnitRef {
  leads: CategoryCode[];
}

export function noticeboardUnits(place: EstatePlace): NoticeboardUnit[] {
  const byUnit = new Map<string, NoticeboardUnit>();
  for (const cat of CATEGORIES) {
    for (const unit of route({ jurisdiction: place.jurisdiction, category: cat.code, estate: place }).lead) {
      const entry = byUnit.get(unit.id) ?? { ...unit, leads: [] };
      entry.leads.push(cat.code);
      byUnit.set(unit.id, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => b.leads.length - a.leads.length || a.id.localeCompare(b.id));
}
