/**
 * 月通报 as a job (ticket.bulletinJob, issue 17 §3): each call advances the month's job by one step
 * on the server, so the screen polls until it is done, showing 生成中 n/N. The file is then opened
 * by lib/bulletin-file*.ts (weapp: the temporary URL; H5: the bytes or the URL).
 */
import type { BulletinJobStatus } from '../../../shared/ports/bulletin-job-store';
import { callTicket } from './api';

/** The server's answer (shared/ports/bulletin-job-store.ts, the one definition). */
export type BulletinJobAnswer = BulletinJobStatus;

/** Between polls: a step runs within its call, so a short pause only spares a busy server. */
export const POLL_INTERVAL_MS = 300;
/** A job that never finishes (a server failing every step) stops being asked after this many polls. */
export const MAX_POLLS = 80;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls the job to its end; `onProgress` sees every answer. Refusals throw ApiError. With
 * `regenerate` (重新生成) the first call makes a finished job again; the polls after it only advance it.
 */
export async function runBulletinJob(
  request: { jurisdiction: string; month: string; regenerate?: boolean },
  onProgress: (answer: BulletinJobAnswer) => void,
): Promise<BulletinJobAnswer> {
  const { regenerate, ...plain } = request;
  for (let i = 0; i < MAX_POLLS; i += 1) {
    const answer = await callTicket<BulletinJobAnswer>('bulletinJob', i === 0 && regenerate ? { ...plain, regenerate: true } : plain);
    onProgress(answer);
    if (answer.state === 'done' || answer.state === 'failed') return answer;
    await pause(POLL_INTERVAL_MS);
  }
  throw new Error('通报生成超时，请稍后再试');
}
