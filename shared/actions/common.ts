import { z } from 'zod';
import { isFileIdShape, FILE_ID_MAX } from '../files';
import { CATEGORY_CODES } from '../taxonomy/categories';

/** Building blocks of every action's input schema. Strings are bounded so that no input is huge. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'id 格式不正确');
export const Version = z.number().int().min(1).max(1_000_000);
export const Instant = z.string().datetime({ offset: true, message: '时间格式不正确' });
export const Text = (max: number) => z.string().trim().max(max, `不能超过${max}字`);
export const Note = Text(500);
export const Reason = Text(500).min(2, '请填写原因');
export const Category = z.enum(CATEGORY_CODES, { message: '请选择问题类别' });
export const GeoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
/**
 * A photo or file id: the local runtime's disk id or a CloudBase fileID (`cloud://<env>.<bucket>/<path>`,
 * often over 64 characters and with `/`). Bounded, no `..`, no whitespace (shared/files.ts); whether
 * the caller uploaded it is the server's check.
 */
export const FileId = z.string().min(1).max(FILE_ID_MAX).refine(isFileIdShape, '照片标识格式不正确');
export const PhotoIds = z.array(FileId).max(9, '最多9张照片');
export const Phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');
export const Limit = z.number().int().min(1).max(100).default(20);
export const Cursor = z.string().max(200).nullish();

/** A command on one ticket: which ticket, at which version (optimistic concurrency). */
export const TicketCommand = z.object({ ticketId: Id, version: Version });
