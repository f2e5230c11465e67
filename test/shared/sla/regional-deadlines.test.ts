import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../shared/sla/calendar';
import { deadlinesOnWhistle, validateExtension } from '../../../shared/sla/deadlines';
import { resolveSlaPolicy } from '../../../shared/sla/policy';
import { regionalDaysOf } from '../../../shared/sla/work-calendar';

// Issue 16 §6: "a '5 working days' deadline across 古尔邦节 is wrong today". The shipped 2026 calendar
// (regional-holidays.json, an estimate until the regional notice is entered) has 古尔邦节 on Wed
// 2026-05-27: Ningxia (永宁) off 5-27 and 5-28, Xinjiang (奇台) off 5-27, 5-28 and 5-29. The national
// calendar (chinese-days) has no holiday between 2026-05-06 and 2026-06-18.
const WHISTLE = '2026-05-26T10:00:00+08:00'; // Tuesday

const resolveDue = (jurisdiction?: string) =>
  deadlinesOnWhistle('normal', WHISTLE, resolveSlaPolicy(undefined, jurisdiction)).find((d) => d.step === 'resolve')?.due;

describe('a 5-working-day resolve deadline across 2026’s 古尔邦节', () => {
  it('national calendar only: Wed 5-27, Thu 5-28, Fri 5-29, Mon 6-1, Tue 6-2 → 2026-06-02 10:00', () => {
    expect(resolveDue()).toBe('2026-06-02T02:00:00.000Z');
  });

  it('Yongning (Ningxia, 5-27 and 5-28 off): Fri 5-29, Mon 6-1, Tue 6-2, Wed 6-3, Thu 6-4 → 2026-06-04 10:00', () => {
    expect(resolveDue('yongning')).toBe('2026-06-04T02:00:00.000Z');
  });

  it('Qitai (Xinjiang, 5-27 to 5-29 off): Mon 6-1, Tue 6-2, Wed 6-3, Thu 6-4, Fri 6-5 → 2026-06-05 10:00', () => {
    expect(resolveDue('qitai')).toBe('2026-06-05T02:00:00.000Z');
  });

  it('the other Ningxia jurisdictions (银川, 吴忠) observe the same days as Yongning', () => {
    expect(resolveDue('yinchuan')).toBe(resolveDue('yongning'));
    expect(resolveDue('wuzhong')).toBe(resolveDue('yongning'));
  });

  it('an admin’s year replaces the shipped estimate whole: a notice moving Qitai’s days to 5-26…5-28 with Sat 5-30 at work', () => {
    // Tue 5-26 10:00 + 5: 5-26/27/28 off, Fri 5-29, Sat 5-30 (调休上班), Mon 6-1, Tue 6-2, Wed 6-3 → 6-3 10:00.
    const policy = resolveSlaPolicy({ calendars: { 2026: { daysOff: ['2026-05-26', '2026-05-27', '2026-05-28'], workdays: ['2026-05-30'], source: '测试通知' } } }, 'qitai');
    expect(deadlinesOnWhistle('normal', WHISTLE, policy).find((d) => d.step === 'resolve')?.due).toBe('2026-06-03T02:00:00.000Z');
    // 2027 is still the shipped one.
    expect(policy.calendars?.['2027']?.estimate).toBe(true);
  });

  it('urgent tickets run on natural time: the holiday does not move a 24-hour deadline', () => {
    const due = deadlinesOnWhistle('urgent', WHISTLE, resolveSlaPolicy(undefined, 'qitai')).find((d) => d.step === 'resolve')?.due;
    expect(due).toBe('2026-05-27T02:00:00.000Z');
  });

  it('the longest 延期 (15 working days) counts the regional days too', () => {
    // Due Tue 5-26 10:00 + 15 working days in Qitai: 6-1…6-5 (5), 6-8…6-12 (10), 6-15…6-18 (14), 6-19 is 端午 (national),
    // so the 15th is Mon 6-22; nationally 5-27…5-29 (3), 6-1…6-5 (8), 6-8…6-12 (13), 6-15, 6-16 → Tue 6-16.
    const requestedAt = '2026-05-20T10:00:00+08:00';
    const qitai = resolveSlaPolicy(undefined, 'qitai');
    expect(validateExtension(WHISTLE, '2026-06-22T10:00:00+08:00', requestedAt, qitai).ok).toBe(true);
    expect(validateExtension(WHISTLE, '2026-06-22T10:00:00+08:00', requestedAt, resolveSlaPolicy()).ok).toBe(false);
    expect(validateExtension(WHISTLE, '2026-06-16T10:00:00+08:00', requestedAt, resolveSlaPolicy()).ok).toBe(true);
  });
});

describe('the calendar functions with regional days', () => {
  const qitai = regionalDaysOf(resolveSlaPolicy(undefined, 'qitai').calendars);

  it('a regional day off is no working day; the national calendar alone still has it as one', () => {
    expect(isWorkingDay('2026-05-27', qitai)).toBe(false);
    expect(isWorkingDay('2026-05-27')).toBe(true);
  });

  it('a regional make-up day is a working day even on a Saturday', () => {
    const days = { daysOff: new Set<string>(), workdays: new Set(['2026-05-30']) };
    expect(isWorkingDay('2026-05-30', days)).toBe(true);
    expect(addWorkingDays('2026-05-29T09:00:00+08:00', 1, days)).toBe('2026-05-30T01:00:00.000Z');
  });

  it('workingDaysBetween inverts addWorkingDays on the same regional calendar', () => {
    const due = addWorkingDays(WHISTLE, 5, qitai);
    expect(workingDaysBetween(WHISTLE, due, qitai)).toBe(5);
    expect(workingDaysBetween(WHISTLE, due)).toBe(8);
  });
});
