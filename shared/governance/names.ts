import { REGISTRY } from '../jurisdictions';

/** A unit's name as its list gives it: a department, or a township of any list; else the id. */
export function unitName(id: string): string {
  const department = REGISTRY.department(id);
  if (department) return department.name;
  for (const list of REGISTRY.lists.values()) {
    const township = list.townships.find((t) => t.id === id);
    if (township) return township.name;
  }
  return id;
}
