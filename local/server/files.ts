/** Photo upload (raw body, signed-in) and download of the local runtime, on the DiskFileStore. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ok } from '../../cloudfunctions/_app/envelope';
import { ALLOWED_CONTENT_TYPES, FileRejectedError } from '../store/files';
import { callerIdentity } from './api';
import type { ServerContext } from './context';
import { HttpError, LIMITS, mediaType, readBody, sendJson } from './http';

export async function handleUpload(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'METHOD.NOT_ALLOWED', '请使用 POST');
  const identity = await callerIdentity(ctx, req);
  if (!identity) throw new HttpError(401, 'AUTH.UNAUTHENTICATED', '请先登录');
  const type = mediaType(req);
  // Refuse before reading: the body of a wrong type is never buffered.
  if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(type)) {
    req.resume();
    throw new HttpError(415, 'FILE.UNSUPPORTED_TYPE', '仅支持 JPEG、PNG、WebP 图片（Content-Type: image/jpeg、image/png 或 image/webp）');
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req, LIMITS.upload);
  } catch (err) {
    if (err instanceof HttpError && err.status === 413) throw new HttpError(413, 'FILE.TOO_LARGE', '图片过大：单张不能超过 10 MB');
    throw err;
  }
  try {
    const stored = await ctx.deps.files.put({ bytes: new Uint8Array(bytes), contentType: type, ownerUserId: identity.userId });
    sendJson(res, 200, ok({ id: stored.id, url: await ctx.deps.files.url(stored.id), contentType: stored.contentType, size: stored.size }));
  } catch (err) {
    if (err instanceof FileRejectedError) throw new HttpError(err.code === 'FILE.TOO_LARGE' ? 413 : 400, err.code, err.message);
    throw err;
  }
}

/** GET /files/<id>: the id is 128 random bits (a capability URL, so that <image src> works without headers). */
export async function handleDownload(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD.NOT_ALLOWED', '请使用 GET');
  const found = await ctx.deps.files.get(id);
  if (!found) throw new HttpError(404, 'NOT_FOUND', '文件不存在');
  res.writeHead(200, {
    'Content-Type': found.file.contentType,
    'Content-Length': found.bytes.byteLength,
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
  });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength));
}
