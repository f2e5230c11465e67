/**
 * The latest reply on a ticket (issue 18 §4 "A reply shows on the card"), on events made by the real
 * transition table (applyTransition): a police public reply, a unit's 办结 note, a resident's reopen
 * reason and rating comment; internal notes (受理, 督办) are not replies.
 */
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { applyTransition, type TransitionCommand } from '../../../shared/lifecycle';
import { LAST_REPLY_CHARS, latestReply } from '../../../shared/lifecycle/latest-reply';
import { makeEvent, makeTicket } from '../../support/fixtures';

const AT = '2026-11-23T03:00:00.000Z';

function runAll(start: Ticket, steps: Array<Omit<TransitionCommand, 'at'>>): { ticket: Ticket; events: TicketEvent[] } {
  let ticket = start;
  const events: TicketEvent[] = [makeEvent(start)];
  for (const step of steps) {
    const seq = events.length + 1;
    const result = applyTransition(ticket, { ...step, at: AT }, { eventId: `ev-${seq}`, seq });
    ticket = result.ticket;
    events.push(result.event);
  }
  return { ticket, events };
}

const run = (start: Ticket, steps: Array<Omit<TransitionCommand, 'at'>>): TicketEvent[] => runAll(start, steps).events;

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

describe('Ticket.lastReply: kept on the ticket by the transition that carries the reply (queue rows, issue 18)', () => {
  const onSite = () => makeTicket({ state: 'acknowledged', category: 'public-order', priority: 'normal', assignedUnits: ['yongning.gaj'], acknowledgedUnits: ['yongning.gaj'] });

  it('a police reply: the text, 公开回复, the role and the unit by its list name; no user id or officer name', () => {
    const { ticket } = runAll(onSite(), [{ action: 'reply', actor: police, input: { reply: '已联系当事人，今晚到场调解' } }]);
    expect(ticket.lastReply).toEqual({ action: 'reply', side: 'staff', label: '公开回复', role: 'police', unitId: 'yongning.gaj', unitName: '县公安局', text: '已联系当事人，今晚到场调解', at: AT, seq: 2 });
    const stored = JSON.stringify(ticket.lastReply);
    expect(stored).not.toContain('u-police');
    expect(stored).not.toContain('民警周');
  });

  it('an internal note after it leaves it as it was; the next reply replaces it', () => {
    const { ticket } = runAll(onSite(), [
      { action: 'reply', actor: police, input: { reply: '已联系当事人' } },
      { action: 'supervise', actor: street, input: { note: '请尽快处理' } },
    ]);
    expect(ticket.lastReply).toMatchObject({ text: '已联系当事人', seq: 2 });
    expect(ticket.version).toBe(onSite().version + 2);
  });

  it('the resident’s reopen reason: role resident only (who is never named), first line, capped', () => {
    const long = `${'电'.repeat(LAST_REPLY_CHARS + 5)}\n第二行不显示`;
    const { ticket } = runAll(makeTicket({ state: 'resolved', resolvedBy: 'yongning.zjj', closedAt: null }), [
      { action: 'reopen', actor: resident, input: { reason: `\n${long}`, withinWindow: true } },
    ]);
    expect(ticket.lastReply).toEqual({ action: 'reopen', side: 'resident', label: '居民申请重办', role: 'resident', text: `${'电'.repeat(LAST_REPLY_CHARS)}…`, at: AT, seq: 2 });
    expect(JSON.stringify(ticket.lastReply)).not.toContain('u-resident-1');
  });

  it('no reply yet: no lastReply on the ticket', () => {
    const { ticket } = runAll(onSite(), [{ action: 'supervise', actor: street, input: { note: '跟进' } }]);
    expect(ticket.lastReply).toBeUndefined();
  });
});
