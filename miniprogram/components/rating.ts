/** The words of the 1–5 satisfaction score (shared/domain/ticket Rating: 5 满意 … 1 很不满意). */
export const SCORE_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  5: '满意',
  4: '基本满意',
  3: '一般',
  2: '不满意',
  1: '很不满意',
};
