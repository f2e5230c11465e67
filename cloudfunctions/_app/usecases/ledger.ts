/**
 * The 九不准 ledger (issue 6 §6; 001_c21a685cf9840a30.txt 序号3): street or 住建 officers confirm
 * breaches from tickets; each company's distinct items per assessment year climb the sanction ladder.
 * The ledger holds no reporter data, and a company's own users see even less (no ticket ids, no notes).
 */
import { standingRecordFor } from '../../../shared/assessment/standing-record';
import type { Identity } from '../../../shared/domain/roles';
import type { NineItem, Violation } from '../../../shared/domain/violation';
import { REGISTRY } from '../../../shared/jurisdictions';
import {
  assessmentYear,
  byLadder,
  companyLedger,
  housingScope,
  LADDER,
  LADDER_REFERRAL,
  mayConfirmViolation,
  NINE_PROHIBITIONS,
  NINE_SOURCE,
  nineProhibition,
} from '../../../shared/ledger';
import { actorFor } from '../../../shared/permissions';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { recordOnTicket } from './groups';
import { AUTH_OPTIONS, loadTicket } from './support';

export const LEDGER_CODES = {
  /** The ticket's estate has no property company on record. */
  noCompany: 'LEDGER.NO_COMPANY',
  /** This ticket already confirmed this item. */
  duplicate: 'LEDGER.ALREADY_CONFIRMED',
} as const;

/** What staff read of an entry. */
export function staffEntry(v: Violation) {
  return {
    id: v.id,
    item: v.item,
    ticketId: v.ticketId,
    ticketNo: v.ticketNo,
    estateId: v.estateId,
    streetId: v.streetId,
    category: v.category,
    note: v.note,
    confirmedAt: v.confirmedAt,
    confirmedBy: v.confirmedBy,
  };
}

/**
 * What the company's own users read: which item, when, where and which unit confirmed it. No ticket
 * id (the handle to a ticket and its reporter), no free-text note (it may name the resident), no
 * officer user id.
 */
export function companyEntry(v: Violation) {
  return {
    item: v.item,
    ticketNo: v.ticketNo,
    estateId: v.estateId,
    category: v.category,
    confirmedAt: v.confirmedAt,
    confirmedByUnit: v.confirmedBy.unitId ?? null,
  };
}

const childrenOf = (j: string) => [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];

/**
 * Confirms, from a ticket, that the estate's property company broke 九不准 item 1–9: stored in the
 * ledger and written on the ticket's timeline as 'violation-confirmed'. Once per ticket and item.
 */
export async function confirmViolation(deps: AppDeps, identity: Identity, input: { ticketId: string; item: NineItem; note: string }) {
  const ticket = await loadTicket(deps, input.ticketId);
  const estate = ticket.estateId ? await deps.store.getEstate(ticket.estateId) : null;
  const auth = mayConfirmViolation(identity, ticket, estate, AUTH_OPTIONS);
  if (!auth.ok) throw new AppError(auth.code, auth.message, 403);
  const companyId = ticket.propertyCompanyId;
  if (!companyId) throw new AppError(LEDGER_CODES.noCompany, '该工单所在小区没有登记物业服务企业，无法记入台账', 400);
  const id = `v:${ticket.id}:${input.item}`;
  if ((await deps.store.listViolations({ companyId })).some((v) => v.id === id)) {
    throw new AppError(LEDGER_CODES.duplicate, `该工单已认定违反“九不准”第${input.item}条`, 409);
  }
  const verdict = await deps.content.checkText(input.note, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);

  const now = deps.clock.now();
  const actor = actorFor(identity, auth);
  const violation: Violation = {
    id,
    companyId,
    item: input.item,
    year: assessmentYear(now),
    jurisdiction: ticket.jurisdiction,
    ticketId: ticket.id,
    ticketNo: ticket.no,
    estateId: ticket.estateId,
    streetId: ticket.streetId,
    category: ticket.category,
    note: input.note,
    confirmedAt: now,
    confirmedBy: actor,
  };
  // The ledger first: it is what the ladder reads. The timeline entry follows (retried on a race).
  await deps.store.putViolation(violation);
  const prohibition = nineProhibition(input.item);
  await recordOnTicket(deps, ticket.id, (current, seq, at) => ({
    next: { ...current, version: current.version + 1, updatedAt: at },
    event: {
      id: deps.ids.newId(),
      ticketId: current.id,
      seq,
      at,
      actor,
      action: 'violation-confirmed',
      from: current.state,
      to: current.state,
      note: `认定物业服务企业违反“九不准”第${input.item}条：${prohibition.text}`,
      payload: { item: input.item, violationId: id, companyId },
    },
  }));
  const counted = await deps.store.listViolations({ companyId, year: violation.year });
  await recordStanding(deps, violation, counted);
  return { violation: staffEntry(violation), ledger: companyLedger({ companyId, year: violation.year, counted, entries: counted.map(staffEntry) }) };
}

