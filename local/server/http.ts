/** Small node:http helpers of the local runtime: bounded bodies, JSON answers, envelope errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type ErrorBody } from '../../cloudfunctions/_app/envelope';

/** Body limits: every request body is bounded before it is buffered. */
export const LIMITS = {
  api: 1024 * 1024,
  dev: 16 * 1024,
  open311: 64 * 1024,
  upload: 10 * 1024 * 1024,
} as const;

/** The body limit of a path, for refusing a request before its body is sent (Expect: 100-continue). */
export function bodyLimitOf(path: string): number {
  if (path === '/api/upload') return LIMITS.upload;
  if (path.startsWith('/api/dev/')) return LIMITS.dev;
  if (path.startsWith('/open311/')) return LIMITS.open311;
  return LIMITS.api;
}

/** True when the request declares a body longer than `limit` (Content-Length). */
export function declaresMoreThan(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/** An error the gateway answers itself, as an envelope with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

export const tooLarge = (limit: number) => new HttpError(413, 'REQUEST.TOO_LARGE', `请求体过大（上限 ${Math.round(limit / 1024)} KB）`);

/** Reads the whole body, refusing (413) as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (declaresMoreThan(req, limit)) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume(); // drain the rest so that the 413 answer can be read
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** Parses a JSON body; empty means `{}`; anything unparsable is a 400 INPUT.INVALID. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'INPUT.INVALID', '请求体不是有效的 JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, fail(err.body()));
}

/** The media type of a Content-Type header, without parameters, lower-cased. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Refuses (415) a body that is not declared as JSON, before reading it. A cross-site form or a
 * `text/plain` fetch is a CORS "simple request" that no preflight stops; `application/json` needs one.
 */
export function requireJson(req: IncomingMessage): void {
  if (mediaType(req) === 'application/json') return;
  req.resume();
  throw new HttpError(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON（Content-Type: application/json）');
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/** Browsers on the developer's machine (the Taro dev server on another port) may call the API; other sites may not. */
export function corsHeaders(req: IncomingMessage, publicApi: boolean): Record<string, string> {
  const origin = req.headers.origin;
  const base = { 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Max-Age': '600' };
  if (publicApi) return { ...base, 'Access-Control-Allow-Origin': '*' };
  if (origin && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)) return { ...base, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}
