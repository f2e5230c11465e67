/** Display text of the staff screens: minutes, percentages, Beijing times and deadline countdowns. */
import { countdown, formatMeters, formatMinutes, formatPercent, formatTime, nearestOpenDeadline } from '../../../../miniprogram/staff/lib/format';

const NOW = Date.parse('2026-11-23T02:00:00.000Z'); // 10:00 Beijing

describe('formatMinutes', () => {
  it.each([
    [0, '0分钟'],
    [45, '45分钟'],
    [59.6, '1小时'],
    [95, '1小时35分钟'],
    [120, '2小时'],
    [2879, '47小时59分钟'],
    [2880, '2天'],
    [4380, '3天1小时'],
    [20_700, '14天9小时'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%p → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.75, '75.0%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
    [null, '—'],
  ])('%p → %s', (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });
});

describe('formatTime', () => {
  it('shows the Beijing wall clock of a UTC instant', () => {
    expect(formatTime('2026-11-23T17:30:00.000Z')).toBe('2026-11-24 01:30');
  });
  it('shows a dash for nothing or garbage', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime('yesterday')).toBe('—');
  });
});

describe('formatMeters', () => {
  it('rounds metres and switches to kilometres from 1000 m', () => {
    expect(formatMeters(349.6)).toBe('350 米');
    expect(formatMeters(1520)).toBe('1.5 公里');
  });
});

describe('nearestOpenDeadline', () => {
  it('ignores met steps and the resident confirm window', () => {
    const d = nearestOpenDeadline([
      { step: 'triage', due: '2026-11-23T01:00:00.000Z', metAt: '2026-11-23T00:50:00.000Z' },
      { step: 'confirm', due: '2026-11-23T01:30:00.000Z' },
      { step: 'resolve', due: '2026-11-28T01:00:00.000Z' },
      { step: 'ack', due: '2026-11-23T03:00:00.000Z' },
    ]);
    expect(d?.step).toBe('ack');
  });
  it('is undefined when nothing is open', () => {
    expect(nearestOpenDeadline([{ step: 'confirm', due: '2026-11-23T01:30:00.000Z' }])).toBeUndefined();
  });
});

describe('countdown', () => {
  it('counts down to a future deadline and flags the last two hours', () => {
    expect(countdown({ step: 'ack', due: '2026-11-23T03:20:00.000Z' }, NOW)).toEqual({ text: '报到剩余 1小时20分钟', overdue: false, soon: true });
    expect(countdown({ step: 'resolve', due: '2026-11-23T05:00:00.000Z' }, NOW)).toEqual({ text: '办结剩余 3小时', overdue: false, soon: false });
  });
  it('counts up once the deadline has passed', () => {
    expect(countdown({ step: 'triage', due: '2026-11-23T01:15:00.000Z' }, NOW)).toEqual({ text: '受理已超时 45分钟', overdue: true, soon: false });
  });
  it('keeps a step the sweep marked overdue overdue, even after an extension moved its due', () => {
    expect(countdown({ step: 'resolve', due: '2026-11-30T01:00:00.000Z', overdueAt: '2026-11-22T01:00:00.000Z' }, NOW).overdue).toBe(true);
  });
});
