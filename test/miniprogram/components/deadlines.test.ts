import { countdownText, deadlineLine, runningDeadline } from '../../../miniprogram/components/deadlines';

const NOW = Date.parse('2026-11-23T02:00:00.000Z');

describe('runningDeadline', () => {
  it('is the unmet deadline due first', () => {
    expect(
      runningDeadline([
        { step: 'triage', due: '2026-11-23T02:30:00.000Z', metAt: '2026-11-23T02:10:00.000Z' },
        { step: 'resolve', due: '2026-11-30T10:00:00.000Z' },
        { step: 'ack', due: '2026-11-23T04:00:00.000Z' },
      ])?.step,
    ).toBe('ack');
  });

  it('is null when every step is met', () => {
    expect(runningDeadline([{ step: 'triage', due: '2026-11-23T02:30:00.000Z', metAt: '2026-11-23T02:10:00.000Z' }])).toBeNull();
  });
});

describe('countdownText', () => {
  it.each([
    ['2026-11-23T02:25:00.000Z', '剩余 25分钟'],
    ['2026-11-23T04:15:00.000Z', '剩余 2小时15分钟'],
    ['2026-11-23T05:00:00.000Z', '剩余 3小时'],
    ['2026-11-25T05:00:00.000Z', '剩余 2天3小时'],
    ['2026-11-23T01:30:00.000Z', '已超时 30分钟'],
    ['2026-11-22T02:00:00.000Z', '已超时 1天'],
  ])('due %s → %s', (due, text) => {
    expect(countdownText(due, NOW)).toBe(text);
  });
});

describe('deadlineLine', () => {
  it('names the step and the Beijing time, with done/overdue marks', () => {
    expect(deadlineLine({ step: 'triage', due: '2026-11-23T02:30:00.000Z' })).toBe('受理时限 2026-11-23 10:30');
    expect(deadlineLine({ step: 'ack', due: '2026-11-23T02:30:00.000Z', metAt: '2026-11-23T02:20:00.000Z' })).toBe('部门报到时限 2026-11-23 10:30（已完成）');
    expect(deadlineLine({ step: 'resolve', due: '2026-11-23T02:30:00.000Z', overdueAt: '2026-11-23T02:30:00.000Z' })).toBe('办结时限 2026-11-23 10:30（已超时）');
  });
});
