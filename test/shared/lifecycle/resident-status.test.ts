import { TICKET_STATES, type TicketState } from '../../../shared/domain/ticket';
import { LIFECYCLE_ACTIONS } from '../../../shared/lifecycle/actions';
import { assignedUnitNames, RESIDENT_ACTION_LABELS, residentStatus, unitsText } from '../../../shared/lifecycle/resident-status';

describe('residentStatus: a ticket state in the resident\'s words', () => {
  const expected: Record<TicketState, string> = {
    submitted: '已提交',
    accepted: '已提交',
    rejected: '未受理',
    merged: '已合并',
    handling: '处理中',
    whistled: '已派单给县住建局',
    acknowledged: '已派单给县住建局',
    on_site: '已派单给县住建局',
    resolved: '已办结待您确认',
    verified: '已办结待您确认',
    closed: '已完成',
    reopened: '处理中',
    returned: '处理中',
  };

  it.each(Object.entries(expected))('%s reads %s', (state, label) => {
    expect(residentStatus(state as TicketState, ['县住建局']).label).toBe(label);
  });

  it('covers every state and never shows a staff word', () => {
    for (const state of TICKET_STATES) {
      const { label } = residentStatus(state, ['县住建局']);
      expect(label).toBe(expected[state]);
      expect(label).not.toMatch(/吹哨|报到|核验|到场|退单/);
    }
  });

  it('is the resident\'s turn exactly when the fix waits for confirmation', () => {
    const turns = TICKET_STATES.filter((s) => residentStatus(s).yourTurn);
    expect(turns.sort()).toEqual(['resolved', 'verified']);
    expect(residentStatus('resolved').tone).toBe('warning');
  });

  it('names two units and sums up more; with no names a dispatched ticket is 处理中', () => {
    expect(residentStatus('whistled', ['县住建局', '县应急管理局']).label).toBe('已派单给县住建局、县应急管理局');
    expect(residentStatus('acknowledged', ['甲', '乙', '丙']).label).toBe('已派单给甲、乙等3个单位');
    expect(residentStatus('whistled', []).label).toBe('处理中');
    expect(unitsText([' 甲 ', '甲', ''])).toBe('甲');
  });

  it('takes assigned unit names from the visible refs, in assignment order, skipping unknown ids', () => {
    const refs = [
      { id: 'u1', name: '县住建局' },
      { id: 'u2', name: '县应急管理局' },
    ];
    expect(assignedUnitNames(['u2', 'x', 'u1'], refs)).toEqual(['县应急管理局', '县住建局']);
  });
});

describe('RESIDENT_ACTION_LABELS: the resident timeline in plain words', () => {
  it('names every lifecycle action without the staff steps', () => {
    for (const action of LIFECYCLE_ACTIONS) {
      const label = RESIDENT_ACTION_LABELS[action];
      expect(label.length).toBeGreaterThan(0);
      expect(label).not.toMatch(/吹哨|报到|核验|退单|认领/);
    }
    expect(RESIDENT_ACTION_LABELS.whistle).toBe('派单给承办单位');
    expect(RESIDENT_ACTION_LABELS.acknowledge).toBe('承办单位接单');
  });
});
