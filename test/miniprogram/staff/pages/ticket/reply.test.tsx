/**
 * Staff ticket page, 最新回复 on the card (issue 18 §4 "A reply shows on the card"), network faked at
 * fetch: the latest reply sits at the top of the ticket, above the timeline, with who and when; a
 * resident's words are shown as 居民's (the detail answer carries no resident id: redactEventFor).
 */
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { HIDDEN_USER_ID } from '../../../../../shared/permissions';
import type { Ticket, TicketEvent } from '../../../../../shared/domain/ticket';
import { makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { fakeNetwork, settle, signIn, viewOf } from '../../support';

async function open(ticket: Ticket, events: TicketEvent[]) {
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
  fakeNetwork({ 'ticket.detail': () => viewOf(ticket, [], events) });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
}

const head = () => document.querySelector('.latest-reply__head')?.textContent ?? null;
const text = () => document.querySelector('.latest-reply__text')?.textContent ?? null;

describe('最新回复 on the staff ticket card (fetch faked)', () => {
  const ticket = makeTicket({ category: 'public-order', priority: 'normal', state: 'acknowledged', version: 4, updatedAt: '2026-11-23T05:00:00.000Z' });
  const submitted = makeEvent({ ...ticket, version: 1, state: 'submitted' }, { seq: 1, actor: { userId: HIDDEN_USER_ID, role: 'resident' } });
  const reply = makeEvent(ticket, {
    seq: 3,
    action: 'reply',
    from: 'acknowledged',
    to: 'acknowledged',
    at: '2026-11-23T04:30:00.000Z',
    actor: { userId: 'u-police', role: 'police', unitId: 'yongning.gaj', name: '民警周' },
    note: '已联系双方，今晚到场调解',
    payload: { reply: '已联系双方，今晚到场调解' },
  });
  const supervise = makeEvent(ticket, { seq: 4, action: 'supervise', from: 'acknowledged', to: 'acknowledged', note: '内部：请加快', actor: { userId: 'u-street', role: 'street', name: '老张' } });

  it('shows the police officer’s public reply at the top, not an internal 督办 note that came after it', async () => {
    await open(ticket, [submitted, reply, supervise]);
    expect(head()).toMatch(/^最新回复 · 公开回复 · .*民警周 · /);
    expect(text()).toBe('已联系双方，今晚到场调解');
    // It sits in the ticket's card, above 处理记录 (the timeline).
    const card = document.querySelector('.latest-reply')!;
    const timeline = screen.getByText('处理记录');
    expect(card.compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a later reopen by the resident replaces it, shown as 居民', async () => {
    const reopen = makeEvent(ticket, { seq: 5, action: 'reopen', from: 'resolved', to: 'reopened', note: '晚上又吵起来了', actor: { userId: HIDDEN_USER_ID, role: 'resident' } });
    await open(ticket, [submitted, reply, supervise, reopen]);
    expect(head()).toMatch(/^最新回复 · 居民申请重办 · 居民 · /);
    expect(text()).toBe('晚上又吵起来了');
  });

  it('shows nothing when nobody has replied yet', async () => {
    await open(ticket, [submitted, supervise]);
    expect(document.querySelector('.latest-reply')).toBeNull();
  });
});
