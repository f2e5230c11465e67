import { distanceMeters } from '../../shared/geo';
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from '../../shared/geo-datum';

/** Published test vectors of eviltransform (github.com/googollee/eviltransform, its go/python tests): WGS-84 → GCJ-02. */
const VECTORS: Array<[string, [number, number], [number, number]]> = [
  ['Shanghai', [31.1774276, 121.5272106], [31.17530398364597, 121.531541859215]],
  ['Shenzhen', [22.543847, 113.912316], [22.540796131694766, 113.9171764808363]],
  ['Beijing', [39.911954, 116.377817], [39.91334545536069, 116.38404722455657]],
];

describe('WGS-84 → GCJ-02', () => {
  it.each(VECTORS)('%s matches the published vector', (_city, [lat, lng], [gLat, gLng]) => {
    const out = wgs84ToGcj02({ lat, lng });
    expect(out.lat).toBeCloseTo(gLat, 9);
    expect(out.lng).toBeCloseTo(gLng, 9);
  });

  it('leaves points outside China alone (Denver, Brisbane)', () => {
    for (const p of [{ lat: 39.7392, lng: -104.9903 }, { lat: -27.4698, lng: 153.0251 }]) {
      expect(outOfChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
  });

  it('moves a point in Yongning (Ningxia) by a few hundred metres, more than the 200 m check-in radius', () => {
    const wgs = { lat: 38.2792, lng: 106.2478 };
    const shift = distanceMeters(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(800);
  });

  it('inverts within a metre', () => {
    for (const [, [lat, lng]] of VECTORS) {
      const wgs = { lat, lng };
      expect(distanceMeters(gcj02ToWgs84(wgs84ToGcj02(wgs)), wgs)).toBeLessThan(1);
    }
  });
});
