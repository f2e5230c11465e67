/**
 * The local runtime's HTTP server (node:http): health, the action routers, dev sign-in, photos,
 * Open311 and the H5 build. Every body is size-limited; every /api answer is an envelope. In demo
 * mode a request whose Host is not loopback is refused before anything else (host.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fail } from '../../cloudfunctions/_app/envelope';
import { bulletinDownload } from '../../cloudfunctions/_app/bulletin-http';
import { callerIdentity, handleFunction } from './api';
import type { ServerContext } from './context';
import { handleDev } from './dev';
import { handleDownload, handleUpload } from './files';
import { addressedToLoopback, hostRefused } from './host';
import { bodyLimitOf, corsHeaders, declaresMoreThan, HttpError, sendError, sendJson } from './http';
import { handleOpen311Http } from './open311';
import { serveStatic } from './static';

const OPEN311_PREFIX = '/open311/v2/';

/** Demo mode answers only requests addressed to loopback (DNS rebinding). */
const refusesHost = (ctx: ServerContext, req: IncomingMessage): boolean => ctx.demo && !addressedToLoopback(req);

async function route(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (refusesHost(ctx, req)) throw hostRefused();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === '/healthz') {
    sendJson(res, 200, { ok: true });
    return;
  }
  const isOpen311 = path.startsWith(OPEN311_PREFIX);
  if (path.startsWith('/api/') || isOpen311) {
    for (const [k, v] of Object.entries(corsHeaders(req, isOpen311))) res.setHeader(k, v);
    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
  }
  if (isOpen311) {
    await handleOpen311Http(ctx, req, res, url, path.slice(OPEN311_PREFIX.length));
    return;
  }
  if (path.startsWith('/api/dev/')) {
    if (await handleDev(ctx, req, res, path.slice('/api/dev/'.length))) return;
    throw new HttpError(404, 'NOT_FOUND', '未知的开发接口');
  }
  if (path === '/api/bulletin' && method === 'GET') {
    // The monthly bulletin (月通报) as a file: ?jurisdiction=&month=YYYY-MM&format=xlsx|csv.
    const out = await bulletinDownload(ctx.deps, await callerIdentity(ctx, req), url.searchParams);
    res.writeHead(out.status, out.headers);
    res.end(out.body);
    return;
  }
  if (path === '/api/upload') {
    await handleUpload(ctx, req, res);
    return;
  }
  const fn = /^\/api\/([A-Za-z0-9_-]{1,40})\/?$/.exec(path);
  if (fn?.[1]) {
    await handleFunction(ctx, req, res, fn[1]);
    return;
  }
  if (path.startsWith('/api/')) throw new HttpError(404, 'NOT_FOUND', '接口不存在');
  const file = /^\/files\/([^/]+)$/.exec(path);
  if (file?.[1]) {
    await handleDownload(ctx, req, res, file[1]);
    return;
  }
  await serveStatic(ctx.h5Dir, req, res, path);
}

function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  route(ctx, req, res).catch((err: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (!req.complete) {
      // Refused before its body was read: discard the rest and do not reuse the connection.
      res.setHeader('Connection', 'close');
      req.resume();
    }
    if (err instanceof HttpError) {
      sendError(res, err);
      return;
    }
    console.error('[local-runtime]', err);
    sendJson(res, 500, fail({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' }));
  });
}

export function createAppServer(ctx: ServerContext): Server {
  const server = createServer((req, res) => handle(ctx, req, res));
  // Expect: 100-continue (RFC 9110 §10.1.1): a body that is declared too large is answered with its
  // 413 before the client sends it (no 100), instead of a connection torn down mid-upload; a
  // refused Host gets its 421 without a 100 too.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (!refusesHost(ctx, req) && !declaresMoreThan(req, bodyLimitOf(path))) res.writeContinue();
    handle(ctx, req, res);
  });
  return server;
}
