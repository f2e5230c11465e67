/**
 * Households (户数) of the demo estates, for complaints per 1,000 households in the company
 * assessment (issue 20 §4). Demo figures, set on the estates the seed writes.
 */
export const DEMO_HOUSEHOLDS: Readonly<Record<string, number>> = {
  'yc-fnhy': 1260,
  'yc-yhy': 980,
  'yn-hsjy': 860,
  'yn-tjxy': 640,
  'wz-lmjy': 1120,
  'wz-jxxc': 720,
  'qt-tsjy': 540,
  'qt-gchy': 430,
};
