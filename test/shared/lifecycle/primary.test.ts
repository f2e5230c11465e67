/**
 * The big button of a staff ticket (issue 18 §4: "a primary action button … at the top of the ticket
 * for the current step"), read from the real transition table: for each step of the 吹哨报到 chain,
 * the role whose turn it is gets the action that moves the ticket on, never a refusal or a return.
 */
import type { Role } from '../../../shared/domain/roles';
import type { TicketState } from '../../../shared/domain/ticket';
import { allowedActions } from '../../../shared/lifecycle/apply';
import { FORWARD_ORDER, primaryAction } from '../../../shared/lifecycle/primary';
import { ticketIn, UNIT_LEAD } from './fixtures';

const primaryFor = (state: TicketState, role: Role, unitId?: string) => primaryAction(allowedActions(ticketIn(state), role, unitId ? { unitId } : {}));

describe('primaryAction on the 吹哨报到 chain', () => {
  it.each<[TicketState, Role, string | undefined, string]>([
    ['submitted', 'grid', undefined, 'accept'],
    ['accepted', 'grid', undefined, 'settle'],
    ['whistled', 'department', UNIT_LEAD, 'acknowledge'],
    ['acknowledged', 'department', UNIT_LEAD, 'arrive'],
    ['on_site', 'department', UNIT_LEAD, 'resolve'],
    ['resolved', 'grid', undefined, 'verify'],
  ])('%s, %s (unit %s): %s', (state, role, unit, expected) => {
    const allowed = allowedActions(ticketIn(state), role, unit ? { unitId: unit } : {});
    // The forward step is among the allowed ones, and it is the one chosen.
    expect(allowed).toContain(expected);
    expect(primaryFor(state, role, unit)).toBe(expected);
  });

  it('an accepted ticket offers the grid worker both ways on: 就地办结 first, 吹哨 as a secondary button', () => {
    const allowed = allowedActions(ticketIn('accepted'), 'grid');
    expect(allowed).toEqual(expect.arrayContaining(['settle', 'whistle']));
    expect(primaryAction(allowed)).toBe('settle');
  });

  it('never makes a refusal, a return or a step back the big button', () => {
    for (const backwards of ['reject', 'return', 'verify-fail', 'refuse-extension', 'reopen', 'escalate'] as const) {
      expect(FORWARD_ORDER).not.toContain(backwards);
      expect(primaryAction([backwards])).toBeNull();
    }
    expect(primaryAction([])).toBeNull();
  });
});
