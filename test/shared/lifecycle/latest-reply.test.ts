/**
 * The latest reply on a ticket (issue 18 §4 "A reply shows on the card"), on events made by the real
 * transition table (applyTransition): a police public reply, a unit's 办结 note, a resident's reopen
 * reason and rating comment; internal notes (受理, 督办) are not replies.
 */
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { applyTransition, type TransitionCommand } from '../../../shared/lifecycle';
import { latestReply } from '../../../shared/lifecycle/latest-reply';
import { makeEvent, makeTicket } from '../../support/fixtures';

const AT = '2026-11-23T03:00:00.000Z';

function run(start: Ticket, steps: Array<Omit<TransitionCommand, 'at'>>): TicketEvent[] {
  let ticket = start;
  const events: TicketEvent[] = [makeEvent(start)];
  for (const step of steps) {
    const seq = events.length + 1;
    const result = applyTransition(ticket, { ...step, at: AT }, { eventId: `ev-${seq}`, seq });
    ticket = result.ticket;
    events.push(result.event);
  }
  return events;
}

const police = { userId: 'u-police', role: 'police' as const, unitId: 'yongning.gaj', name: '民警周' };
const street = { userId: 'u-street', role: 'street' as const, name: '老张' };
// withinWindow: the use case decides the 7-day reopen window from the clock; the table only checks the flag.
const resident = { userId: 'u-resident-1', role: 'resident' as const };

describe('latestReply', () => {
  it('is null while nobody has replied: the report itself and internal notes are not replies', () => {
    const events = run(makeTicket({ state: 'whistled', category: 'public-order', priority: 'normal' }), [{ action: 'supervise', actor: street, input: { note: '请尽快处理' } }]);
    expect(events.map((e) => e.action)).toEqual(['submit', 'supervise']);
    expect(latestReply(events)).toBeNull();
  });

  it('a police officer’s public reply is the staff side’s latest reply', () => {
    const events = run(makeTicket({ state: 'acknowledged', category: 'public-order', priority: 'normal', assignedUnits: ['yongning.gaj'], acknowledgedUnits: ['yongning.gaj'] }), [
      { action: 'reply', actor: police, input: { reply: '已联系当事人，今晚到场调解' } },
      { action: 'supervise', actor: street, input: { note: '跟进' } },
    ]);
    expect(latestReply(events)).toMatchObject({ side: 'staff', label: '公开回复', text: '已联系当事人，今晚到场调解', event: { action: 'reply', seq: 2 } });
  });

  it('after the fix, the resident’s reopen reason is the latest, then the rating comment', () => {
    const resolved = makeTicket({ state: 'resolved', resolvedBy: 'yongning.zjj', closedAt: null });
    const reopened = run(resolved, [{ action: 'reopen', actor: resident, input: { reason: '电线又拉上了，没有解决', withinWindow: true } }]);
    expect(latestReply(reopened)).toMatchObject({ side: 'resident', label: '居民申请重办', text: '电线又拉上了，没有解决' });

    const rated = run(makeTicket({ state: 'closed', closedAt: AT }), [{ action: 'rate', actor: resident, input: { score: 4, fixed: true, comment: '处理及时，谢谢' } }]);
    expect(latestReply(rated)).toMatchObject({ side: 'resident', label: '居民评价', text: '处理及时，谢谢' });
  });
});
