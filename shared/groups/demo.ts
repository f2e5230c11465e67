import type { Estate } from '../domain/directory';

/**
 * Demo owner groups for the local runtime's demo-user picker, where no WeChat group exists to open
 * a binding card in. Each estate has the same two groups, derived from its id and name, so that the
 * list is fixed without a table: `demo.<estateId>.1` 「<小区>业主群」 and `demo.<estateId>.2`
 * 「<小区>业主二群」. Their stand-in openGId is `demo:<demoGroupId>`. Only the local runtime accepts them.
 */
export interface DemoGroup {
  demoGroupId: string;
  estateId: string;
  name: string;
  /** What stands in for WeChat's openGId. */
  openGId: string;
}

const SUFFIXES = ['业主群', '业主二群'] as const;

export function demoGroupsOf(estate: Pick<Estate, 'id' | 'name'>): DemoGroup[] {
  return SUFFIXES.map((suffix, i) => {
    const demoGroupId = `demo.${estate.id}.${i + 1}`;
    return { demoGroupId, estateId: estate.id, name: `${estate.name}${suffix}`, openGId: `demo:${demoGroupId}` };
  });
}

/** The estate and number a demo group id names, or null when it is not one of the fixed shapes. */
export function parseDemoGroupId(demoGroupId: string): { estateId: string; n: number } | null {
  const m = /^demo\.(.+)\.([0-9]+)$/.exec(demoGroupId);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[2]);
  return n >= 1 && n <= SUFFIXES.length ? { estateId: m[1], n } : null;
}
