/**
 * The "123" classification (issue 20 §2): the 2023 物业提升"123"专项行动 sorts estates into three
 * groups, “示范引領一批、規范運營一批、整治提升一批” (002_bbc741157aca8db7.txt 一、工作目标; 000 序号6:
 * "做到“提升一批”“规范一批”“清退一批”"). Each estate carries one class at a time, with its history.
 */
export const ESTATE_CLASSES = ['model', 'standard', 'remediation'] as const;
export type EstateClass = (typeof ESTATE_CLASSES)[number];

/** The three groups as 002 三(三) names them (Simplified). */
export const ESTATE_CLASS_LABELS: Record<EstateClass, string> = {
  model: '示范引领',
  standard: '规范运营',
  remediation: '整治提升',
};

/** One change of an estate's class: who (staff name and unit, never an openid), when and why. */
export interface EstateClassChange {
  id: string;
  estateId: string;
  jurisdiction: string;
  townshipId: string;
  class: EstateClass;
  /** The class before this change; null for the first. */
  previous: EstateClass | null;
  reason: string;
  setAt: string;
  setBy: { userId: string; name: string; unitId: string | null; role: string };
}

/** The current class of each estate: its latest change (setAt, then id). */
export function currentClasses(changes: readonly EstateClassChange[]): Map<string, EstateClassChange> {
  const out = new Map<string, EstateClassChange>();
  for (const c of changes) {
    const prev = out.get(c.estateId);
    if (!prev || prev.setAt < c.setAt || (prev.setAt === c.setAt && prev.id < c.id)) out.set(c.estateId, c);
  }
  return out;
}

export interface ClassTableRow {
  townshipId: string;
  counts: Record<EstateClass | 'unclassified', number>;
  total: number;
}

/** Counts per township × class (the dashboard's table); estates without a class count as unclassified. */
export function classTable(estates: ReadonlyArray<{ id: string; townshipId: string }>, changes: readonly EstateClassChange[]): ClassTableRow[] {
  const current = currentClasses(changes);
  const rows = new Map<string, ClassTableRow>();
  for (const e of estates) {
    const row = rows.get(e.townshipId) ?? { townshipId: e.townshipId, counts: { model: 0, standard: 0, remediation: 0, unclassified: 0 }, total: 0 };
    row.counts[current.get(e.id)?.class ?? 'unclassified'] += 1;
    row.total += 1;
    rows.set(e.townshipId, row);
  }
  return [...rows.values()].sort((a, b) => (a.townshipId < b.townshipId ? -1 : a.townshipId > b.townshipId ? 1 : 0));
}
