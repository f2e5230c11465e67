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
