import { instantMs, shanghaiMonth } from '../../../shared/metrics/instant';
import { runInTz } from './fixtures';

describe('shanghaiMonth', () => {
  it.each([
    ['2026-10-31T16:30:00.000Z', '2026-11'], // 00:30 on 1 November in Shanghai
    ['2026-10-31T15:59:59.999Z', '2026-10'], // 23:59:59.999 on 31 October in Shanghai
    ['2026-10-31T16:00:00.000Z', '2026-11'], // midnight exactly
    ['2026-12-31T16:00:00.000Z', '2027-01'], // year boundary
    ['2026-11-01T00:30:00+08:00', '2026-11'], // an explicit +08:00 offset
  ])('%s is in %s', (iso, month) => {
    expect(shanghaiMonth(iso)).toBe(month);
  });

  it.each([
    ['UTC', 16],
    ['America/Los_Angeles', 9],
    ['Asia/Shanghai', 0],
    ['Pacific/Kiritimati', 6],
  ])('does not depend on the process TZ (%s, where 16:30Z is %i o\'clock)', (tz, localHour) => {
    const script = `
      const { shanghaiMonth } = require('./shared/metrics/instant');
      const t = '2026-10-31T16:30:00.000Z';
      console.log(JSON.stringify({ hour: new Date(t).getHours(), months: [shanghaiMonth(t), shanghaiMonth('2026-10-31T15:59:59.999Z')] }));
    `;
    // The local hour proves the child really ran in that zone.
    expect(runInTz(tz, script)).toEqual({ hour: localHour, months: ['2026-11', '2026-10'] });
  });
});

describe('instantMs', () => {
  it('parses zoned instants', () => {
    expect(instantMs('2026-03-02T08:00:00+08:00')).toBe(instantMs('2026-03-02T00:00:00.000Z'));
  });

  it.each(['2026-10-31T16:30:00', '2026-10-31', 'yesterday', ''])('rejects %p (no zone, or not an instant)', (s) => {
    expect(() => instantMs(s)).toThrow(RangeError);
  });
});
