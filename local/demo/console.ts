/** A short list of demo users to try, for the `npm start` banner (the full list is GET /api/dev/users). */
import { ROLE_LABELS } from '../../shared/domain/roles';
import { JURISDICTION_IDS, REGISTRY } from '../../shared/jurisdictions';
import type { Store } from '../../shared/ports/store';

/** Per jurisdiction: a resident, a grid worker, a street officer, the housing department, police, office, admin, property. */
export async function listDemoUsersForConsole(store: Store): Promise<string[]> {
  const users = await store.listUsers({ demo: true });
  const lines: string[] = [];
  for (const j of JURISDICTION_IDS) {
    const housing = REGISTRY.list(j)?.departments.find((d) => d.kind === 'housing')?.id;
    const picks = [
      users.find((u) => u.id === `demo.${j}.resident1`),
      users.find((u) => u.grants.some((g) => g.role === 'grid' && g.jurisdiction === j)),
      users.find((u) => u.grants.some((g) => g.role === 'street' && g.jurisdiction === j)),
      users.find((u) => housing !== undefined && u.id === `demo.dept.${housing}`),
      users.find((u) => u.id === `demo.${j}.police`),
      users.find((u) => u.id === `demo.${j}.leadership`),
      users.find((u) => u.id === `demo.${j}.admin`),
      users.find((u) => u.grants.some((g) => g.role === 'property' && g.jurisdiction === j)),
    ];
    lines.push(`【${REGISTRY.list(j)?.name ?? j}】`);
    for (const u of picks) {
      if (!u) continue;
      const role = u.grants.find((g) => g.role !== 'resident')?.role ?? 'resident';
      lines.push(`  ${u.id.padEnd(38)} ${u.name}（${ROLE_LABELS[role]}）`);
    }
  }
  return lines;
}
