import { distanceMeters, isGeoPoint } from '../../shared/geo';

describe('distanceMeters (haversine)', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters({ lat: 38.27, lng: 106.23 }, { lat: 38.27, lng: 106.23 })).toBe(0);
  });

  it('gives about 111.2 km for one degree of latitude', () => {
    expect(distanceMeters({ lat: 38, lng: 106 }, { lat: 39, lng: 106 })).toBeCloseTo(111_195, -1);
  });

  it('shrinks a degree of longitude by cos(latitude)', () => {
    const d = distanceMeters({ lat: 38.5, lng: 106 }, { lat: 38.5, lng: 107 });
    expect(d).toBeGreaterThan(86_900);
    expect(d).toBeLessThan(87_100);
  });

  it('measures short on-site distances in metres and is symmetric', () => {
    const a = { lat: 38.27, lng: 106.23 };
    const b = { lat: 38.2718, lng: 106.23 }; // 0.0018° north ≈ 200 m
    expect(distanceMeters(a, b)).toBeCloseTo(200.2, 0);
    expect(distanceMeters(b, a)).toBe(distanceMeters(a, b));
  });

  it('handles antipodes without NaN', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('isGeoPoint', () => {
  it.each([
    [{ lat: 38.27, lng: 106.23 }, true],
    [{ lat: 91, lng: 0 }, false],
    [{ lat: 0, lng: 181 }, false],
    [{ lat: Number.NaN, lng: 0 }, false],
    [{ lat: '38', lng: 106 }, false],
    [null, false],
  ])('%j → %s', (value, ok) => {
    expect(isGeoPoint(value)).toBe(ok);
  });
});
