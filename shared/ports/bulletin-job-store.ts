/**
 * 月通报 as an asynchronous job (issue 17 §3): the record of one month's bulletin for one scope,
 * advanced one bounded step per call (cloudfunctions/_app/usecases/bulletin-job.ts).
 */
export type BulletinJobState = 'queued' | 'running' | 'done' | 'failed';

/** What a caller sees of a job (ticket.bulletinJob's answer): progress and, when done, the file. No user id. */
export interface BulletinJobStatus {
  jobId: string;
  state: BulletinJobState;
  step: number;
  steps: number;
  filename: string | null;
  fileType: 'xlsx';
  xlsxFileId?: string;
  xlsxUrl?: string;
  /** Local runtime. */
  xlsxBase64?: string;
  error?: string;
  /** Done: when the file was made. */
  finishedAt?: string;
  /** Done: tickets of the month (or its 整改通知) moved since the file was made (已过期; 重新生成 makes it again). */
  stale?: boolean;
  /** While a finished job is made again: the previous file, still there until the new one is done. */
  previous?: { finishedAt: string | null; xlsxFileId?: string; xlsxUrl?: string; xlsxBase64?: string };
}

export interface BulletinJob {
  /** Derived from jurisdiction, month and scope: asking twice gives the same job. */
  id: string;
  jurisdiction: string;
  month: string;
  /** The scope's key (bulletin-job.ts scopeKey): a street officer's job is never the office's. */
  scopeKey: string;
  requestedBy: string;
  state: BulletinJobState;
  /** Steps finished, of `steps`. */
  step: number;
  steps: number;
  /** While a call runs a step: until when the others leave it alone (a crashed call's claim expires). */
  leaseUntil: string | null;
  /** What finished steps handed to the next (JSON-safe; cleared when done). */
  partial: unknown;
  /** The XLSX in storage (CloudBase). */
  fileId: string | null;
  /** The local runtime's XLSX, base64, kept in the job: its file store takes photos only (local/store/files.ts). */
  inlineXlsx?: string;
  filename: string | null;
  /** A stable error code when failed. */
  error: string | null;
  /** When it was last done (absent on jobs stored before 重新生成 existed). */
  finishedAt?: string | null;
  /** While it is made again (重新生成): the file of the run before, kept until this run is done. */
  previous?: { fileId: string | null; inlineXlsx?: string; finishedAt: string | null } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface BulletinJobStore {
  /** Inserts; false (nothing written) when a job with this id exists. */
  createBulletinJob(job: BulletinJob): Promise<boolean>;
  getBulletinJob(id: string): Promise<BulletinJob | null>;
  /** Writes `next` only if the stored version equals expectedVersion; else StoreConflictError. */
  updateBulletinJob(next: BulletinJob, expectedVersion: number): Promise<void>;
}
