import { fixedClock, simulatedClock, systemClock } from '../../../local/store/clock';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('systemClock', () => {
  it('gives the current instant as a UTC ISO string', () => {
    const before = Date.now();
    const now = systemClock().now();
    expect(now).toMatch(ISO);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.now());
  });
});

describe('simulatedClock (SIMULATED_NOW)', () => {
  it('starts at the given instant and runs on with real elapsed time', () => {
    let real = 1_700_000_000_000;
    const clock = simulatedClock('2026-10-01T09:00:00+08:00', () => real);
    expect(clock.now()).toBe('2026-10-01T01:00:00.000Z');
    real += 90_500;
    expect(clock.now()).toBe('2026-10-01T01:01:30.500Z');
  });

  it('moves with the real system clock by default', async () => {
    const clock = simulatedClock('2030-01-01T00:00:00.000Z');
    const first = Date.parse(clock.now());
    await new Promise((r) => setTimeout(r, 25));
    const elapsed = Date.parse(clock.now()) - first;
    expect(first).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00.000Z'));
    expect(elapsed).toBeGreaterThanOrEqual(20);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('rejects an unreadable start', () => {
    expect(() => simulatedClock('下周一')).toThrow('无效的时间');
  });
});

describe('fixedClock', () => {
  it('stands still until set or advanced', () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    expect(clock.now()).toBe('2026-11-23T02:00:00.000Z');
    expect(clock.now()).toBe('2026-11-23T02:00:00.000Z');
    clock.advance(30 * 60_000);
    expect(clock.now()).toBe('2026-11-23T02:30:00.000Z');
    clock.set('2026-12-31T23:59:59+08:00');
    expect(clock.now()).toBe('2026-12-31T15:59:59.000Z');
    expect(() => clock.set('not a time')).toThrow('无效的时间');
  });
});
