/**
 * 执法进小区 (issue 20 §3). 000_54099d4cd549e82b.txt 序号4 asks the enforcement departments to enter
 * estates "进驻住宅小区进行专项治理年度不低于3次". A visit is an on-site check-in (到场 with
 * location) of a department or police officer on a ticket of the estate, or a patrol recorded
 * without a ticket (location within the estate's radius and a photo).
 */
import type { GeoPoint } from '../domain/ticket';
import { distanceMeters } from '../geo';
import { CHECK_IN_RADIUS_METERS } from '../lifecycle/transitions';

/** 000 序号4: "年度不低于3次". */
export const MIN_VISITS_PER_YEAR = 3;

/** How far from the estate's registered point a patrol may be recorded: the on-site check-in radius. */
export const PATROL_RADIUS_METERS = CHECK_IN_RADIUS_METERS;

/** A patrol visit recorded without a ticket. */
export interface PatrolVisit {
  id: string;
  estateId: string;
  jurisdiction: string;
  /** The officer's unit (a department or police unit). */
  unitId: string;
  /** Asia/Shanghai calendar year of `at`. */
  year: number;
  at: string;
  location: GeoPoint;
  photos: string[];
  note: string;
  officer: { userId: string; name: string };
}

/** One counted visit, whatever its source. */
export interface Visit {
  estateId: string;
  unitId: string;
  at: string;
  source: 'check-in' | 'patrol';
}

export function withinPatrolRadius(estate: { location: GeoPoint }, point: GeoPoint): boolean {
  return distanceMeters(estate.location, point) <= PATROL_RADIUS_METERS;
}

/** The Asia/Shanghai calendar year of an instant (UTC+8 all year). */
export function visitYear(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear();
}

export interface VisitTableRow {
  estateId: string;
  /** Visits per unit id (only units that came, plus every unit asked for, at 0). */
  byUnit: Record<string, number>;
  total: number;
  /** Fewer than MIN_VISITS_PER_YEAR visits in the year. */
  short: boolean;
}

/** The yearly table estate × unit: every check-in and every patrol of the year counts once. */
export function visitTable(estateIds: readonly string[], unitIds: readonly string[], visits: readonly Visit[], year: number): VisitTableRow[] {
  return estateIds.map((estateId) => {
    const byUnit: Record<string, number> = {};
    for (const u of unitIds) byUnit[u] = 0;
    let total = 0;
    for (const v of visits) {
      if (v.estateId !== estateId || visitYear(v.at) !== year) continue;
      byUnit[v.unitId] = (byUnit[v.unitId] ?? 0) + 1;
      total += 1;
    }
    return { estateId, byUnit, total, short: total < MIN_VISITS_PER_YEAR };
  });
}
