/**
 * What `ticket.jurisdictionDirectory` answers a 示例县 officer (示例县 is a test fixture, not a real
 * place: test/fixtures/county/README.md), computed the way the server computes it from the stored
 * records — the fixture unit table through parseUnitsTable, the fixture list through
 * parseListTable, an active version, directoryRegistry (the router's live registry), then
 * deviceDirectory for the officer's grants — so that a page test receives the server's shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoleGrant } from '../../../shared/domain/roles';
import { BUNDLED_REGISTRY } from '../../../shared/jurisdictions';
import { deviceDirectory } from '../../../shared/jurisdictions/device-directory';
import { directoryRegistry, storedList, type StoredJurisdiction } from '../../../shared/jurisdictions/stored';
import { LIST_COLUMNS, parseListTable } from '../../../shared/lists/import';
import { parseUnitsTable } from '../../../shared/lists/units-import';
import { LIST_V1, SHILI_DOCUMENT } from '../../fixtures/county/shili-lists';

const AT = '2026-11-20T02:00:00.000Z';

export function shiliDirectory(grants: RoleGrant[]) {
  const created: StoredJurisdiction = { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan', departments: [], townships: [], leadershipOffice: null, createdAt: AT, createdBy: 'u-admin-yc', updatedAt: AT, updatedBy: 'u-admin-yc' };
  const csv = readFileSync(join(__dirname, '../../fixtures/county/shili-units.csv'), 'utf8');
  const units = parseUnitsTable(
    csv.split('\n').filter((line) => line.trim()).map((line) => line.split(',')),
    { jurisdiction: created, referenced: new Set() },
  );
  if (!units.ok) throw new Error(`fixture units: ${JSON.stringify(units.errors)}`);
  const stored: StoredJurisdiction = { ...created, departments: units.directory.departments, townships: units.directory.townships, leadershipOffice: units.directory.leadershipOffice };
  const empty = { versionId: 'none', effectiveFrom: null, sources: [], rows: [], defaultRow: { id: 'none', basis: [], lead: [], responsible: [] } };
  const imported = parseListTable([[...LIST_COLUMNS], ...LIST_V1], {
    list: storedList(stored, empty),
    registry: BUNDLED_REGISTRY,
    created: true,
    versionId: 'shili.v1',
    document: SHILI_DOCUMENT,
    createdAt: AT,
    createdBy: 'u-admin-yc',
  });
  if (!imported.ok) throw new Error(`fixture list: ${JSON.stringify(imported.errors)}`);
  const active = { ...imported.version, status: 'active' as const, effectiveFrom: '2026-11-20', activatedAt: AT, activatedBy: 'u-admin-yc' };
  const { registry } = directoryRegistry([...BUNDLED_REGISTRY.lists.values()], [stored], [active]);
  return { ...deviceDirectory(registry, [stored], grants), unchanged: false as const };
}
