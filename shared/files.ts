/**
 * Photo and file ids as clients name them, and whose upload a CloudBase fileID is. Pure: the
 * function's own environment id and the caller come from the adapter.
 *
 * Two kinds of id reach the actions:
 * - the local runtime's disk ids (32 hex characters; older data and fixtures use short plain ids);
 * - CloudBase fileIDs as `wx.cloud.uploadFile` answers them: `cloud://<env>.<bucket>/<cloudPath>`,
 *   e.g. `cloud://prod-1g2h3j4k.7072-prod-1g2h3j4k-1300000000/photos/u-abc/1733390000000-a1b2c3.jpg`
 *   (often over 64 characters, with `/`).
 *
 * The mini-program uploads under a per-user prefix, `photos/<user segment>/<name>`, and the server
 * accepts a fileID only in its own environment and under the caller's prefix.
 */

/** Longest file id accepted anywhere (a fileID with a 128-character cloudPath fits easily). */
export const FILE_ID_MAX = 256;

/** A plain id: the local runtime's disk ids (and short ids of older data). */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** `cloud://<env>.<bucket>/<path>`: env and bucket are letters, digits and `-`; the path segments are plain. */
const CLOUD_FILE_ID = /^cloud:\/\/([A-Za-z0-9-]{1,64})\.([A-Za-z0-9-]{1,80})\/((?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)$/;

export interface CloudFileId {
  env: string;
  bucket: string;
  /** The cloudPath the file was uploaded to (no leading `/`). */
  path: string;
}

/** Parses a CloudBase fileID; null for anything else (wrong shape, `..`, empty segments, too long). */
export function parseCloudFileId(id: string): CloudFileId | null {
  if (id.length > FILE_ID_MAX || id.includes('..')) return null;
  const m = CLOUD_FILE_ID.exec(id);
  if (!m) return null;
  return { env: m[1]!, bucket: m[2]!, path: m[3]! };
}

/** Whether `id` has the shape of a file id (disk id or CloudBase fileID): bounded, no `..`, no whitespace. */
export function isFileIdShape(id: string): boolean {
  if (id.length === 0 || id.length > FILE_ID_MAX || id.includes('..')) return false;
  return PLAIN_ID.test(id) || parseCloudFileId(id) !== null;
}

/** Characters kept as they are in a user segment; everything else is escaped as `.XX` (UTF-8 bytes). */
const SEGMENT_SAFE = /[A-Za-z0-9_-]/;

/**
 * A user id as one path segment: letters, digits, `_` and `-` stay, every other byte becomes `.XX`
 * (so `wx:o6zA` → `wx.3Ao6zA`). Injective: two users never share a segment, and the segment never
 * holds `/` or `..`.
 */
export function userSegment(userId: string): string {
  let out = '';
  for (const ch of userId) {
    if (SEGMENT_SAFE.test(ch)) {
      out += ch;
      continue;
    }
    // encodeURIComponent gives the UTF-8 bytes as %XX, except for the few characters it keeps.
    let encoded: string;
    try {
      encoded = encodeURIComponent(ch);
    } catch {
      encoded = '%EF%BF%BD'; // a lone surrogate: U+FFFD
    }
    out += encoded.startsWith('%') ? encoded.replace(/%/g, '.') : `.${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Where a user's photos are uploaded in CloudBase storage (the mini-program and the server agree on it). */
export function uploadPrefix(userId: string): string {
  return `photos/${userSegment(userId)}/`;
}

/** A cloudPath for a new photo of this user: `photos/<user>/<name>.jpg`. */
export function photoCloudPath(userId: string, name: string): string {
  return `${uploadPrefix(userId)}${name}.jpg`;
}

/** Photos a user may upload in any 24 hours, on either platform. */
export const PHOTOS_PER_DAY = 60;

export type FileRefusalCode = 'FILE.UNKNOWN' | 'FILE.NOT_OWNED' | 'FILE.QUOTA';

export interface FileRefusal {
  code: FileRefusalCode;
  id: string;
}

/**
 * Whether a CloudBase fileID may be named by this caller: the function's own environment, and a
 * file directly under the caller's upload prefix. Existence is the adapter's to check.
 */
export function checkCloudFileId(id: string, expected: { env: string; userId: string }): FileRefusal | null {
  const parsed = parseCloudFileId(id);
  if (!parsed || parsed.env !== expected.env) return { code: 'FILE.UNKNOWN', id };
  const prefix = uploadPrefix(expected.userId);
  if (!parsed.path.startsWith(prefix)) return { code: 'FILE.NOT_OWNED', id };
  const name = parsed.path.slice(prefix.length);
  if (name === '' || name.includes('/')) return { code: 'FILE.NOT_OWNED', id };
  return null;
}

/** Chinese messages of the refusals (the envelope's `message`). */
export const FILE_REFUSAL_MESSAGES: Record<FileRefusalCode, string> = {
  'FILE.UNKNOWN': '照片不存在或已过期，请重新上传',
  'FILE.NOT_OWNED': '只能使用本人上传的照片，请重新上传',
  'FILE.QUOTA': `每人每天最多上传 ${PHOTOS_PER_DAY} 张照片，请明天再试`,
};
