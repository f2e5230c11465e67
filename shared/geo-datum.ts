/**
 * Datums. Every location the app stores and compares is GCJ-02 (the datum Chinese maps and WeChat's
 * own location APIs use): estate coordinates as an admin picks them on a Tencent/Amap map, residents'
 * report locations and staff check-ins from weapp `getLocation({ type: 'gcj02' })`. The H5 build can
 * only read the browser's WGS-84 fix (Taro H5 getLocation supports `type: 'wgs84'` alone), so it
 * converts with wgs84ToGcj02 before sending. WGS-84 and GCJ-02 differ by a few hundred metres in China,
 * as much as the 200 m check-in radius: mixing them made staff check-ins (then WGS-84) look far from
 * residents' reports (GCJ-02).
 *
 * The transform is the well-known public GCJ-02 approximation (Krasovsky 1940 ellipsoid, as in
 * eviltransform, github.com/googollee/eviltransform); outside a rough mainland rectangle there is no
 * offset. gcj02ToWgs84 inverts it by fixed-point iteration (well under 1 m).
 */
import type { GeoPoint } from './domain/ticket';

const A = 6378245.0;
const EE = 0.006693421622965943;

/** The rough rectangle the offset applies to (the same test as eviltransform's `outOfChina`). */
export function outOfChina(p: GeoPoint): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 (GPS, a browser's geolocation) → GCJ-02. */
export function wgs84ToGcj02(p: GeoPoint): GeoPoint {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  let dLat = transformLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = transformLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** GCJ-02 → WGS-84, by iterating the forward transform (error well under a metre). */
export function gcj02ToWgs84(p: GeoPoint): GeoPoint {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  let guess = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 10; i += 1) {
    const back = wgs84ToGcj02(guess);
    guess = { lat: guess.lat + (p.lat - back.lat), lng: guess.lng + (p.lng - back.lng) };
  }
  return guess;
}
