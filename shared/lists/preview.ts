/**
 * The preview before activation (issue 19): for every category, the lead and co-responsible units
 * under the version that routes today and under the draft, with the changes flagged. Routed at
 * jurisdiction level (no estate): "各县(市)区…" units read as the document names them.
 */
import type { Registry } from '../jurisdictions/registry';
import { route } from '../routing/route';
import { CATEGORIES, type CategoryCode } from '../taxonomy/categories';

export interface PreviewSide {
  lead: string[];
  responsible: string[];
  /** "item" of each basis, with the document: "《…》二(二)1(6)". */
  basis: string[];
  versionId: string;
}

export interface PreviewRow {
  category: CategoryCode;
  label: string;
  current: PreviewSide;
  draft: PreviewSide;
  leadChanged: boolean;
  responsibleChanged: boolean;
  changed: boolean;
}

/** A created jurisdiction's first version has nothing routing before it: its current side is empty. */
const NONE: PreviewSide = { lead: [], responsible: [], basis: [], versionId: '' };

function side(registry: Registry, jurisdiction: string, category: CategoryCode): PreviewSide {
  if (!registry.list(jurisdiction)) return NONE;
  const d = route({ jurisdiction, category }, registry);
  return {
    lead: d.lead.map((u) => u.name),
    responsible: d.responsible.map((u) => u.name),
    basis: d.basis.map((b) => `《${b.source}》${b.item}`),
    versionId: d.versionId,
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function previewVersion(current: Registry, draft: Registry, jurisdiction: string): PreviewRow[] {
  return CATEGORIES.map((c) => {
    const now = side(current, jurisdiction, c.code);
    const next = side(draft, jurisdiction, c.code);
    const leadChanged = !same(now.lead, next.lead);
    const responsibleChanged = !same(now.responsible, next.responsible);
    return { category: c.code, label: c.label, current: now, draft: next, leadChanged, responsibleChanged, changed: leadChanged || responsibleChanged || !same(now.basis, next.basis) };
  });
}
