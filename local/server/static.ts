/**
 * The H5 build (dist/h5) served at `/`: files by path with their content types, index.html for
 * unknown paths (client-side routes), and a short Chinese page when the build is missing.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>小区吹哨 · 本地运行时</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.7">
<h1>H5 前端尚未构建</h1>
<p>本地接口已经在运行（<a href="/healthz">/healthz</a>、<code>POST /api/&lt;函数名&gt;</code>、<a href="/open311/v2/services.json">Open311</a>），但没有找到 <code>dist/h5/index.html</code>。</p>
<p>请在项目根目录执行 <code>npm run build:h5</code> 后刷新本页；或停止后重新执行 <code>npm start</code>，它会先自动构建 H5。</p>
</body></html>`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under root that a URL path names, or null when it would leave root. */
export function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(base, `.${sep}${normalize(decoded)}`);
  return full === base || full.startsWith(base + sep) ? full : null;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function streamFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const info = await stat(path);
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    // index.html must be re-read after a rebuild; hashed assets may be cached a while.
    'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(path);
    stream.on('error', fail);
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

export async function serveStatic(h5Dir: string, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, 'text/plain; charset=utf-8', '仅支持 GET');
    return;
  }
  const index = join(h5Dir, 'index.html');
  if (!(await isFile(index))) {
    if (urlPath === '/' || urlPath === '/index.html') send(req, res, 200, 'text/html; charset=utf-8', MISSING_BUILD_PAGE);
    else send(req, res, 404, 'text/plain; charset=utf-8', '未找到（H5 前端尚未构建）');
    return;
  }
  const file = fileFor(h5Dir, urlPath);
  if (file && (await isFile(file))) {
    await streamFile(req, res, file);
    return;
  }
  // A missing asset (has an extension) is a real 404; anything else is a client-side route.
  if (extname(urlPath) && extname(urlPath) !== '.html') {
    send(req, res, 404, 'text/plain; charset=utf-8', '未找到');
    return;
  }
  await streamFile(req, res, index);
}
