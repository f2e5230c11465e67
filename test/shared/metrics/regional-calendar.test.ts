import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { computeMetrics } from '../../../shared/metrics/compute';
import { resolveSlaPolicy } from '../../../shared/sla/policy';
import { deadlinesAfter } from '../../../shared/sla/progress';
import { makeTicket } from './fixtures';

// Issue 16 §6: "a '5 working days' deadline across 古尔邦节 is wrong today, and so is 按时办结率."
// 按时办结率 compares the first resolve with the resolve deadline the whistle set, so it counts on the
// same jurisdiction calendar. A Qitai ticket whistled Tue 2026-05-26 10:00, resolved Thu 2026-06-04
// 15:00: on time with 古尔邦节 (5-27…5-29 off; due Fri 6-5 10:00), late on the national calendar alone
// (due Tue 6-2 10:00).
const SUBMIT = '2026-05-26T01:00:00.000Z';
const WHISTLE = '2026-05-26T02:00:00.000Z';
const RESOLVED = '2026-06-04T07:00:00.000Z';
const NOW = '2026-06-10T02:00:00.000Z';

function event(ticketId: string, seq: number, action: string, at: string, extra: Partial<TicketEvent> = {}): TicketEvent {
  return { id: `${ticketId}-${seq}`, ticketId, seq, at, actor: { userId: 'u', role: 'grid' }, action, from: null, to: 'accepted', ...extra } as TicketEvent;
}

function ticketWhistledIn(jurisdiction: string | undefined): { ticket: Ticket; events: TicketEvent[] } {
  const id = `t-${jurisdiction ?? 'national'}`;
  const base = makeTicket(id, { jurisdiction: jurisdiction ?? 'qitai', category: 'parking', state: 'whistled', assignedUnits: ['qitai.zjj'], createdAt: SUBMIT });
  const whistle = event(id, 2, 'whistle', WHISTLE, { payload: { units: ['qitai.zjj'] } });
  const deadlines = deadlinesAfter(base, whistle, resolveSlaPolicy(undefined, jurisdiction));
  const ticket: Ticket = { ...base, state: 'resolved', deadlines, resolvedBy: 'qitai.zjj' };
  const events = [event(id, 1, 'submit', SUBMIT), whistle, event(id, 3, 'acknowledge', WHISTLE, { actor: { userId: 'z', role: 'department', unitId: 'qitai.zjj' } }), event(id, 4, 'resolve', RESOLVED, { actor: { userId: 'z', role: 'department', unitId: 'qitai.zjj' } })];
  return { ticket, events };
}

describe('按时办结率 on the jurisdiction’s calendar', () => {
  it('a Qitai ticket resolved Thu 6-4 15:00 across 古尔邦节 is on time (due Fri 6-5 10:00)', () => {
    const { ticket, events } = ticketWhistledIn('qitai');
    expect(ticket.deadlines.find((d) => d.step === 'resolve')?.due).toBe('2026-06-05T02:00:00.000Z');
    const [row] = computeMetrics({ tickets: [ticket], events, now: NOW, groupBy: 'all' });
    expect(row?.counts).toMatchObject({ resolveDenominator: 1, resolvedOnTime: 1 });
    expect(row?.rates.onTimeRate).toBe(1);
  });

  it('the same ticket on the national calendar alone would be late (due Tue 6-2 10:00): the difference is the calendar', () => {
    const { ticket, events } = ticketWhistledIn(undefined);
    expect(ticket.deadlines.find((d) => d.step === 'resolve')?.due).toBe('2026-06-02T02:00:00.000Z');
    const [row] = computeMetrics({ tickets: [ticket], events, now: NOW, groupBy: 'all' });
    expect(row?.rates.onTimeRate).toBe(0);
  });
});
