import { applyMove, isDueForOverdue, rectifiedOnTime, wasOverdue, type RectificationNotice } from '../../../shared/governance/rectification';

const OFFICER = { userId: 'u-zjj', role: 'department' as const, unitId: 'yongning.zjj' };
const COMPANY = { userId: 'u-pc', role: 'property' as const };
const BASE: RectificationNotice = {
  id: 'rn-1',
  no: 'ZG-YN-20261123-0001',
  jurisdiction: 'yongning',
  estateId: 'yn-jinxiu',
  townshipId: 'yongning.t.tuanjiexilu',
  companyId: 'pc-hengan',
  addressee: 'company',
  problem: '消防通道堆放杂物',
  basis: '二(二)1(2)',
  measures: '',
  issuedAt: '2026-11-23T02:00:00.000Z',
  deadline: '2026-11-30T10:00:00.000Z',
  status: 'open',
  closedAt: null,
  ticketIds: [],
  issuerUnitId: 'yongning.zjj',
  issuedBy: OFFICER,
  overdueAt: null,
  answers: [],
  reviews: [],
  version: 1,
  updatedAt: '2026-11-23T02:00:00.000Z',
};

function run(n: RectificationNotice, ...moves: Parameters<typeof applyMove>[1][]): RectificationNotice {
  return moves.reduce((cur, m) => {
    const r = applyMove(cur, m);
    if (!r.ok) throw new Error(`${m.kind}: ${r.code}`);
    return r.next;
  }, n);
}
const answer = (at: string) => ({ kind: 'answer' as const, at, by: COMPANY, note: '已清理', photos: ['p'] });

describe('the life of a 整改通知 (限时整改: 000 序号6 "建立问题清单、整改清单、限时整改")', () => {
  it.each<[RectificationNotice['status'], Parameters<typeof applyMove>[1]['kind'], boolean]>([
    ['open', 'answer', true],
    ['open', 'accept', false],
    ['open', 'reject', false],
    ['answered', 'answer', false],
    ['answered', 'accept', true],
    ['answered', 'reject', true],
    ['rejected', 'answer', true],
    ['rejected', 'accept', false],
    ['overdue', 'answer', true],
    ['overdue', 'accept', false],
    ['accepted', 'answer', false],
    ['accepted', 'reject', false],
  ])('%s + %s → allowed: %s', (status, kind, allowed) => {
    const at = '2026-11-24T00:00:00.000Z';
    const move = kind === 'answer' ? answer(at) : kind === 'reject' ? { kind, at, by: OFFICER, reason: '未整改到位' } : { kind: kind as 'accept', at, by: OFFICER };
    const r = applyMove({ ...BASE, status }, move);
    expect(r.ok).toBe(allowed);
    if (r.ok) expect(r.next.version).toBe(BASE.version + 1);
    else expect(r.code).toBe('RECTIFICATION.INVALID_TRANSITION');
  });

  it('the sweep marks only an open or rejected notice whose deadline has passed, and keeps the first overdueAt', () => {
    expect(isDueForOverdue(BASE, '2026-11-30T09:59:59.999Z')).toBe(false);
    expect(isDueForOverdue(BASE, '2026-11-30T10:00:00.000Z')).toBe(true);
    expect(isDueForOverdue({ ...BASE, status: 'answered' }, '2026-12-30T00:00:00.000Z')).toBe(false);
    expect(isDueForOverdue({ ...BASE, status: 'rejected' }, '2026-12-30T00:00:00.000Z')).toBe(true);
    const marked = run(BASE, { kind: 'mark-overdue', at: '2026-12-01T00:00:00.000Z' });
    expect(marked).toMatchObject({ status: 'overdue', overdueAt: '2026-12-01T00:00:00.000Z' });
    expect(applyMove(marked, { kind: 'mark-overdue', at: '2026-12-02T00:00:00.000Z' })).toMatchObject({ ok: false, code: 'RECTIFICATION.NOT_DUE' });
    // Rejected after a late answer, marked again: the first overdueAt stays.
    const again = run(marked, answer('2026-12-03T00:00:00.000Z'), { kind: 'reject', at: '2026-12-04T00:00:00.000Z', by: OFFICER, reason: '仍有堆放' }, { kind: 'mark-overdue', at: '2026-12-05T00:00:00.000Z' });
    expect(again.overdueAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('on time means accepted on an answer given by the deadline; a late answer or an overdue mark counts as overdue', () => {
    const onTime = run(BASE, answer('2026-11-29T00:00:00.000Z'), { kind: 'accept', at: '2026-12-02T00:00:00.000Z', by: OFFICER });
    expect([rectifiedOnTime(onTime), wasOverdue(onTime), onTime.closedAt]).toEqual([true, false, '2026-12-02T00:00:00.000Z']);
    const late = run(BASE, answer('2026-11-30T10:00:01.000Z'), { kind: 'accept', at: '2026-12-02T00:00:00.000Z', by: OFFICER });
    expect([rectifiedOnTime(late), wasOverdue(late)]).toEqual([false, true]);
    // The last answer counts: an on-time answer rejected and answered again late is late.
    const reworked = run(BASE, answer('2026-11-29T00:00:00.000Z'), { kind: 'reject', at: '2026-11-29T01:00:00.000Z', by: OFFICER, reason: '不到位' }, answer('2026-12-01T00:00:00.000Z'), { kind: 'accept', at: '2026-12-01T01:00:00.000Z', by: OFFICER });
    expect(rectifiedOnTime(reworked)).toBe(false);
    expect(wasOverdue(BASE)).toBe(false);
  });
});
