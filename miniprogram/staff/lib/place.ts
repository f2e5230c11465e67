/**
 * Where the officer goes and whom they may call, for the staff ticket page (issue 18 §4).
 * Coordinates are GCJ-02 everywhere the app keeps them (shared/geo-datum.ts): the weapp map and
 * Taro.openLocation take GCJ-02 as they are, and the H5 link says coordinate=gaode (GCJ-02).
 */
import type { GeoPoint, Ticket } from '../../../shared/domain/ticket';
import type { EstateItem } from './types';

export interface TicketPlace {
  /** What the map marks: the report's own position, else the estate's. */
  point: GeoPoint | null;
  /**
   * Whether `point` is the report's own position. A report without a device fix carries the estate's
   * point (the report page's fallback), which is the estate's position, not where the problem is.
   */
  fromReport: boolean;
  /** The estate's name, or 未关联小区. */
  name: string;
  /** The estate's address; null for a ticket without an estate. */
  address: string | null;
}

/** Same point to about 1 cm: a report whose position is the estate's own is the report page's fallback. */
const samePoint = (a: GeoPoint, b: GeoPoint | null | undefined) => !!b && Math.abs(a.lat - b.lat) < 1e-7 && Math.abs(a.lng - b.lng) < 1e-7;

export function ticketPlace(ticket: Pick<Ticket, 'location'>, estate: Pick<EstateItem, 'name' | 'address' | 'location'> | null): TicketPlace {
  // An estate row may come without coordinates (an older server, a fake): then nothing to compare.
  const own = ticket.location !== null && !samePoint(ticket.location, estate?.location);
  return {
    point: ticket.location ?? estate?.location ?? null,
    fromReport: own,
    name: estate?.name ?? '未关联小区',
    address: estate?.address || null,
  };
}

/**
 * A marker on the Amap web map. The documented URI (lbs.amap.com/api/uri-api/guide/mobile-web/point,
 * 单点标注): https://uri.amap.com/marker?position=lon,lat&name=…&src=…&coordinate=gaode&callnative=0;
 * position is longitude first; coordinate=gaode means GCJ-02; callnative=0 stays in the browser.
 */
export function amapMarkerUrl(point: GeoPoint, name: string): string {
  const position = `${point.lng.toFixed(6)},${point.lat.toFixed(6)}`;
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(name)}&src=xiaoquchuishao&coordinate=gaode&callnative=0`;
}

/** A unit's published contact as `ticket.detail` answers it (cloudfunctions/_app/usecases/ticket-contacts.ts). */
export interface UnitContactView {
  unitId: string;
  name: string;
  phone: string;
  contactPerson?: string;
}

export interface CallEntry {
  key: string;
  label: string;
  phone: string;
}

/**
 * The numbers this viewer may call: the resident's only when the answer carries it (the server
 * sends it to the handling chain alone), then the units' published phones, never the viewer's own unit.
 */
export function callEntries(ticket: Pick<Ticket, 'reporter'>, contacts: readonly UnitContactView[], ownUnits: readonly string[] = []): CallEntry[] {
  const resident = ticket.reporter.phone ? [{ key: 'resident', label: '上报居民', phone: ticket.reporter.phone }] : [];
  const units = contacts
    .filter((c) => !ownUnits.includes(c.unitId))
    .map((c) => ({ key: c.unitId, label: c.contactPerson ? `${c.name}（${c.contactPerson}）` : c.name, phone: c.phone }));
  return [...resident, ...units];
}
