/** The county list actions of the `admin` function (issue 19), typed for the county page. */
import type { CreatedJurisdiction, GridsImported, JurisdictionStatus, UnitsImported } from '../../../shared/lists/directory-columns';
import type { PreviewRow } from '../../../shared/lists/preview';
import { callFunction } from '../../api';

export type { PreviewRow, PreviewSide } from '../../../shared/lists/preview';

export interface VersionSummary {
  versionId: string;
  status: 'draft' | 'active';
  effectiveFrom: string | null;
  rows: number;
  sources: string[];
  createdAt: string;
}

/** routingNow: the version routing today; null for a created jurisdiction whose list is not in effect yet. */
export const listVersions = (jurisdiction: string) => callFunction<{ routingNow: string | null; versions: VersionSummary[] }>('admin', 'listVersions', { jurisdiction });

export const importList = (x: { jurisdiction: string; fileName: string; contentBase64: string; document: string }) =>
  callFunction<{ version: VersionSummary; preview: PreviewRow[] }>('admin', 'importList', x);

export const previewList = (jurisdiction: string, versionId: string) => callFunction<{ version: VersionSummary; preview: PreviewRow[] }>('admin', 'previewList', { jurisdiction, versionId });

export const activateList = (jurisdiction: string, versionId: string, effectiveFrom: string) =>
  callFunction<{ version: VersionSummary }>('admin', 'activateList', { jurisdiction, versionId, effectiveFrom });

/** The home page's entry to the 责任清单 page: the admin's alone. */
export function countyEntries(roles: readonly string[]): Array<{ label: string; url: string }> {
  return roles.includes('admin') ? [{ label: '县区上线与责任清单（辖区、单位、清单、小区、网格）', url: '/staff/pages/county/index' }] : [];
}

/** `listFile`: the template, Yongning's list filled in, or the list routing today, as XLSX (base64). */
export type ListFileKind = 'template' | 'example' | 'current';
export const listFile = (jurisdiction: string, kind: ListFileKind) =>
  callFunction<{ fileName: string; contentType: string; contentBase64: string }>('admin', 'listFile', { jurisdiction, kind });

export interface ImportedEstate {
  id: string;
  name: string;
  townshipId: string;
}

/** Estates CSV/XLSX (shared/lists/estates-import.ts ESTATE_COLUMNS): every row valid, or nothing written. */
export const importEstates = (x: { jurisdiction: string; fileName: string; contentBase64: string }) =>
  callFunction<{ imported: number; estates: ImportedEstate[] }>('admin', 'importEstates', x);

export type { CreatedJurisdiction, GridsImported, JurisdictionStatus, UnitsImported } from '../../../shared/lists/directory-columns';

/** A new jurisdiction (a county or district with its parent city, or a city): it routes nothing until its units and a list are in. */
export const createJurisdiction = (x: { id: string; name: string; level: 'county' | 'district' | 'city'; parent?: string }) =>
  callFunction<CreatedJurisdiction>('admin', 'createJurisdiction', x);

/** Units (UNIT_COLUMNS, townships among them) and grids (GRID_COLUMNS): every row valid, or nothing stored. */
export const importUnits = (x: { jurisdiction: string; fileName: string; contentBase64: string }) => callFunction<UnitsImported>('admin', 'importUnits', x);
export const importGrids = (x: { jurisdiction: string; fileName: string; contentBase64: string }) => callFunction<GridsImported>('admin', 'importGrids', x);

/** The empty units or grids table as XLSX (base64). */
export const directoryTemplate = (kind: 'units' | 'grids') => callFunction<{ fileName: string; contentType: string; contentBase64: string }>('admin', 'directoryTemplate', { kind });

/** The jurisdictions the caller administers, bundled and created (a city admin's new county among them), with how far each is onboarded. */
export const adminJurisdictions = () => callFunction<JurisdictionStatus[]>('admin', 'jurisdictions', {});
