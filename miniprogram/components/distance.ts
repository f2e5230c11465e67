/** '约350米' / '约1.2公里' for the estate list; null when the distance is unknown. */
export function distanceText(meters: number | null): string | null {
  if (meters === null) return null;
  return meters < 1000 ? `约${meters}米` : `约${(meters / 1000).toFixed(1)}公里`;
}
