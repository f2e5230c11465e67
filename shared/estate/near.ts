/**
 * A report's location must be near its estate (issue 14): the resident is at or around the estate
 * they scanned. A point kilometres away (Sydney for a Qitai estate) is junk or a forged body, and
 * would put a wrong pin on every staff map. The radius is generous: a resident may report from the
 * gate or the street outside, and the WGS-84/GCJ-02 offset is a few hundred metres.
 */
import type { GeoPoint } from '../domain/ticket';
import { distanceMeters } from '../geo';

export const REPORT_RADIUS_METERS = 5_000;

export function nearEstate(estate: { location: GeoPoint }, point: GeoPoint, radiusMeters = REPORT_RADIUS_METERS): boolean {
  return distanceMeters(estate.location, point) <= radiusMeters;
}

/**
 * How far from the nearest registered estate of a jurisdiction a point may still be in that
 * jurisdiction: a county is up to a few hundred kilometres across, a forged point is continents away.
 */
export const JURISDICTION_REACH_METERS = 100_000;
