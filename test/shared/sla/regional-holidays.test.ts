import { isWorkingDay } from '../../../shared/sla/calendar';
import { REGIONAL_HOLIDAYS, RegionalHolidaysSchema, regionOf, seedCalendars } from '../../../shared/sla/regional-holidays';
import seed from '../../../shared/sla/regional-holidays.json';

// The festival dates are checked against ICU's islamic-umalqura calendar (the Umm al-Qura tables, as
// shipped in Node's Intl): 开斋节/肉孜节 is 1 Shawwal (month 10), 古尔邦节 is 10 Dhu al-Hijjah (month 12).
const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const hijriMonthDay = (date: string): string => {
  const parts = hijri.formatToParts(new Date(`${date}T00:00:00Z`));
  return `${parts.find((p) => p.type === 'month')?.value}/${parts.find((p) => p.type === 'day')?.value}`;
};
const HIJRI_DATE: Record<string, string> = { 开斋节: '10/1', 肉孜节: '10/1', 古尔邦节: '12/10' };
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const dayGap = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

describe('the shipped regional calendars', () => {
  it('validate against their schema', () => {
    expect(RegionalHolidaysSchema.safeParse(seed).success).toBe(true);
  });

  it('cover the four jurisdictions (issue 16 §6: Ningxia for 银川, 永宁, 吴忠; Xinjiang for 奇台)', () => {
    expect(['yinchuan', 'yongning', 'wuzhong'].map((j) => regionOf(j)?.name)).toEqual(['宁夏回族自治区', '宁夏回族自治区', '宁夏回族自治区']);
    expect(regionOf('qitai')?.name).toBe('新疆维吾尔自治区');
    expect(seedCalendars('nowhere')).toEqual({});
  });

  it.each(REGIONAL_HOLIDAYS.regions.flatMap((r) => ['2026', '2027'].map((y) => [r.name, y] as const)))('%s %s: present, with its source, marked as an estimate until the notice is entered', (name, year) => {
    const entry = REGIONAL_HOLIDAYS.regions.find((r) => r.name === name)?.years[year];
    expect(entry).toBeDefined();
    expect(entry?.estimate).toBe(true);
    expect(entry?.source).toMatch(/^估算/);
    expect(entry?.source).toContain('伊斯兰教历');
  });

  it.each(REGIONAL_HOLIDAYS.regions.flatMap((r) => Object.entries(r.years).flatMap(([y, e]) => (e.holidays ?? []).map((h) => [r.name, y, h.name, h.date] as const))))(
    '%s %s %s on %s is the Hijri date of the festival',
    (_region, _year, name, date) => {
      expect(hijriMonthDay(date)).toBe(HIJRI_DATE[name]);
    },
  );

  it('each day off is a weekday the national calendar works, within three days of its festival', () => {
    for (const region of REGIONAL_HOLIDAYS.regions) {
      for (const entry of Object.values(region.years)) {
        const festivals = (entry.holidays ?? []).map((h) => h.date);
        for (const day of entry.daysOff) {
          expect({ day, weekday: weekday(day) >= 1 && weekday(day) <= 5, nationalWorkingDay: isWorkingDay(day) }).toEqual({ day, weekday: true, nationalWorkingDay: true });
          expect(Math.min(...festivals.map((f) => dayGap(day, f)))).toBeLessThanOrEqual(3);
        }
      }
    }
  });

  it('Ningxia: two days off for each festival, as in the region’s notices (2021: 开斋节“5月13日至14日放假”, 古尔邦节“7月19日至20日放假”)', () => {
    for (const entry of Object.values(regionOf('yongning')?.years ?? {})) {
      for (const h of entry.holidays ?? []) expect(entry.daysOff.filter((d) => dayGap(d, h.date) <= 2)).toHaveLength(2);
    }
  });

  it('Xinjiang: one working day for 肉孜节 and three for 古尔邦节, joined to the weekend (2022: 古尔邦节“7月9日至13日放假调休，共5天”)', () => {
    for (const entry of Object.values(regionOf('qitai')?.years ?? {})) {
      const off = (name: string) => {
        const date = entry.holidays?.find((h) => h.name === name)?.date ?? '';
        return entry.daysOff.filter((d) => dayGap(d, date) <= 3);
      };
      expect(off('肉孜节')).toHaveLength(1);
      expect(off('古尔邦节')).toHaveLength(3);
    }
  });
});
