/**
 * The shipped regional calendars (regional-holidays.json): per region, the jurisdictions it covers
 * and its days off and make-up days per year, each year with its source. Validated on load, so a
 * bad edit of the data fails every test that imports the SLA policy.
 */
import { z } from 'zod';
import seed from './regional-holidays.json';
import { WorkCalendarsSchema, type WorkCalendars } from './work-calendar';
import { REGISTRY } from '../jurisdictions';

export const RegionSchema = z
  .object({
    id: z.string().regex(/^[a-z]+$/),
    name: z.string().min(2),
    jurisdictions: z.array(z.string().min(1)).min(1),
    years: WorkCalendarsSchema,
  })
  .strict();

export const RegionalHolidaysSchema = z
  .object({
    about: z.string(),
    regions: z.array(RegionSchema).superRefine((regions, ctx) => {
      const seen = new Set<string>();
      for (const j of regions.flatMap((r) => r.jurisdictions)) {
        if (seen.has(j)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `jurisdiction ${j} is in two regions` });
        seen.add(j);
      }
    }),
  })
  .strict();
export type RegionalHolidays = z.infer<typeof RegionalHolidaysSchema>;

export const REGIONAL_HOLIDAYS: RegionalHolidays = RegionalHolidaysSchema.parse(seed);

/** The region whose regional holidays a jurisdiction observes, if any. */
export function regionOf(jurisdiction: string, data: RegionalHolidays = REGIONAL_HOLIDAYS): RegionalHolidays['regions'][number] | undefined {
  // A county an admin created (issue 19 §4) is in no region's list: it has its parent city's region.
  const ids = [jurisdiction, ...REGISTRY.chain(jurisdiction).slice(1).map((l) => l.id)];
  for (const id of ids) {
    const region = data.regions.find((r) => r.jurisdictions.includes(id));
    if (region) return region;
  }
  return undefined;
}

/** The shipped calendar years of a jurisdiction's region ({} outside any region). */
export function seedCalendars(jurisdiction: string, data: RegionalHolidays = REGIONAL_HOLIDAYS): WorkCalendars {
  return regionOf(jurisdiction, data)?.years ?? {};
}
