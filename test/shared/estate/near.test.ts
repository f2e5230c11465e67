import { nearEstate, REPORT_RADIUS_METERS } from '../../../shared/estate/near';

const qitaiEstate = { location: { lat: 44.0221, lng: 89.5912 } };

it('accepts the estate itself and a point at the gate, refuses Sydney and a point 6 km away', () => {
  expect(nearEstate(qitaiEstate, qitaiEstate.location)).toBe(true);
  expect(nearEstate(qitaiEstate, { lat: 44.0230, lng: 89.5920 })).toBe(true);
  expect(nearEstate(qitaiEstate, { lat: -33.8688, lng: 151.2093 })).toBe(false);
  // 0.054° of latitude ≈ 6.0 km.
  expect(nearEstate(qitaiEstate, { lat: 44.0761, lng: 89.5912 })).toBe(false);
  expect(REPORT_RADIUS_METERS).toBe(5000);
});
