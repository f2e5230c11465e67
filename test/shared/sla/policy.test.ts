import { toShanghaiIso } from '../../../shared/sla/calendar';
import { addSpan, DEFAULT_SLA_POLICY, describeSpan, resolveSlaPolicy, SlaPolicySchema, type Span } from '../../../shared/sla/policy';
import { useProcessTimeZone, ZONES } from './timezones';

describe('DEFAULT_SLA_POLICY (DESIGN.md §6)', () => {
  it.each([
    ['urgent', 'triage', { unit: 'minutes', amount: 30 }],
    ['urgent', 'ack', { unit: 'minutes', amount: 30 }],
    ['urgent', 'arrive', { unit: 'hours', amount: 2 }],
    ['urgent', 'resolve', { unit: 'hours', amount: 24 }],
    ['urgent', 'escalateAfter', { unit: 'hours', amount: 2 }],
    ['normal', 'triage', { unit: 'hours', amount: 2 }],
    ['normal', 'ack', { unit: 'hours', amount: 2 }],
    ['normal', 'arrive', null],
    ['normal', 'resolve', { unit: 'workingDays', amount: 5 }],
    ['normal', 'escalateAfter', { unit: 'workingDays', amount: 1 }],
  ] as const)('%s %s: %j', (priority, step, span) => {
    expect(DEFAULT_SLA_POLICY[priority][step]).toEqual(span);
  });

  it('allows extensions of 15 working days and gives 7 natural days to confirm and to reopen', () => {
    expect(DEFAULT_SLA_POLICY.extensionMax).toEqual({ unit: 'workingDays', amount: 15 });
    expect(DEFAULT_SLA_POLICY.confirmWindow).toEqual({ unit: 'days', amount: 7 });
    expect(DEFAULT_SLA_POLICY.reopenWindow).toEqual({ unit: 'days', amount: 7 });
  });

  it('is valid against its own schema and cannot be changed in place', () => {
    expect(SlaPolicySchema.safeParse(DEFAULT_SLA_POLICY).success).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA_POLICY.urgent.triage)).toBe(true);
    expect(() => {
      (DEFAULT_SLA_POLICY.urgent as { triage: Span | null }).triage = null;
    }).toThrow(TypeError);
  });
});

describe('resolveSlaPolicy', () => {
  it.each([undefined, null, {}])('gives the defaults for %p', (override) => {
    expect(resolveSlaPolicy(override)).toEqual(DEFAULT_SLA_POLICY);
  });

  it('merges a priority per step and keeps the other priority', () => {
    const policy = resolveSlaPolicy({ normal: { resolve: { unit: 'workingDays', amount: 3 } } });
    expect(policy.normal.resolve).toEqual({ unit: 'workingDays', amount: 3 });
    expect(policy.normal.triage).toEqual(DEFAULT_SLA_POLICY.normal.triage);
    expect(policy.urgent).toEqual(DEFAULT_SLA_POLICY.urgent);
  });

  it('replaces a span whole rather than merging its fields', () => {
    const policy = resolveSlaPolicy({ urgent: { triage: { unit: 'hours', amount: 1 } } });
    expect(policy.urgent.triage).toEqual({ unit: 'hours', amount: 1 });
  });

  it('switches a deadline off with null and sets one the defaults lack', () => {
    const policy = resolveSlaPolicy({ urgent: { arrive: null }, normal: { arrive: { unit: 'hours', amount: 24 } } });
    expect(policy.urgent.arrive).toBeNull();
    expect(policy.normal.arrive).toEqual({ unit: 'hours', amount: 24 });
  });

  it('replaces top-level spans', () => {
    expect(resolveSlaPolicy({ confirmWindow: { unit: 'days', amount: 10 } }).confirmWindow).toEqual({ unit: 'days', amount: 10 });
  });

  it('does not change the defaults', () => {
    resolveSlaPolicy({ urgent: { triage: { unit: 'hours', amount: 1 } } });
    expect(DEFAULT_SLA_POLICY.urgent.triage).toEqual({ unit: 'minutes', amount: 30 });
  });

  it.each([
    [{ urgent: { triage: { unit: 'minutes', amount: 0 } } }, 'urgent.triage.amount'],
    [{ urgent: { triage: { unit: 'minutes', amount: '30' } } }, 'urgent.triage.amount'],
    [{ normal: { resolve: { unit: 'weeks', amount: 1 } } }, 'normal.resolve.unit'],
    [{ normal: { resolve: { unit: 'workingDays', amount: 2.5 } } }, 'normal.resolve.amount'],
    [{ normal: { triage: { unit: 'hours', amount: 2, extra: true } } }, 'normal.triage'],
    [{ normal: { escalateAfter: null } }, 'normal.escalateAfter'],
    [{ extensionMax: 15 }, 'extensionMax'],
    [{ urgnet: { triage: { unit: 'minutes', amount: 10 } } }, 'urgnet'],
    [{ normal: 'fast' }, 'normal'],
  ])('rejects %j naming %s', (override, field) => {
    expect(() => resolveSlaPolicy(override)).toThrow(field);
    expect(() => resolveSlaPolicy(override)).toThrow(/^invalid SLA policy: /);
  });

  it('keeps a __proto__ key as a key, and rejects it', () => {
    expect(() => resolveSlaPolicy(JSON.parse('{"__proto__": {"extensionMax": 1}}'))).toThrow('__proto__');
  });

  it.each(['fast', 5, [], true])('rejects the non-object override %p', (override) => {
    expect(() => resolveSlaPolicy(override)).toThrow('must be an object');
  });
});

describe('describeSpan', () => {
  it.each([
    [{ unit: 'minutes', amount: 30 }, '30 分钟'],
    [{ unit: 'hours', amount: 2 }, '2 小时'],
    [{ unit: 'days', amount: 7 }, '7 天'],
    [{ unit: 'workingDays', amount: 15 }, '15 个工作日'],
  ] as const)('%j → %s', (span, text) => {
    expect(describeSpan(span)).toBe(text);
  });
});

describe.each(ZONES)('addSpan with the process in %s', (zone) => {
  useProcessTimeZone(zone);

  it.each([
    [{ unit: 'minutes', amount: 30 }, '2026-09-30T23:45:00+08:00', '2026-10-01T00:15:00+08:00'],
    [{ unit: 'hours', amount: 24 }, '2026-09-30T23:45:00+08:00', '2026-10-01T23:45:00+08:00'],
    [{ unit: 'days', amount: 7 }, '2026-09-30T23:45:00+08:00', '2026-10-07T23:45:00+08:00'],
    [{ unit: 'workingDays', amount: 5 }, '2026-09-30T10:00:00+08:00', '2026-10-13T10:00:00+08:00'],
  ] as const)('%j from %s = %s', (span, start, due) => {
    expect(toShanghaiIso(addSpan(start, span))).toBe(due);
  });
});
