import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedLateWithin, monthOverdueNotices, overdueMs, overdueWithin, statusAt, tallyOverdue } from '../../../shared/governance/month-overdue';
import { applyMove, type RectificationNotice } from '../../../shared/governance/rectification';

const DOC_000 = readFileSync(join(__dirname, '../../../docs/sources/000_54099d4cd549e82b.txt'), 'utf8');
const DOC_004 = readFileSync(join(__dirname, '../../../docs/sources/004_130a68cab0166a86.txt'), 'utf8');

const OFFICER = { userId: 'u-zjj', role: 'department' as const, unitId: 'yongning.zjj' };
const COMPANY = { userId: 'u-pc', role: 'property' as const };
const H = 3_600_000;
const DAY = 24 * H;
// November 2026 in Beijing time: [10-31T16:00Z, 11-30T16:00Z).
const NOV = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
const T = (iso: string) => Date.parse(iso);
const at = (base: string, plusMs: number) => new Date(T(base) + plusMs).toISOString();

function notice(over: Partial<RectificationNotice> = {}): RectificationNotice {
  return {
    id: 'rn-1',
    no: 'ZG-YN-20261101-0001',
    jurisdiction: 'yongning',
    estateId: 'yn-jinxiu',
    townshipId: 'yongning.t.tuanjiexilu',
    companyId: 'pc-hengan',
    addressee: 'company',
    problem: '消防通道堆放杂物',
    basis: '二(二)1(2)',
    measures: '',
    issuedAt: '2026-11-02T02:00:00.000Z',
    deadline: '2026-11-10T10:00:00.000Z',
    status: 'open',
    closedAt: null,
    ticketIds: [],
    issuerUnitId: 'yongning.zjj',
    issuedBy: OFFICER,
    overdueAt: null,
    answers: [],
    reviews: [],
    version: 1,
    updatedAt: '2026-11-02T02:00:00.000Z',
    ...over,
  };
}

/** Moves through the real state machine (shared/governance/rectification.ts applyMove). */
function run(n: RectificationNotice, ...moves: Parameters<typeof applyMove>[1][]): RectificationNotice {
  return moves.reduce((cur, m) => {
    const r = applyMove(cur, m);
    if (!r.ok) throw new Error(`${m.kind}: ${r.code}`);
    return r.next;
  }, n);
}
const answer = (iso: string) => ({ kind: 'answer' as const, at: iso, by: COMPANY, note: '已清理', photos: ['p'] });
const accept = (iso: string) => ({ kind: 'accept' as const, at: iso, by: OFFICER });
const reject = (iso: string) => ({ kind: 'reject' as const, at: iso, by: OFFICER, reason: '未清理干净' });
const overdue = (iso: string) => ({ kind: 'mark-overdue' as const, at: iso });

describe('the documents the bulletin sheet cites (限时整改)', () => {
  it('000 序号6 and 004 say what the ledger holds', () => {
    expect(DOC_000).toContain('梳理各小区存在的问题，建立问题清单、整改清单、限时整改');
    expect(DOC_004).toContain('建立台账，进行梳理分析，确定整改措施、期限、责任人');
  });
});

describe('statusAt: a notice replayed from its dated answers and reviews', () => {
  const n = run(notice(), overdue('2026-11-10T12:00:00.000Z'), answer('2026-11-12T02:00:00.000Z'), reject('2026-11-13T02:00:00.000Z'), answer('2026-11-14T02:00:00.000Z'), accept('2026-11-15T02:00:00.000Z'));
  it.each([
    ['2026-11-01T00:00:00.000Z', null],
    ['2026-11-05T00:00:00.000Z', 'open'],
    ['2026-11-10T10:00:00.000Z', 'overdue'],
    ['2026-11-12T02:00:00.000Z', 'answered'],
    ['2026-11-13T03:00:00.000Z', 'overdue'],
    ['2026-11-14T03:00:00.000Z', 'answered'],
    ['2026-11-15T02:00:00.000Z', 'accepted'],
  ])('at %s it was %s', (iso, expected) => {
    expect(statusAt(n, T(iso))).toBe(expected);
  });
  it('counts the overdue stretches only: 2 days 16 h to the first answer, then 1 day from the rejection', () => {
    // 11-10 10:00 → 11-12 02:00 = 40 h; 11-13 02:00 → 11-14 02:00 = 24 h.
    expect(overdueMs(n, T(NOV.to))).toBe(64 * H);
  });
});

