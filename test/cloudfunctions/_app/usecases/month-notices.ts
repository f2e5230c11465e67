/**
 * 整改通知 for the bulletin tests (issue 20 §1): three notices moved through the real state machine
 * (shared/governance/rectification.ts applyMove) and stored, with deadlines relative to the app's
 * clock (after makeMonth). Not a test file: imported by them.
 */
import { applyMove, type RectificationMove, type RectificationNotice } from '../../../../shared/governance/rectification';
import type { Store } from '../../../../shared/ports/store';
import { ESTATE, OTHER_ESTATE } from '../../../support/app';

const H = 3_600_000;
const HOUSING = { userId: 'u-zjj', role: 'department' as const, unitId: 'yongning.zjj' };
const WANGYUAN = { userId: 'u-street-x', role: 'street' as const, unitId: 'yongning.t.wangyuan' };
const COMPANY = { userId: 'u-pc', role: 'property' as const };

function moved(n: RectificationNotice, moves: RectificationMove[]): RectificationNotice {
  return moves.reduce((cur, m) => {
    const r = applyMove(cur, m);
    if (!r.ok) throw new Error(`${m.kind}: ${r.code}`);
    return r.next;
  }, n);
}

/**
 * Stores: ZG-1 against 恒安 at 锦绣花园 by the 住建局, unanswered past its deadline (逾期未整改);
 * ZG-2 against 望远新村's company by 望远镇, answered late and accepted (逾期后整改销号);
 * ZG-3 at 锦绣花园, answered on time (not in the bulletin). Answers the three.
 */
export async function seedNotices(store: Store, now: string): Promise<RectificationNotice[]> {
  const t = (hours: number) => new Date(Date.parse(now) + hours * H).toISOString();
  const base = (id: string, over: Partial<RectificationNotice>): RectificationNotice => ({
    id,
    no: `ZG-YN-${id}`,
    jurisdiction: 'yongning',
    estateId: ESTATE.id,
    townshipId: ESTATE.townshipId,
    companyId: 'pc-hengan',
    addressee: 'company',
    problem: '消防通道堆放杂物',
    basis: '二(二)1(2)',
    measures: '清理杂物',
    issuedAt: t(-40),
    deadline: t(-20),
    status: 'open',
    closedAt: null,
    ticketIds: [],
    issuerUnitId: 'yongning.zjj',
    issuedBy: HOUSING,
    overdueAt: null,
    answers: [],
    reviews: [],
    version: 1,
    updatedAt: t(-40),
    ...over,
  });
  const answer = (hours: number): RectificationMove => ({ kind: 'answer', at: t(hours), by: COMPANY, note: '已整改', photos: [] });
  const notices = [
    moved(base('0001', {}), [{ kind: 'mark-overdue', at: t(-19) }]),
    moved(base('0002', { estateId: OTHER_ESTATE.id, townshipId: OTHER_ESTATE.townshipId, companyId: 'pc-other', issuerUnitId: 'yongning.t.wangyuan', issuedBy: WANGYUAN, problem: '电梯维保记录缺失', basis: '' }), [
      { kind: 'mark-overdue', at: t(-19) },
      answer(-10),
      { kind: 'accept', at: t(-5), by: WANGYUAN },
    ]),
    moved(base('0003', {}), [answer(-25), { kind: 'accept', at: t(-22), by: HOUSING }]),
  ];
  for (const n of notices) await store.createRectificationNotice(n);
  return notices;
}
