import { hasContent, newDraft, newIdempotencyKey } from '../../../miniprogram/drafts/draft';
import { ReportInputs } from '../../../shared/actions/report';

describe('newIdempotencyKey', () => {
  it('fits the submit schema and differs every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(ReportInputs.submit.shape.idempotencyKey.safeParse(key).success).toBe(true);
  });
});

describe('newDraft / hasContent', () => {
  it('starts editing, empty, with its own key', () => {
    const draft = newDraft(null, new Date('2026-11-23T02:00:00.000Z'));
    expect(draft).toMatchObject({ status: 'editing', category: null, description: '', photos: [], attempts: 0, updatedAt: '2026-11-23T02:00:00.000Z' });
    expect(hasContent(draft)).toBe(false);
  });

  it('counts any input as content, but not a location alone', () => {
    const draft = newDraft(null);
    expect(hasContent({ ...draft, location: { lat: 38.3, lng: 106.2, source: 'gps' } })).toBe(false);
    expect(hasContent({ ...draft, category: 'parking' })).toBe(true);
    expect(hasContent({ ...draft, description: '有' })).toBe(true);
    expect(hasContent({ ...draft, photos: [{ path: 'blob:1' }] })).toBe(true);
    expect(hasContent({ ...draft, contactPhone: '1' })).toBe(true);
  });
});
