import type { Deadline, Priority, SlaStep } from '../../../shared/domain/ticket';
import { CATEGORY_CODES, URGENT_CATEGORIES, type CategoryCode } from '../../../shared/taxonomy/categories';
import { toShanghaiIso, toUtcIso } from '../../../shared/sla/calendar';
import {
  applyExtension,
  confirmDeadline,
  deadlineFor,
  deadlinesOnSubmit,
  deadlinesOnWhistle,
  markMet,
  openDeadline,
  priorityOf,
  reopenDeadline,
  validateExtension,
} from '../../../shared/sla/deadlines';
import { DEFAULT_SLA_POLICY, resolveSlaPolicy } from '../../../shared/sla/policy';
import { useProcessTimeZone, ZONES } from './timezones';

const policy = DEFAULT_SLA_POLICY;
/** Shanghai wall time of every due in a list, for readable expectations. */
const shanghai = (list: readonly Deadline[]) => list.map((d) => ({ ...d, due: toShanghaiIso(d.due) }));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('priorityOf', () => {
  it.each(['fire-lane', 'hazmat', 'fire-facility', 'fly-wire', 'elevator', 'public-order', 'utility-outage', 'falling-objects'] as const)('%s is urgent', (code) => {
    expect(priorityOf(code)).toBe('urgent');
  });

  it.each(['parking', 'garbage', 'noise', 'illegal-fee', 'ebike-indoor', 'other'] as const)('%s is normal', (code) => {
    expect(priorityOf(code)).toBe('normal');
  });

  it('agrees with the taxonomy for every category', () => {
    const urgent = CATEGORY_CODES.filter((code: CategoryCode) => priorityOf(code) === 'urgent');
    expect(urgent).toEqual([...URGENT_CATEGORIES]);
    expect(urgent).toHaveLength(8);
  });
});

