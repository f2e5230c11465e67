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

/** One basis row a unit leads for this estate: its 职责 as the responsibility list words it. */
export interface NoticeboardDuty {
  source: string;
  item: string;
  text: string;
  /** The categories this row gives the unit here. */
  categories: CategoryCode[];
}

/** A unit on the full noticeboard (issue 20 §5): duties from the list, contact person, phone, 投诉举报电话. */
export interface NoticeboardEntry extends NoticeboardUnit {
  duties: NoticeboardDuty[];
  contactPerson: string | null;
  phone: string | null;
  complaintPhone: string | null;
}

/**
 * 12345, on every noticeboard. 004 三(一)3, quoted: "政务服务和公共资源交易中心（12345政务服务便民热线）：
 * 负责统筹协调承办单位对本辖区有关物业管理工作方面工单的催办、督办和统计分析工作。"
 */
export const HOTLINE_12345 = {
  name: '12345政务服务便民热线',
  phone: '12345',
  duty: '负责统筹协调承办单位对本辖区有关物业管理工作方面工单的催办、督办和统计分析工作',
  basis: { source: '004_130a68cab0166a86.txt', item: '三(一)3' },
} as const;

export interface FullNoticeboard {
  units: NoticeboardEntry[];
  hotline: typeof HOTLINE_12345;
}

interface ContactLike {
  unitId: string;
  phone: string;
  contactPerson?: string;
  complaintPhone?: string;
}

/**
 * The full 执法部门职责及联系人公告牌 of an estate: every unit routing names as lead here, in
 * noticeboardUnits' order, each with the list rows it leads (source, item, quoted text and the
 * categories) and its contact as the administrator entered it (null where none is entered: the
 * page says so rather than inventing a number); 12345 always.
 */
export function fullNoticeboard(place: EstatePlace, contacts: readonly ContactLike[]): FullNoticeboard {
  const byContact = new Map(contacts.map((c) => [c.unitId, c]));
  const duties = new Map<string, Map<string, NoticeboardDuty>>();
  for (const cat of CATEGORIES) {
    const decision = route({ jurisdiction: place.jurisdiction, category: cat.code, estate: place });
    for (const unit of decision.lead) {
      const rows = duties.get(unit.id) ?? new Map<string, NoticeboardDuty>();
      for (const b of decision.basis) {
        const key = `${b.source}|${b.item}|${b.text}`;
        const row = rows.get(key) ?? { source: b.source, item: b.item, text: b.text, categories: [] };
        row.categories.push(cat.code);
        rows.set(key, row);
      }
      duties.set(unit.id, rows);
    }
  }
  const units = noticeboardUnits(place).map((u) => {
    const c = byContact.get(u.id);
    return {
      ...u,
      duties: [...(duties.get(u.id)?.values() ?? [])],
      contactPerson: c?.contactPerson ?? null,
      phone: c?.phone ?? null,
      complaintPhone: c?.complaintPhone ?? null,
    };
  });
  return { units, hotline: HOTLINE_12345 };
}
