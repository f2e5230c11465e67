import { z } from 'zod';
import { CATEGORY_CODES } from '../taxonomy/categories';

/**
 * Responsibility lists (责任清单) as data. Each jurisdiction file is validated by these schemas
 * when the registry is built; a broken list fails loudly, naming the jurisdiction and the row.
 */

/** Department kinds that a city list can name generically ("各县(市)区住建部门" → kind 'housing'). */
export const UNIT_KINDS = [
  'government',
  'housing',
  'development',
  'market',
  'enforcement',
  'police',
  'emergency',
  'fire',
  'resources',
  'landscape',
  'civil',
  'township',
  'leadership',
  /** A property company (物业服务企业): never a handler of complaints about its own conduct. */
  'property',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * What a unit does with a ticket routed to it (DESIGN.md §6): a handling unit reports in (报到),
 * arrives and rectifies, and is measured on it; a coordinating unit (a 人民政府, a leadership office,
 * a party department) is informed and is an escalation target, never measured on 报到.
 */
export const UNIT_DUTIES = ['handling', 'coordinating'] as const;
export type UnitDuty = (typeof UNIT_DUTIES)[number];

/** Kinds whose units coordinate rather than handle, unless a department says otherwise. */
const COORDINATING_KINDS: ReadonlySet<UnitKind> = new Set(['government', 'leadership']);

/** The duty a unit of this kind has by default. */
export function dutyOfKind(kind: UnitKind): UnitDuty {
  return COORDINATING_KINDS.has(kind) ? 'coordinating' : 'handling';
}

export const UNIT_LEVELS = ['city', 'district', 'county', 'township'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The documents of docs/sources/ the bundled lists cite; an imported list cites its own document by title. */
export const SOURCE_FILES = [
  '000_54099d4cd549e82b.txt',
  '001_c21a685cf9840a30.txt',
  '002_bbc741157aca8db7.txt',
  '003_ffcbc4d9ebbf64d7.txt',
  '004_130a68cab0166a86.txt',
] as const;

const id = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'ids are lower-case, dot-separated');

/**
 * A unit reference in a list row:
 * - a department id of the directory ("yongning.zjj");
 * - "local:<kind>" for a city row's "各县(市)区…部门": the estate's district/county unit of that kind;
 * - "township" for the estate's street/township (属地).
 */
export const UnitRefSchema = z.union([
  z.literal('township'),
  z.string().regex(/^local:[a-z]+$/, 'local refs look like local:<kind>').refine((s) => (UNIT_KINDS as readonly string[]).includes(s.slice(6)), 'unknown unit kind'),
  id,
]);
export type UnitRefSpec = z.infer<typeof UnitRefSchema>;

export const BasisSchema = z.object({
  /** A docs/sources file (bundled lists) or the title of the county's own document (imported lists). */
  source: z.string().min(1),
  item: z.string().min(1),
  /** Quoted from the document as written (002 stays in Traditional characters). */
  text: z.string().min(4),
});

export const ListRowSchema = z.object({
  id,
  categories: z.array(z.enum(CATEGORY_CODES)).min(1),
  basis: z.array(BasisSchema).min(1),
  /** Lead units (牵头), in the document's order. */
  lead: z.array(UnitRefSchema).min(1),
  /** Co-responsible units (责任/配合), in the document's order. The estate's township is added by routing when absent. */
  responsible: z.array(UnitRefSchema),
  /** How an ambiguity in the document was decided. */
  note: z.string().optional(),
  /** 序号 and 问题 as an imported table writes them (the bundled lists cite them in basis.item instead). */
  seq: z.string().min(1).optional(),
  problem: z.string().min(1).optional(),
});
export type ListRow = z.infer<typeof ListRowSchema>;

export const DepartmentSchema = z.object({
  id,
  /** Simplified Chinese, as the document names the unit. */
  name: z.string().min(2),
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS),
  /** Overrides the duty of the unit's kind (dutyOfKind), e.g. a party department that only guides. */
  duty: z.enum(UNIT_DUTIES).optional(),
  /** Other names the documents use for the same unit. */
  aliases: z.array(z.string()).optional(),
  /** Where the name or the duty comes from. */
  note: z.string().optional(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A district or county of a city (the "县(市)区" that generic rows resolve to). */
export const AreaSchema = z.object({
  id,
  name: z.string().min(2),
  level: z.enum(['district', 'county']),
  /** Set when the area is a jurisdiction of its own (Yongning in Yinchuan). */
  jurisdiction: id.optional(),
});
export type Area = z.infer<typeof AreaSchema>;

export const TownshipSchema = z.object({
  id,
  name: z.string().min(2),
  /** The area (district/county) it belongs to; omitted in county jurisdictions. */
  area: id.optional(),
});
export type Township = z.infer<typeof TownshipSchema>;

/** A calendar date, YYYY-MM-DD, read in China time (UTC+8) by routing. */
export const ListDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are YYYY-MM-DD');

export const JurisdictionListSchema = z.object({
  id,
  name: z.string().min(2),
  level: z.enum(['city', 'county']),
  parent: id.optional(),
  /** How the list was read from its documents (the decisions a reader needs). */
  about: z.array(z.string()).optional(),
  /** The version of the rows below: tickets record it, so a later version never rewrites their basis. */
  versionId: z.string().min(1),
  /** The first day (China time) the rows route new tickets; null for a bundled list, which has always applied. */
  effectiveFrom: ListDateSchema.nullable(),
  sources: z.array(z.string().min(1)).min(1),
  departments: z.array(DepartmentSchema).min(1),
  areas: z.array(AreaSchema),
  townships: z.array(TownshipSchema).min(1),
  /** Name of a generic local unit: area prefix + label ("县(市)区" + "住建部门"). */
  localLabels: z.record(z.enum(UNIT_KINDS), z.string().min(2)),
  genericAreaName: z.string().min(2),
  /** The township named when the estate is unknown. */
  genericTownship: z.string().min(2),
  /** Department id of the leadership office (领导小组办公室), the top of the escalation ladder. */
  leadershipOffice: id,
  rows: z.array(ListRowSchema).min(1),
  /** Used when neither this list nor its parent's covers a category: 属地 township + 住建. */
  defaultRow: ListRowSchema.omit({ categories: true }),
});
export type JurisdictionListInput = z.input<typeof JurisdictionListSchema>;
export type JurisdictionList = z.infer<typeof JurisdictionListSchema>;
