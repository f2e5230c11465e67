import { z } from 'zod';
import { ListDateSchema } from '../jurisdictions/schema';
import { Text } from './common';

/** A jurisdiction id as the lists spell it (the use case checks that it exists and that the caller administers it). */
const JurisdictionId = z.string().regex(/^[a-z][a-z0-9-]*$/, '辖区编号格式不正确').max(40);
const VersionId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, '版本编号格式不正确').max(80);

/** Inputs of the county list actions of the `admin` function (issue 19). */
export const CountyInputs = {
  /** An XLSX or CSV in the 序号 / 问题 / 牵头单位 / 责任单位 / 依据 layout, base64; stored as a draft only if every row is valid. */
  importList: z.object({
    jurisdiction: JurisdictionId,
    fileName: z.string().regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件').max(120),
    contentBase64: z.string().min(4).max(4_000_000),
    /** The county's document, cited where a 依据 cell names none in 《》. */
    document: Text(100).min(2, '请填写清单文件名称'),
  }),
  previewList: z.object({ jurisdiction: JurisdictionId, versionId: VersionId }),
  activateList: z.object({ jurisdiction: JurisdictionId, versionId: VersionId, effectiveFrom: ListDateSchema }),
  listVersions: z.object({ jurisdiction: JurisdictionId }),
  /** Estates as CSV or XLSX (shared/lists/estates-import.ts ESTATE_COLUMNS), base64. */
  importEstates: z.object({
    jurisdiction: JurisdictionId,
    fileName: z.string().regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件').max(120),
    contentBase64: z.string().min(4).max(4_000_000),
  }),
  /** template: the empty layout; example: Yongning's list filled in; current: the list routing today, for editing. */
  listFile: z.object({ jurisdiction: JurisdictionId, kind: z.enum(['template', 'example', 'current']) }),
  /**
   * A new jurisdiction (a county or district, with its parent city where it has one; a city has
   * none). It routes nothing until its units are imported and a list is activated.
   */
  createJurisdiction: z.object({
    id: JurisdictionId,
    name: Text(40).min(2, '请填写辖区名称'),
    level: z.enum(['county', 'district', 'city']),
    parent: JurisdictionId.optional(),
  }),
  /** Units (shared/lists/directory-columns.ts UNIT_COLUMNS, townships among them), base64; all rows valid or nothing stored. */
  importUnits: z.object({
    jurisdiction: JurisdictionId,
    fileName: z.string().regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件').max(120),
    contentBase64: z.string().min(4).max(4_000_000),
  }),
  /** Grids (GRID_COLUMNS), base64; all rows valid or nothing stored. */
  importGrids: z.object({
    jurisdiction: JurisdictionId,
    fileName: z.string().regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件').max(120),
    contentBase64: z.string().min(4).max(4_000_000),
  }),
  /** The empty units or grids table as XLSX (base64). */
  directoryTemplate: z.object({ kind: z.enum(['units', 'grids']) }),
  /** The jurisdictions the caller administers, bundled and created, with how far each is onboarded (JurisdictionStatus). */
  jurisdictions: z.object({}),
};
