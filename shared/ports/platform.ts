/** Ports at the platform edge: time, ids, files, content safety, WeChat open APIs. */
import type { FileRefusal } from '../files';

export interface Clock {
  /** Current instant as a UTC ISO string. */
  now(): string;
}

export interface IdSource {
  /** A new unique id (time-ordered is welcome, not required). */
  newId(): string;
}

export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
}

export interface FileStore {
  put(input: { bytes: Uint8Array; contentType: string; ownerUserId: string }): Promise<StoredFile>;
  get(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null>;
  /** URL a client can show (local: /files/<id>; CloudBase: a temporary URL). */
  url(id: string): Promise<string>;
  /**
   * Before a ticket or event names photos: every id must be a stored file that `ownerUserId`
   * uploaded. Answers the first refusal (and marks nothing), else marks the files as referenced, so
   * that removeOrphans keeps them, and answers null.
   */
  claim(ids: readonly string[], ownerUserId: string): Promise<FileRefusal | null>;
  /** Deletes uploads that no ticket or event claimed and that were stored before `before` (ISO); answers how many. */
  removeOrphans(before: string): Promise<number>;
  /**
   * Where the caller may upload its next photo, on a platform where clients upload straight to
   * storage (CloudBase: the cloudPath for `wx.cloud.uploadFile` and the fileID it will have), or
   * FILE.QUOTA past the day's allowance. Absent where uploads pass through the server (local: put).
   */
  reserveUpload?(ownerUserId: string): Promise<{ cloudPath: string; fileId: string } | FileRefusal>;
}

/**
 * `unchecked`: the checker could not be reached (after one retry); the text was accepted so that a
 * submit never fails on WeChat's outage, and the reason is kept for review.
 */
export type ContentVerdict = { ok: true; unchecked?: string } | { ok: false; reason: string };

export interface ContentCheck {
  /** msgSecCheck v2 in production; a local word list in the local runtime. */
  checkText(text: string, openid: string | null): Promise<ContentVerdict>;
}

/** An asynchronous image verdict (mediaCheckAsync's `wxa_media_check` push). */
export interface MediaVerdict {
  traceId: string;
  suggest: 'pass' | 'risky' | 'review';
  label: string | null;
}

export interface MediaCheck {
  /** Starts an asynchronous image check; the verdict arrives later with the same trace id. */
  submitImage(fileId: string, openid: string): Promise<{ traceId: string }>;
}

export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface Notifier {
  send(message: SubscribeMessage): Promise<void>;
}

/** The estate's mini-program code (wxacode.getUnlimited): `scene` ≤ 32 visible characters, opened on `page`. */
export interface MiniProgramCodes {
  unlimited(input: { scene: string; page: string; width?: number }): Promise<{ contentType: string; bytes: Uint8Array }>;
}

/** Resolves a WeChat group CloudID (from getGroupEnterInfo) to its openGId. */
export interface GroupResolver {
  resolveOpenGId(cloudId: string, openid: string): Promise<string>;
}
