/**
 * Hand-overs of the police 认领 (issue 18 §4): "After 吹哨 or a police 认领, the ticket leaves the
 * grid worker's queue with no message" — a claim now tells the estate's grid worker, with the
 * ticket number and the officer, within WeChat's 20-character `thing` limit when sent.
 */
import { handoversFor, thing } from '../../../shared/notify/handover';
import { TEMPLATE_OF_KIND } from '../../../shared/notify/subscribe-templates';
import { makeEvent, makeTicket } from '../../support/fixtures';

describe('handoversFor: claim', () => {
  it('tells the grid (audience grid, kind claimed) with the number and the officer', () => {
    const t = makeTicket({ state: 'acknowledged', category: 'public-order', claimedBy: 'yongning.gaj' });
    const event = makeEvent(t, { action: 'claim', from: 'submitted', to: 'acknowledged', payload: { officerName: '周警官' }, actor: { userId: 'u-police', role: 'police', unitId: 'yongning.gaj' } });
    const hs = handoversFor(t, event);
    expect(hs).toEqual([{ kind: 'claimed', audience: 'grid', title: '民警已认领', body: expect.stringContaining(t.no) }]);
    expect(hs[0]?.body).toContain('周警官');
    expect([...thing(hs[0]?.title ?? '')].length).toBeLessThanOrEqual(20);
    // Sent with the staff to-do template, the one staff subscribe to.
    expect(TEMPLATE_OF_KIND.claimed).toBe('staffTodo');
  });

  it('a claim without an officer name still says who took it', () => {
    const t = makeTicket({ state: 'acknowledged' });
    const hs = handoversFor(t, makeEvent(t, { action: 'claim', from: 'accepted', to: 'acknowledged' }));
    expect(hs.map((h) => [h.audience, h.body])).toEqual([['grid', expect.stringMatching(/已由民警认领$/)]]);
  });
});
