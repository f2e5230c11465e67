/**
 * Demo governance records (issue 20 §1–2), so that `npm start` shows the rectification ledger and
 * the "123" classes: per jurisdiction, on its last estate with a property company, one 整改通知
 * already past its deadline (marked overdue, as the sweep would) from the 住建 unit and one the
 * company has answered, awaiting the street's acceptance; that estate in a "123" class set by its
 * street. The first estate of each jurisdiction is left as it was (未评定, no notices): the browser
 * stories classify it and issue its notices themselves, and no demo record waits for the sweep.
 * Written only when missing (fixed ids), so a second seed changes nothing.
 */
import type { Estate, User } from '../../shared/domain/directory';
import type { EstateClass, EstateClassChange } from '../../shared/governance/estate-class';
import type { RectificationNotice } from '../../shared/governance/rectification';
import { REGISTRY } from '../../shared/jurisdictions';
import type { Store } from '../../shared/ports/store';
import { deptUserId } from './people';

const DAY_MS = 86_400_000;
const at = (now: string, days: number) => new Date(Date.parse(now) + days * DAY_MS).toISOString();

interface NoticeSpec {
  key: string;
  by: 'housing' | 'street';
  problem: string;
  basis: string;
  measures: string;
  /** Days from now: issued and deadline. */
  issued: number;
  deadline: number;
}

const NOTICES: readonly NoticeSpec[] = [
  {
    key: 'overdue',
    by: 'housing',
    problem: '地下车库堆放大量杂物，占用消防通道，经多次口头提醒仍未清理',
    basis: '“九不准”及小区消防通道管理规定',
    measures: '清理地下车库杂物，恢复消防通道畅通，并报送整改前后照片',
    issued: -10,
    deadline: -3,
  },
  {
    key: 'answered',
    by: 'street',
    problem: '小区公告栏未公示公共收益收支和公共水电分摊情况',
    basis: '物业服务六公开要求',
    measures: '在公告栏公示本年度公共收益收支明细和公共水电分摊情况',
    issued: -2,
    deadline: 5,
  },
];

const CLASS: { class: EstateClass; reason: string } = { class: 'remediation', reason: '投诉较多，存在逾期未整改事项，纳入重点整治清单' };
const ANSWER = '已在小区公告栏公示本年度公共收益收支明细和公共水电分摊情况';

function housingUnit(jurisdiction: string): string | null {
  return REGISTRY.list(jurisdiction)?.departments.find((d) => d.kind === 'housing')?.id ?? null;
}

export async function seedDemoGovernance(store: Store, now: string, estates: readonly Estate[], users: readonly User[]): Promise<{ rectifications: number; classes: number }> {
  const written = { rectifications: 0, classes: 0 };
  const userById = new Map(users.map((u) => [u.id, u]));
  const jurisdictions = [...new Set(estates.map((e) => e.jurisdiction))];
  for (const j of jurisdictions) {
    const mine = estates.filter((e) => e.jurisdiction === j);
    const target = [...mine].reverse().find((e) => e.propertyCompanyId);
    const housing = housingUnit(j);
    if (target) {
      for (const spec of NOTICES) {
        const street = userById.get(`demo.street.${target.townshipId}`);
        const officer = spec.by === 'housing' && housing ? userById.get(deptUserId(housing)) : street;
        if (!officer) continue;
        const unitId = spec.by === 'housing' && housing ? housing : target.townshipId;
        const issuedAt = at(now, spec.issued);
        const deadline = at(now, spec.deadline);
        const overdue = spec.key === 'overdue';
        const company = userById.get(`demo.property.${target.propertyCompanyId}`);
        const answeredAt = at(now, -1);
        if (!overdue && !company) continue;
        const notice: RectificationNotice = {
          id: `demo-rn-${target.id}-${spec.key}`,
          no: `ZG-DEMO-${j.toUpperCase()}-${spec.key === 'overdue' ? '0001' : '0002'}`,
          jurisdiction: j,
          estateId: target.id,
          townshipId: target.townshipId,
          companyId: target.propertyCompanyId,
          addressee: 'company',
          problem: spec.problem,
          basis: spec.basis,
          measures: spec.measures,
          issuedAt,
          deadline,
          status: overdue ? 'overdue' : 'answered',
          closedAt: null,
          ticketIds: [],
          issuerUnitId: unitId,
          issuedBy: { userId: officer.id, role: spec.by === 'housing' ? 'department' : 'street', unitId, name: officer.name },
          // As the sweep marks it: on its first run after the deadline.
          overdueAt: overdue ? at(deadline, 5 / (24 * 60)) : null,
          // Answered notices carry no photo: the seed has no file store.
          answers: overdue || !company ? [] : [{ at: answeredAt, by: { userId: company.id, role: 'property', name: company.name }, note: ANSWER, photos: [] }],
          reviews: [],
          version: 2,
          updatedAt: overdue ? at(deadline, 5 / (24 * 60)) : answeredAt,
        };
        if (await store.createRectificationNotice(notice)) written.rectifications += 1;
      }
    }
    if (!target) continue;
    const estate = target;
    const street = userById.get(`demo.street.${estate.townshipId}`);
    const classified = (await store.listEstateClassChanges({ estateIds: [estate.id] })).length > 0;
    if (street && !classified) {
      const spec = CLASS;
      const change: EstateClassChange = {
        id: `demo-class-${estate.id}`,
        estateId: estate.id,
        jurisdiction: j,
        townshipId: estate.townshipId,
        class: spec.class,
        previous: null,
        reason: spec.reason,
        setAt: at(now, -20),
        setBy: { userId: street.id, name: street.name, unitId: estate.townshipId, role: 'street' },
      };
      await store.addEstateClassChange(change);
      written.classes += 1;
    }
  }
  return written;
}
