/**
 * A property company's star level and credit status where staff meet the company (issue 20 §4: "A
 * 黑名单 company is flagged wherever it appears"): the 考核 table, the "123" class view, the
 * 执法进小区 table and the staff ticket. Computed from the year's confirmed 九不准 breaches by the one
 * ladder (shared/assessment standingFor), the same figure the 考核 table shows.
 *
 * Never on a public surface. 003 asks the 市住建局 to "依法依规公开企业信用记录和评价结果" and 004 to
 * publish the 信用等级评定 "定期向社会公布": publication is an act of the 住建 unit under law, and the
 * status here is built from residents' complaints, which never reach a public surface (DESIGN.md §2).
 */
import { standingFor, type Standing } from '../../../shared/assessment';
import { assessmentYear } from '../../../shared/ledger';
import type { AppDeps } from '../context';

export interface CompanyFlag {
  companyId: string;
  name: string;
  credit: Standing['credit'];
  creditLabel: string;
  stars: number | null;
  blacklisted: boolean;
}

/** The flags of these companies in the assessment year of `now` (one violations read per company). */
export async function companyFlags(deps: AppDeps, companyIds: readonly string[]): Promise<Map<string, CompanyFlag>> {
  const ids = [...new Set(companyIds)];
  if (!ids.length) return new Map();
  const year = assessmentYear(deps.clock.now());
  const [companies, violations] = await Promise.all([
    deps.store.listPropertyCompanies(),
    Promise.all(ids.map((companyId) => deps.store.listViolations({ companyId, year }))).then((x) => x.flat()),
  ]);
  const out = new Map<string, CompanyFlag>();
  for (const companyId of ids) {
    const company = companies.find((c) => c.id === companyId);
    const s = standingFor({ companyId, year, ratedStars: company?.ratedStars ?? null, violations });
    out.set(companyId, { companyId, name: company?.name ?? companyId, credit: s.credit, creditLabel: s.creditLabel, stars: s.stars, blacklisted: s.blacklisted });
  }
  return out;
}

/** One company's flag, or null without a company. */
export async function companyFlag(deps: AppDeps, companyId: string | null | undefined): Promise<CompanyFlag | null> {
  if (!companyId) return null;
  return (await companyFlags(deps, [companyId])).get(companyId) ?? null;
}
