import { z } from 'zod';
import { INVITATION_MAX_TTL_HOURS, INVITATION_TTL_HOURS } from '../domain/invitation';
import { ROLES } from '../domain/roles';
import { Cursor, GeoPointSchema, Id, Phone, Text } from './common';
import { CalendarDateSchema } from '../sla/work-calendar';

/** A jurisdiction id (bundled or created by an admin, issue 19 §4); the use case checks it exists and the caller's scope covers it. */
const Jurisdiction = z.string().regex(/^[a-z][a-z0-9-]*$/, '辖区编号格式不正确').max(40);

export const GrantSchema = z.object({
  role: z.enum(ROLES),
  jurisdiction: Jurisdiction,
  estates: z.array(Id).max(200).optional(),
  grids: z.array(Id).max(200).optional(),
  streets: z.array(Id).max(50).optional(),
  units: z.array(Id).max(20).optional(),
  company: Id.optional(),
});

export const EstateSchema = z.object({
  id: Id,
  name: Text(50).min(2),
  jurisdiction: Jurisdiction,
  areaId: Id.nullable(),
  townshipId: Id,
  address: Text(100).min(2),
  location: GeoPointSchema,
  sceneCode: z.string().regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/, '二维码场景值须为1–32位可见字符'),
  propertyCompanyId: Id.nullable(),
  propertyInfo: z
    .object({ servicePhone: Text(30), feeStandard: Text(300), publicIncome: Text(500) })
    .nullable(),
});

/** Inputs of the `admin` function (jurisdiction set-up). */
export const AdminInputs = {
  putEstate: EstateSchema,
  putGrid: z.object({ id: Id, name: Text(50).min(2), jurisdiction: Jurisdiction, townshipId: Id, estateIds: z.array(Id).max(200) }),
  // No openid and no demo flag: staff bind their own WeChat account; an admin never types an openid.
  putUser: z.object({ id: Id, name: Text(30).min(1), phone: Phone.nullable(), grants: z.array(GrantSchema).max(20) }),
  putPropertyCompany: z.object({ id: Id, name: Text(60).min(2), jurisdiction: Jurisdiction, ratedStars: z.number().int().min(1).max(5).nullable().optional() }),
  putUnitContact: z.object({ unitId: Id, name: Text(60).min(2), phone: z.string().regex(/^[0-9-]{5,20}$/, '电话格式不正确'), contactPerson: Text(20).optional(), complaintPhone: z.string().regex(/^[0-9-]{5,20}$/, '电话格式不正确').optional() }),
  putSlaPolicy: z.object({ jurisdiction: Jurisdiction, policy: z.record(z.unknown()) }),
  /** A year of the jurisdiction's regional calendar, from the regional government's annual notice (shared/sla/work-calendar.ts). */
  putWorkCalendar: z.object({
    jurisdiction: Jurisdiction,
    year: z.number().int().min(2000).max(2100),
    daysOff: z.array(CalendarDateSchema).max(60),
    workdays: z.array(CalendarDateSchema).max(60),
    source: Text(500).min(2, '请填写依据（通知标题、文号）'),
  }),
  /** The regional calendar of a year as deadlines count it: the admin's notice, else the shipped estimate. */
  workCalendar: z.object({ jurisdiction: Jurisdiction, year: z.number().int().min(2000).max(2100) }),
  /** An admin's estates; with a limit one page at a time, by township then name (the print-all posters page reads every page). */
  listEstates: z.object({ jurisdiction: Jurisdiction.optional(), township: Id.optional(), limit: z.number().int().min(1).max(100).optional(), after: Cursor }),
  listUsers: z.object({ jurisdiction: Jurisdiction.optional() }),
  directory: z.object({ jurisdiction: Jurisdiction }),
  /** An invitation code for a staff record (shown once); a new one replaces the user's unused one. */
  createInvitation: z.object({ userId: Id, ttlHours: z.number().int().min(1).max(INVITATION_MAX_TTL_HOURS, '有效期最长14天').default(INVITATION_TTL_HOURS) }),
  /** The first admin of a deployment, with the one-time code set at deploy time (BOOTSTRAP_ADMIN_CODE). */
  /** The estate's mini-program code for its noticeboard poster. */
  estateCode: z.object({ estateId: Id }),
  bootstrap: z.object({
    code: z.string().min(20).max(200),
    name: Text(30).min(1, '请填写姓名'),
    jurisdiction: Jurisdiction,
    /** A top-level jurisdiction not in the store yet, created in the same act (issue 19: the operator's, where no CLI reaches the store). */
    create: z.object({ name: Text(40).min(2, '请填写辖区名称'), level: z.enum(['county', 'district', 'city']) }).optional(),
  }),
};
