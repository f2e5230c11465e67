/**
 * The grid queue's tabs and search box (issue 18 §4): "Tickets vanish. After 吹哨 or a police 认领,
 * the ticket leaves the grid worker's queue with no message." Every state lies in exactly one tab,
 * so no step of the lifecycle takes a ticket out of the grid worker's tabs.
 */
import { TICKET_STATES } from '../../../shared/domain/ticket';
import { TRANSITIONS } from '../../../shared/lifecycle/transitions';
import { parseSearch, QUEUE_TABS, SEARCH_MAX, TAB_STATES } from '../../../shared/queue/tabs';

describe('grid queue tabs', () => {
  it('every ticket state is in exactly one tab', () => {
    for (const state of TICKET_STATES) {
      expect({ state, tabs: QUEUE_TABS.filter((t) => TAB_STATES[t].includes(state)) }).toEqual({ state, tabs: [expect.any(String)] });
    }
  });

  it('吹哨 and the police 认领 lead to 处理中 (the transition table\'s target states)', () => {
    expect(TAB_STATES.handling).toContain(TRANSITIONS.whistle.to);
    expect(TAB_STATES.handling).toContain(TRANSITIONS.claim.to);
    expect(TAB_STATES.verify).toContain(TRANSITIONS.resolve.to);
    expect(TAB_STATES.done).toContain(TRANSITIONS.verify.to);
  });
});

describe('parseSearch', () => {
  it('reads a ticket number, whole or its beginning, as a number prefix (upper-cased)', () => {
    expect(parseSearch('YN-20261206-0004')).toEqual({ noPrefix: 'YN-20261206-0004' });
    expect(parseSearch(' yn-2026 ')).toEqual({ noPrefix: 'YN-2026' });
    expect(parseSearch('YN')).toEqual({ noPrefix: 'YN' });
  });

  it('reads anything else as description text, cut to the search limit', () => {
    expect(parseSearch('电动车')).toEqual({ text: '电动车' });
    expect(parseSearch('3号楼 飞线')).toEqual({ text: '3号楼 飞线' });
    expect(parseSearch('x'.repeat(80))).toEqual({ text: 'x'.repeat(SEARCH_MAX) });
    expect(parseSearch('   ')).toBeNull();
    expect(parseSearch(undefined)).toBeNull();
  });
});