describe('monthOverdueNotices: the month as it stood at its end', () => {
  it('lists a notice still unanswered at the month end, overdue since its deadline (days counted up, a started day is a day)', () => {
    const rows = monthOverdueNotices([notice()], NOV, '2026-12-05T00:00:00.000Z');
    // 11-10 10:00Z → 11-30 16:00Z = 20 days 6 h → 21.
    expect(rows).toEqual([expect.objectContaining({ no: 'ZG-YN-20261101-0001', status: 'overdue', overdueInMonth: true, closedLate: false, overdueDays: 21, closedAt: null })]);
  });

  it('reads a past month the same after later answers and acceptance (the month cut)', () => {
    const inNovember = monthOverdueNotices([notice()], NOV, '2026-12-01T00:00:00.000Z');
    const later = run(notice(), overdue('2026-11-10T12:00:00.000Z'), answer('2026-12-02T02:00:00.000Z'), accept('2026-12-03T02:00:00.000Z'));
    expect(monthOverdueNotices([later], NOV, '2026-12-05T00:00:00.000Z')).toEqual(inNovember);
    // December sees it overdue until its answer and closed late.
    const DEC = { from: NOV.to, to: '2026-12-31T16:00:00.000Z' };
    expect(monthOverdueNotices([later], DEC, '2026-12-05T00:00:00.000Z')).toEqual([
      expect.objectContaining({ status: 'accepted', overdueInMonth: true, closedLate: true, closedAt: '2026-12-03T02:00:00.000Z' }),
    ]);
  });

  it('leaves out a notice answered by its deadline, one whose deadline is after the cut, and one overdue only in an earlier month', () => {
    const onTime = run(notice({ id: 'a' }), answer('2026-11-10T10:00:00.000Z'), accept('2026-11-11T00:00:00.000Z'));
    const notYet = notice({ id: 'b', deadline: '2026-11-20T00:00:00.000Z' });
    const earlier = run(notice({ id: 'c', issuedAt: '2026-10-01T00:00:00.000Z', deadline: '2026-10-10T00:00:00.000Z' }), answer('2026-10-20T00:00:00.000Z'), accept('2026-10-21T00:00:00.000Z'));
    expect(monthOverdueNotices([onTime, notYet, earlier], NOV, '2026-11-15T00:00:00.000Z')).toEqual([]);
    // The same October notice is that month's (overdue, closed late).
    const OCT = { from: '2026-09-30T16:00:00.000Z', to: NOV.from };
    expect(monthOverdueNotices([earlier], OCT, '2026-11-15T00:00:00.000Z')).toEqual([expect.objectContaining({ overdueInMonth: true, closedLate: true, overdueDays: 10 })]);
  });

  it('counts a notice overdue again after its late answer was rejected, and one answered late that waits for review', () => {
    const answeredOnTime = run(notice({ id: 'd' }), answer('2026-11-09T00:00:00.000Z'));
    const rejected = run(answeredOnTime, reject('2026-11-12T00:00:00.000Z'));
    expect(overdueWithin(answeredOnTime, T(NOV.from), T(NOV.to))).toBe(false);
    expect(overdueWithin(rejected, T(NOV.from), T(NOV.to))).toBe(true);
    const lateWaiting = run(notice({ id: 'e' }), answer('2026-11-11T10:00:00.000Z'));
    const [row] = monthOverdueNotices([lateWaiting], NOV, '2026-12-01T00:00:00.000Z');
    expect(row).toMatchObject({ status: 'answered', overdueInMonth: true, closedLate: false, overdueDays: 1 });
    expect(closedLateWithin(lateWaiting, T(NOV.from), T(NOV.to))).toBe(false);
  });

  it('cuts a running month at generation time', () => {
    const n = notice();
    expect(monthOverdueNotices([n], NOV, at(n.deadline, -1))).toEqual([]);
    expect(monthOverdueNotices([n], NOV, at(n.deadline, DAY + 1))[0]?.overdueDays).toBe(2);
  });
});

describe('tallyOverdue: per township, issuing unit and company', () => {
  it('counts each notice once per dimension; a notice against the estate has no company', () => {
    const a = notice({ id: 'a', no: 'A' });
    const b = run(notice({ id: 'b', no: 'B', townshipId: 'yongning.t.other', issuerUnitId: 'yongning.t.other', companyId: null, addressee: 'estate' }), answer('2026-11-12T00:00:00.000Z'), accept('2026-11-13T00:00:00.000Z'));
    const rows = monthOverdueNotices([a, b], NOV, '2026-12-01T00:00:00.000Z');
    expect(tallyOverdue(rows)).toEqual([
      { by: 'township', key: 'yongning.t.other', overdue: 1, stillOverdue: 0, closedLate: 1 },
      { by: 'township', key: 'yongning.t.tuanjiexilu', overdue: 1, stillOverdue: 1, closedLate: 0 },
      { by: 'unit', key: 'yongning.t.other', overdue: 1, stillOverdue: 0, closedLate: 1 },
      { by: 'unit', key: 'yongning.zjj', overdue: 1, stillOverdue: 1, closedLate: 0 },
      { by: 'company', key: 'pc-hengan', overdue: 1, stillOverdue: 1, closedLate: 0 },
    ]);
  });
});