/**
 * Stores the change of star level / credit status this breach caused, if any (issue 20 §4), with
 * who confirmed it and when. Its id follows the breach's, so a retried confirmation adds nothing.
 */
async function recordStanding(deps: AppDeps, violation: Violation, counted: readonly Violation[]): Promise<void> {
  const company = (await deps.store.listPropertyCompanies()).find((c) => c.id === violation.companyId);
  const record = standingRecordFor({ confirmed: violation, ratedStars: company?.ratedStars ?? null, violations: counted });
  if (record) await deps.store.addStandingRecord(record);
}

type Scope =
  | { kind: 'company'; companies: Set<string> }
  | { kind: 'staff'; jurisdictions: Set<string>; streets: Set<string> | null };

/**
 * Who reads the ledger: leadership, admin and 住建 officers for their jurisdiction (and its
 * children); street officers for breaches confirmed on their streets; a property company's users
 * for their own company. A property grant wins over any other grant (as for reporter privacy).
 */
function ledgerScope(identity: Identity): Scope {
  const property = identity.grants.filter((g) => g.role === 'property' && g.company);
  if (property.length) return { kind: 'company', companies: new Set(property.map((g) => g.company as string)) };
  const jurisdictions = new Set<string>();
  const streets = new Set<string>();
  let wholeJurisdiction = false;
  for (const g of identity.grants) {
    const housing = g.role === 'department' && (g.units ?? []).some((u) => housingScope(u) !== null);
    if (g.role === 'leadership' || g.role === 'admin' || housing) {
      for (const j of childrenOf(g.jurisdiction)) jurisdictions.add(j);
      wholeJurisdiction = true;
    } else if (g.role === 'street') {
      jurisdictions.add(g.jurisdiction);
      for (const s of g.streets ?? []) streets.add(s);
    }
  }
  if (!jurisdictions.size) throw new AppError('AUTH.FORBIDDEN', '仅领导小组办公室、住建部门、属地街道和物业服务企业本身可以查看“九不准”台账', 403);
  return { kind: 'staff', jurisdictions, streets: wholeJurisdiction ? null : streets };
}

/**
 * The ledger of an assessment year, per company: the distinct items broken (each with the entries
 * the caller may see), the count and the ladder step with its measures. The count always covers all
 * of the company's confirmed breaches of the year, whoever looks.
 */
export async function ledger(deps: AppDeps, identity: Identity, input: { companyId?: string | undefined; year: number }) {
  const scope = ledgerScope(identity);
  let visible: Violation[];
  if (scope.kind === 'company') {
    if (input.companyId !== undefined && !scope.companies.has(input.companyId)) {
      throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本企业的台账', 403);
    }
    const ids = input.companyId !== undefined ? [input.companyId] : [...scope.companies];
    visible = (await Promise.all(ids.map((companyId) => deps.store.listViolations({ companyId, year: input.year })))).flat();
  } else {
    const lists = await Promise.all(
      [...scope.jurisdictions].map((jurisdiction) =>
        deps.store.listViolations({ jurisdiction, year: input.year, ...(input.companyId !== undefined ? { companyId: input.companyId } : {}) }),
      ),
    );
    visible = lists.flat().filter((v) => !scope.streets || (v.streetId !== null && scope.streets.has(v.streetId)));
  }
  const companyIds = [...new Set(visible.map((v) => v.companyId))];
  const counted = (await Promise.all(companyIds.map((companyId) => deps.store.listViolations({ companyId, year: input.year })))).flat();
  const names = new Map((await deps.store.listPropertyCompanies()).map((c) => [c.id, c.name]));
  const toEntry = (v: Violation): ReturnType<typeof companyEntry> | ReturnType<typeof staffEntry> => (scope.kind === 'company' ? companyEntry(v) : staffEntry(v));
  const companies = companyIds
    .map((companyId) => companyLedger({ companyId, year: input.year, counted, entries: visible.filter((v) => v.companyId === companyId).map(toEntry) }))
    .sort(byLadder)
    .map((c) => ({ ...c, companyName: names.get(c.companyId) ?? null }));
  return {
    year: input.year,
    companies,
    nine: NINE_PROHIBITIONS.map((p) => ({ item: p.item, text: p.text })),
    ladder: LADDER.map((s) => ({ level: s.level, threshold: s.threshold, clause: s.clause, measures: s.measures })),
    referral: LADDER_REFERRAL,
    source: NINE_SOURCE,
    /** Where the reading of the ladder is decided (distinct items, calendar year). */
    counting: '按企业、按考核年度（北京时间自然年）统计被认定违反的不同条款数：同一条款多次违反计为1条，每次认定均记入台账。',
    coverage: scope.kind === 'company' ? 'company' : scope.streets ? 'streets' : 'jurisdiction',
  };
}