describe.each(ZONES)('deadlines with the process in %s', (zone) => {
  useProcessTimeZone(zone);

  describe('deadlineFor', () => {
    // Wednesday 30 September 2026, 10:00 in Shanghai: the eve of the National Day holiday.
    const start = '2026-09-30T10:00:00+08:00';

    it.each<[Priority, SlaStep, string | null]>([
      ['urgent', 'triage', '2026-09-30T10:30:00+08:00'],
      ['urgent', 'ack', '2026-09-30T10:30:00+08:00'],
      ['urgent', 'arrive', '2026-09-30T12:00:00+08:00'],
      ['urgent', 'resolve', '2026-10-01T10:00:00+08:00'], // natural time runs through the holiday
      ['urgent', 'confirm', '2026-10-07T10:00:00+08:00'],
      ['normal', 'triage', '2026-09-30T12:00:00+08:00'],
      ['normal', 'ack', '2026-09-30T12:00:00+08:00'],
      ['normal', 'arrive', null],
      ['normal', 'resolve', '2026-10-13T10:00:00+08:00'], // 5 working days around the holiday
      ['normal', 'confirm', '2026-10-07T10:00:00+08:00'],
    ])('%s %s → %s', (priority, step, due) => {
      const result = deadlineFor(step, priority, start, policy);
      expect(result === null ? null : toShanghaiIso(result)).toBe(due);
      if (result !== null) expect(result).toBe(toUtcIso(result));
    });

    it('follows a jurisdiction override', () => {
      const custom = resolveSlaPolicy({ normal: { arrive: { unit: 'hours', amount: 24 }, ack: null } });
      expect(toShanghaiIso(deadlineFor('arrive', 'normal', start, custom) ?? '')).toBe('2026-10-01T10:00:00+08:00');
      expect(deadlineFor('ack', 'normal', start, custom)).toBeNull();
    });
  });

  describe('deadlines on submit and on whistle', () => {
    it.each<[Priority, string, string]>([
      ['urgent', '2026-10-02T23:50:00+08:00', '2026-10-03T00:20:00+08:00'],
      ['normal', '2026-10-02T23:50:00+08:00', '2026-10-03T01:50:00+08:00'], // 7×24, holiday or not
    ])('%s submitted at %s: triage by %s', (priority, submittedAt, due) => {
      expect(shanghai(deadlinesOnSubmit(priority, submittedAt, policy))).toEqual([{ step: 'triage', due }]);
    });

    it('stores dues as UTC ISO strings', () => {
      expect(deadlinesOnSubmit('urgent', '2026-09-30T10:00:00+08:00', policy)).toEqual([
        { step: 'triage', due: '2026-09-30T02:30:00.000Z' },
      ]);
    });

    it.each<[string, Priority, string, Deadline[]]>([
      [
        'urgent, Spring Festival eve',
        'urgent',
        '2026-02-16T22:00:00+08:00',
        [
          { step: 'ack', due: '2026-02-16T22:30:00+08:00' },
          { step: 'arrive', due: '2026-02-17T00:00:00+08:00' },
          { step: 'resolve', due: '2026-02-17T22:00:00+08:00' },
        ],
      ],
      [
        'normal, before Spring Festival',
        'normal',
        '2026-02-12T15:00:00+08:00',
        [
          { step: 'ack', due: '2026-02-12T17:00:00+08:00' },
          // Feb 13, Sat 14 (make-up), 24, 25, 26
          { step: 'resolve', due: '2026-02-26T15:00:00+08:00' },
        ],
      ],
      [
        'normal, before National Day',
        'normal',
        '2026-09-30T10:00:00+08:00',
        [
          { step: 'ack', due: '2026-09-30T12:00:00+08:00' },
          { step: 'resolve', due: '2026-10-13T10:00:00+08:00' },
        ],
      ],
    ])('whistle (%s)', (_label, priority, whistledAt, expected) => {
      expect(shanghai(deadlinesOnWhistle(priority, whistledAt, policy))).toEqual(expected);
    });

    it('adds an arrive deadline to normal tickets when the policy sets one', () => {
      const custom = resolveSlaPolicy({ normal: { arrive: { unit: 'hours', amount: 24 } } });
      expect(deadlinesOnWhistle('normal', '2026-09-30T10:00:00+08:00', custom).map((d) => d.step)).toEqual(['ack', 'arrive', 'resolve']);
    });

    it('gives the resident 7 natural days to confirm and to reopen', () => {
      expect(shanghai([confirmDeadline('2026-09-30T18:00:00+08:00', policy)])).toEqual([
        { step: 'confirm', due: '2026-10-07T18:00:00+08:00' },
      ]);
      expect(toShanghaiIso(reopenDeadline('2026-09-30T18:00:00+08:00', policy))).toBe('2026-10-07T18:00:00+08:00');
    });
  });

  describe('validateExtension', () => {
    // current resolve due Tue 13 Oct 10:00; +15 working days = Tue 3 Nov 10:00
    const currentDue = '2026-10-13T02:00:00.000Z';
    const requestedAt = '2026-10-12T09:00:00+08:00';

    it.each([
      ['2026-10-20T18:00:00+08:00', '2026-10-20T10:00:00.000Z'],
      ['2026-11-03T10:00:00+08:00', '2026-11-03T02:00:00.000Z'], // exactly 15 working days
      ['2026-10-13T10:01:00+08:00', '2026-10-13T02:01:00.000Z'],
    ])('accepts %s', (until, due) => {
      expect(validateExtension(currentDue, until, requestedAt, policy)).toEqual({ ok: true, due });
    });

    it.each([
      ['2026-11-03T10:01:00+08:00', 'SLA.EXTENSION_TOO_LONG'],
      ['2026-11-04T09:00:00+08:00', 'SLA.EXTENSION_TOO_LONG'],
      ['2026-10-13T10:00:00+08:00', 'SLA.EXTENSION_NOT_LATER'], // equal to the current due
      ['2026-10-12T18:00:00+08:00', 'SLA.EXTENSION_NOT_LATER'],
      ['2026-10-12T09:00:00+08:00', 'SLA.EXTENSION_IN_PAST'],
      ['2026-10-01T09:00:00+08:00', 'SLA.EXTENSION_IN_PAST'],
    ])('rejects %s with %s and a Chinese message', (until, code) => {
      const result = validateExtension(currentDue, until, requestedAt, policy);
      expect(result).toMatchObject({ ok: false, code });
      expect(result.ok ? '' : result.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('names the limit in the too-long message', () => {
      const result = validateExtension(currentDue, '2026-11-20T10:00:00+08:00', requestedAt, policy);
      expect(result.ok ? '' : result.message).toBe('延期最多 15 个工作日，最晚至 2026-11-03 10:00');
    });

    it('counts the 15 working days across the National Day holiday and its make-up Saturday', () => {
      // from Tue 29 Sep: Sep 30, Oct 8, 9, 10 (Sat, make-up), 12–16, 19–23, 26 → Mon 26 Oct
      const due = '2026-09-29T10:00:00+08:00';
      const at = '2026-09-28T10:00:00+08:00';
      expect(validateExtension(due, '2026-10-26T10:00:00+08:00', at, policy).ok).toBe(true);
      expect(validateExtension(due, '2026-10-26T10:00:01+08:00', at, policy)).toMatchObject({ ok: false, code: 'SLA.EXTENSION_TOO_LONG' });
    });
  });

  describe('applyExtension and markMet', () => {
    const whistled = deepFreeze(deadlinesOnWhistle('normal', '2026-09-30T10:00:00+08:00', policy));

    it('moves only the resolve due and leaves the input alone', () => {
      const extended = applyExtension(whistled, '2026-10-20T18:00:00+08:00');
      expect(shanghai(extended)).toEqual([
        { step: 'ack', due: '2026-09-30T12:00:00+08:00' },
        { step: 'resolve', due: '2026-10-20T18:00:00+08:00' },
      ]);
      expect(extended[1]?.due).toBe('2026-10-20T10:00:00.000Z');
      expect(toShanghaiIso(whistled[1]?.due ?? '')).toBe('2026-10-13T10:00:00+08:00');
    });

    it('keeps a frozen overdueAt on the extended step', () => {
      const overdue = whistled.map((d) => (d.step === 'resolve' ? { ...d, overdueAt: '2026-10-13T02:05:00.000Z' } : d));
      expect(applyExtension(overdue, '2026-10-20T18:00:00+08:00')[1]).toEqual({
        step: 'resolve',
        due: '2026-10-20T10:00:00.000Z',
        overdueAt: '2026-10-13T02:05:00.000Z',
      });
    });

    it('refuses when no resolve deadline is open', () => {
      expect(() => applyExtension(markMet(whistled, 'resolve', '2026-10-09T10:00:00+08:00'), '2026-10-20T18:00:00+08:00')).toThrow(
        'no open resolve deadline',
      );
      expect(() => applyExtension(deadlinesOnSubmit('normal', '2026-09-30T10:00:00+08:00', policy), '2026-10-20T18:00:00+08:00')).toThrow();
    });

    it('marks a step met once and keeps the first time', () => {
      const met = markMet(whistled, 'ack', '2026-09-30T11:00:00+08:00');
      expect(met[0]).toEqual({ step: 'ack', due: '2026-09-30T04:00:00.000Z', metAt: '2026-09-30T03:00:00.000Z' });
      expect(met[1]).toEqual(whistled[1]);
      expect(markMet(met, 'ack', '2026-09-30T11:45:00+08:00')).toEqual(met);
      expect(whistled[0]).not.toHaveProperty('metAt');
    });

    it('leaves the list as it was for a step without a deadline', () => {
      expect(markMet(whistled, 'arrive', '2026-09-30T11:00:00+08:00')).toEqual(whistled);
    });

    it('finds the open deadline of a step', () => {
      expect(openDeadline(whistled, 'resolve')?.step).toBe('resolve');
      expect(openDeadline(markMet(whistled, 'resolve', '2026-10-09T10:00:00+08:00'), 'resolve')).toBeUndefined();
      expect(openDeadline(whistled, 'arrive')).toBeUndefined();
    });
  });
});
