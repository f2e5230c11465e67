import type { Deadline, Priority, SlaStep } from '../../../shared/domain/ticket';
import { confirmDeadline, deadlinesOnSubmit, deadlinesOnWhistle, markMet } from '../../../shared/sla/deadlines';
import { confirmWindowExpired, markOverdue, nextEscalation, overdueSteps, type Escalation } from '../../../shared/sla/overdue';
import { DEFAULT_SLA_POLICY as policy } from '../../../shared/sla/policy';
import { useProcessTimeZone, ZONES } from './timezones';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe.each(ZONES)('overdue and escalation with the process in %s', (zone) => {
  useProcessTimeZone(zone);

  // Urgent ticket whistled on National Day at 10:00: ack 10:30, arrive 12:00, resolve 2 Oct 10:00.
  const urgent = deepFreeze(deadlinesOnWhistle('urgent', '2026-10-01T10:00:00+08:00', policy));

  describe('overdueSteps', () => {
    it.each<[string, SlaStep[]]>([
      ['2026-10-01T10:29:59+08:00', []],
      ['2026-10-01T10:30:00+08:00', []], // due is not yet overdue
      ['2026-10-01T10:30:01+08:00', ['ack']],
      ['2026-10-01T12:01:00+08:00', ['ack', 'arrive']],
      ['2026-10-02T10:01:00+08:00', ['ack', 'arrive', 'resolve']],
    ])('at %s: %j', (now, steps) => {
      expect(overdueSteps(urgent, now)).toEqual(steps);
    });

    it('skips met steps and steps already marked', () => {
      const now = '2026-10-01T12:01:00+08:00';
      expect(overdueSteps(markMet(urgent, 'ack', '2026-10-01T10:20:00+08:00'), now)).toEqual(['arrive']);
      expect(overdueSteps(markOverdue(urgent, ['ack'], '2026-10-01T10:35:00+08:00'), now)).toEqual(['arrive']);
    });

    it('never reports the resident confirm window', () => {
      const list = [confirmDeadline('2026-10-01T10:00:00+08:00', policy)];
      expect(overdueSteps(list, '2026-10-09T10:00:00+08:00')).toEqual([]);
      expect(confirmWindowExpired(list, '2026-10-08T10:00:00+08:00')).toBe(false);
      expect(confirmWindowExpired(list, '2026-10-08T10:00:01+08:00')).toBe(true);
      expect(confirmWindowExpired(markMet(list, 'confirm', '2026-10-02T10:00:00+08:00'), '2026-10-09T10:00:00+08:00')).toBe(false);
    });
  });

  describe('markOverdue', () => {
    const now = '2026-10-01T12:01:00+08:00';

    it('freezes overdueAt on the given overdue steps, as UTC, without touching the input', () => {
      const marked = markOverdue(urgent, overdueSteps(urgent, now), now);
      expect(marked.map((d) => d.overdueAt)).toEqual(['2026-10-01T04:01:00.000Z', '2026-10-01T04:01:00.000Z', undefined]);
      expect(urgent.every((d) => d.overdueAt === undefined)).toBe(true);
    });

    it('is idempotent: marking again, even later, changes nothing', () => {
      const once = markOverdue(urgent, ['ack', 'arrive'], now);
      expect(markOverdue(once, ['ack', 'arrive'], now)).toEqual(once);
      expect(markOverdue(once, ['ack', 'arrive'], '2026-10-01T13:00:00+08:00')).toEqual(once);
    });

    it('marks neither steps that are not yet due nor steps already met', () => {
      const met = markMet(urgent, 'ack', '2026-10-01T10:20:00+08:00');
      expect(markOverdue(met, ['ack', 'arrive', 'resolve'], now).map((d) => d.overdueAt)).toEqual([
        undefined,
        '2026-10-01T04:01:00.000Z',
        undefined,
      ]);
    });
  });

  describe('nextEscalation (grid → street → leadership office)', () => {
    type Row = [string, 0 | 1 | 2, string, Escalation | null];
    const street: Escalation = { level: 1, target: 'street' };
    const leadership: Escalation = { level: 2, target: 'leadership' };

    // urgent: ack due 10:30, further span 2 h → leadership after 12:30
    it.each<Row>([
      ['nothing late', 0, '2026-10-01T10:29:00+08:00', null],
      ['ack just due', 0, '2026-10-01T10:30:00+08:00', null],
      ['ack late', 0, '2026-10-01T10:31:00+08:00', street],
      ['already at the street', 1, '2026-10-01T10:31:00+08:00', null],
      ['late exactly 2 h', 1, '2026-10-01T12:30:00+08:00', null],
      ['late over 2 h', 1, '2026-10-01T12:31:00+08:00', leadership],
      ['late over 2 h, never escalated (sweep outage)', 0, '2026-10-01T12:31:00+08:00', leadership],
      ['already at the leadership office', 2, '2026-10-09T10:00:00+08:00', null],
    ])('urgent, %s (level %i at %s)', (_label, escalation, now, expected) => {
      expect(nextEscalation({ escalation, deadlines: urgent, priority: 'urgent' }, now, policy)).toEqual(expected);
    });

    // normal: triage due Wed 30 Sep 18:00, further span 1 working day → Thu 8 Oct 18:00
    const normal = deepFreeze(deadlinesOnSubmit('normal', '2026-09-30T16:00:00+08:00', policy));
    it.each<Row>([
      ['triage late', 0, '2026-09-30T18:01:00+08:00', street],
      ['late through the whole holiday', 1, '2026-10-08T18:00:00+08:00', null],
      ['late over 1 working day', 1, '2026-10-08T18:01:00+08:00', leadership],
    ])('normal, %s (level %i at %s)', (_label, escalation, now, expected) => {
      expect(nextEscalation({ escalation, deadlines: normal, priority: 'normal' }, now, policy)).toEqual(expected);
    });

    it('uses the ticket priority for the further span', () => {
      // the same late ack: 3 h late is over the urgent 2 h, not over the normal 1 working day
      const now = '2026-10-08T13:31:00+08:00';
      const late: Deadline[] = [{ step: 'ack', due: '2026-10-08T02:30:00.000Z' }];
      const at = (priority: Priority) => nextEscalation({ escalation: 1, deadlines: late, priority }, now, policy);
      expect(at('urgent')).toEqual(leadership);
      expect(at('normal')).toBeNull();
    });

    it('ignores met steps and the confirm window', () => {
      const now = '2026-10-09T10:00:00+08:00';
      const done = markMet(markMet(markMet(urgent, 'ack', '2026-10-01T10:40:00+08:00'), 'arrive', '2026-10-01T11:00:00+08:00'), 'resolve', '2026-10-01T15:00:00+08:00');
      expect(nextEscalation({ escalation: 0, deadlines: done, priority: 'urgent' }, now, policy)).toBeNull();
      const waiting = [...done, confirmDeadline('2026-10-01T15:00:00+08:00', policy)];
      expect(nextEscalation({ escalation: 0, deadlines: waiting, priority: 'urgent' }, now, policy)).toBeNull();
    });

    it('escalates once when the sweep runs twice', () => {
      const now = '2026-10-01T10:35:00+08:00';
      let ticket = { escalation: 0 as 0 | 1 | 2, deadlines: urgent as readonly Deadline[], priority: 'urgent' as Priority };
      const raised: Escalation[] = [];
      for (let run = 0; run < 2; run += 1) {
        const deadlines = markOverdue(ticket.deadlines, overdueSteps(ticket.deadlines, now), now);
        const next = nextEscalation({ ...ticket, deadlines }, now, policy);
        if (next) raised.push(next);
        ticket = { ...ticket, deadlines, escalation: next ? next.level : ticket.escalation };
      }
      expect(raised).toEqual([street]);
      expect(ticket.escalation).toBe(1);
      expect(ticket.deadlines[0]?.overdueAt).toBe('2026-10-01T02:35:00.000Z');
    });
  });
});
