import type { Violation } from '../../../shared/domain/violation';
import { byLadder, companyLedger } from '../../../shared/ledger';

const v = (companyId: string, item: Violation['item'], year = 2026, ticketId = `t-${companyId}-${item}-${year}`) => ({ companyId, item, year, ticketId });

describe('companyLedger', () => {
  const counted = [v('pc-a', 7), v('pc-a', 7, 2026, 't-second'), v('pc-a', 9), v('pc-a', 1, 2025), v('pc-b', 5)];

  it('counts the company’s distinct items of the year, breaches as they are, and applies the ladder', () => {
    const l = companyLedger({ companyId: 'pc-a', year: 2026, counted, entries: counted.filter((x) => x.companyId === 'pc-a' && x.year === 2026) });
    expect(l.count).toBe(2);
    expect(l.breaches).toBe(3);
    expect(l.ladder.level).toBe(2);
    expect(l.items.map((i) => [i.item, i.entries.map((e) => e.ticketId)])).toEqual([
      [7, ['t-pc-a-7-2026', 't-second']],
      [9, ['t-pc-a-9-2026']],
    ]);
    expect(l.items[0]?.text).toBe('“不准”擅自涨价、乱收费以及违规签订《物业服务合同》');
  });

  it('the count does not depend on which entries the viewer sees', () => {
    const l = companyLedger({ companyId: 'pc-a', year: 2026, counted, entries: [] });
    expect(l.count).toBe(2);
    expect(l.items.every((i) => i.entries.length === 0)).toBe(true);
  });

  it('another year is another count', () => {
    expect(companyLedger({ companyId: 'pc-a', year: 2025, counted, entries: [] }).count).toBe(1);
    expect(companyLedger({ companyId: 'pc-a', year: 2024, counted, entries: [] }).ladder.level).toBe(0);
  });

  it('byLadder: more distinct items first, then more breaches, then id', () => {
    const a = companyLedger({ companyId: 'pc-a', year: 2026, counted, entries: [] });
    const b = companyLedger({ companyId: 'pc-b', year: 2026, counted, entries: [] });
    const c = companyLedger({ companyId: 'pc-c', year: 2026, counted: [v('pc-c', 2), v('pc-c', 2, 2026, 't-x')], entries: [] });
    expect([b, c, a].sort(byLadder).map((x) => x.companyId)).toEqual(['pc-a', 'pc-c', 'pc-b']);
  });
});
