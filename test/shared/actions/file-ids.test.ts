import { FileId, PhotoIds } from '../../../shared/actions/common';
import { ReportInputs } from '../../../shared/actions/report';
import { TicketInputs } from '../../../shared/actions/ticket';
import { checkCloudFileId, parseCloudFileId, photoCloudPath, uploadPrefix, userSegment } from '../../../shared/files';

/**
 * What `wx.cloud.uploadFile` answers (TOOLCHAIN.md "The mini-program side": `cloud://<env>.<bucket-id>/<cloudPath>`,
 * often over 64 characters, with `/`), for a photo the mini-program put under `photos/u-abc/`.
 */
const REAL_FILE_ID = 'cloud://prod-1g2h3j4k.7072-prod-1g2h3j4k-1300000000/photos/u-abc/1733390000000-a1b2c3.jpg';
const LOCAL_ID = '0123456789abcdef0123456789abcdef';

describe('FileId / PhotoIds (every photo field of the actions)', () => {
  it('accepts a real-shaped CloudBase fileID of more than 64 characters and a local disk id', () => {
    expect(REAL_FILE_ID.length).toBeGreaterThan(64);
    expect(FileId.parse(REAL_FILE_ID)).toBe(REAL_FILE_ID);
    expect(FileId.parse(LOCAL_ID)).toBe(LOCAL_ID);
    expect(PhotoIds.parse([REAL_FILE_ID, LOCAL_ID])).toEqual([REAL_FILE_ID, LOCAL_ID]);
  });

  it.each([
    ['empty', ''],
    ['whitespace', 'cloud://prod-1.bucket/photos/u-abc/a b.jpg'],
    ['a newline', `${LOCAL_ID}\n`],
    ['a parent segment', 'cloud://prod-1.bucket/photos/u-abc/../u-xyz/a.jpg'],
    ['dots in a plain id', '..'],
    ['an empty segment', 'cloud://prod-1.bucket/photos//a.jpg'],
    ['a trailing slash', 'cloud://prod-1.bucket/photos/u-abc/'],
    ['no bucket', 'cloud://prod-1/photos/u-abc/a.jpg'],
    ['another scheme', 'https://example.com/a.jpg'],
    ['a query string', 'cloud://prod-1.bucket/photos/u-abc/a.jpg?x=1'],
    ['too long', `cloud://prod-1.bucket/photos/u-abc/${'a'.repeat(260)}.jpg`],
    ['a long plain id', 'a'.repeat(65)],
  ])('refuses %s', (_what, id) => {
    expect(FileId.safeParse(id).success).toBe(false);
  });

  it('is the schema of the photos of submit, settle and resolve', () => {
    const base = { ticketId: 't1', version: 1, note: '已处理完毕' };
    expect(ReportInputs.submit.parse({ idempotencyKey: 'key-12345', estateId: 'yn-hsjy', category: 'fly-wire', description: '有人拉飞线充电', photos: [REAL_FILE_ID] }).photos).toEqual([REAL_FILE_ID]);
    expect(TicketInputs.settle.parse({ ...base, photos: [REAL_FILE_ID], location: { lat: 38.28, lng: 106.25 } }).photos).toEqual([REAL_FILE_ID]);
    expect(TicketInputs.resolve.parse({ ...base, photos: [REAL_FILE_ID] }).photos).toEqual([REAL_FILE_ID]);
    expect(TicketInputs.resolve.safeParse({ ...base, photos: ['cloud://x.y/../etc/passwd'] }).success).toBe(false);
  });
});

describe('upload prefix and the CloudBase fileID check', () => {
  it('parses env, bucket and path', () => {
    expect(parseCloudFileId(REAL_FILE_ID)).toEqual({ env: 'prod-1g2h3j4k', bucket: '7072-prod-1g2h3j4k-1300000000', path: 'photos/u-abc/1733390000000-a1b2c3.jpg' });
    expect(parseCloudFileId(LOCAL_ID)).toBeNull();
  });

  it('turns any user id into one injective path segment', () => {
    expect(uploadPrefix('u-abc')).toBe('photos/u-abc/');
    expect(userSegment('wx:o6zAJs_x')).toBe('wx.3Ao6zAJs_x');
    expect(userSegment('demo.yongning.resident1')).toBe('demo.2Eyongning.2Eresident1');
    expect(userSegment('a/../b')).not.toMatch(/\/|\.\./);
    expect(userSegment('居民')).toBe('.E5.B1.85.E6.B0.91');
    // Distinct ids, distinct segments.
    const ids = ['a:b', 'a.b', 'a_b', 'a.3Ab', 'a%3Ab', 'a!b', 'a~b'];
    expect(new Set(ids.map(userSegment)).size).toBe(ids.length);
    expect(photoCloudPath('u-abc', '1733390000000-a1b2c3')).toBe('photos/u-abc/1733390000000-a1b2c3.jpg');
  });

  it('accepts the caller\'s own upload in the function\'s environment', () => {
    expect(checkCloudFileId(REAL_FILE_ID, { env: 'prod-1g2h3j4k', userId: 'u-abc' })).toBeNull();
  });

  it('refuses another user\'s file, another environment\'s file, nested paths and junk', () => {
    expect(checkCloudFileId(REAL_FILE_ID, { env: 'prod-1g2h3j4k', userId: 'u-abd' })).toEqual({ code: 'FILE.NOT_OWNED', id: REAL_FILE_ID });
    // A user whose id is a prefix of another's gets nothing of theirs.
    expect(checkCloudFileId(REAL_FILE_ID, { env: 'prod-1g2h3j4k', userId: 'u-ab' })?.code).toBe('FILE.NOT_OWNED');
    expect(checkCloudFileId(REAL_FILE_ID.replace('prod-1g2h3j4k.', 'test-9z8y7x.'), { env: 'prod-1g2h3j4k', userId: 'u-abc' })?.code).toBe('FILE.UNKNOWN');
    const nested = 'cloud://prod-1g2h3j4k.7072-prod-1g2h3j4k-1300000000/photos/u-abc/sub/a.jpg';
    expect(checkCloudFileId(nested, { env: 'prod-1g2h3j4k', userId: 'u-abc' })?.code).toBe('FILE.NOT_OWNED');
    const outside = 'cloud://prod-1g2h3j4k.7072-prod-1g2h3j4k-1300000000/bulletins/u-abc.jpg';
    expect(checkCloudFileId(outside, { env: 'prod-1g2h3j4k', userId: 'u-abc' })?.code).toBe('FILE.NOT_OWNED');
    expect(checkCloudFileId(LOCAL_ID, { env: 'prod-1g2h3j4k', userId: 'u-abc' })?.code).toBe('FILE.UNKNOWN');
    expect(checkCloudFileId('junk', { env: 'prod-1g2h3j4k', userId: 'u-abc' })?.code).toBe('FILE.UNKNOWN');
  });
});
