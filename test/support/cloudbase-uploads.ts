/**
 * What the weapp does for each photo on the CloudBase path (miniprogram/api/transport.weapp.ts):
 * ask the report function for a slot (report.photoSlot), then `wx.cloud.uploadFile` to that
 * cloudPath, which stores the bytes under the fileID the slot named. The loopback server keeps
 * uploaded files in `loopback.files`, keyed by fileID.
 */
import type { AppDeps } from '../../cloudfunctions/_app/context';
import { report } from '../../cloudfunctions/_app/functions/report';
import type { Identity } from '../../shared/domain/roles';
import type { CloudbaseLoopback } from './cloudbase-loopback';

/** Bytes that start and end like a JPEG. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);

export async function uploadViaSlot(deps: AppDeps, loopback: CloudbaseLoopback, identity: Identity, bytes: Buffer = JPEG): Promise<string> {
  const { envelope } = await report(deps, { identity }, { action: 'photoSlot', data: {} });
  const answer = envelope as { ok: boolean; data?: { cloudPath: string; fileId: string }; error?: { code: string } };
  if (!answer.ok || !answer.data) throw new Error(`photoSlot refused: ${answer.error?.code ?? 'no answer'}`);
  loopback.files.set(answer.data.fileId, bytes);
  return answer.data.fileId;
}
