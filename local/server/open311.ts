/** HTTP binding of the Open311 GeoReport v2 use cases (cloudfunctions/_app/open311.ts) under /open311/v2/. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleOpen311, paramsFrom, type Open311Params } from '../../cloudfunctions/_app/open311';
import type { ServerContext } from './context';
import { HttpError, LIMITS, mediaType, readBody, sendJson } from './http';

function errorArray(res: ServerResponse, status: number, description: string): void {
  sendJson(res, status, [{ code: status, description }]);
}

/** Form-encoded (the spec's) or JSON body → flat string parameters; null when the body is unusable. */
async function bodyParams(req: IncomingMessage): Promise<Open311Params | null> {
  const raw = (await readBody(req, LIMITS.open311)).toString('utf8');
  const type = mediaType(req);
  if (raw.trim() === '') return {};
  if (type === 'application/json') {
    try {
      return paramsFrom(JSON.parse(raw));
    } catch {
      return null;
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') return Object.fromEntries(new URLSearchParams(raw));
  return null;
}

export async function handleOpen311Http(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  let body: Open311Params = {};
  if (method === 'POST') {
    // The key goes in the body only: a URL ends up in access logs, proxies and browser history.
    if (url.searchParams.has('api_key')) {
      req.resume();
      errorArray(res, 400, 'api_key 只能放在请求体中，不能放在网址里');
      return;
    }
    let parsed: Open311Params | null;
    try {
      parsed = await bodyParams(req);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 413) throw err;
      errorArray(res, 400, `请求体过大（上限 ${LIMITS.open311 / 1024} KB）`);
      return;
    }
    if (!parsed) {
      errorArray(res, 400, '请求体须为 application/x-www-form-urlencoded 或 JSON');
      return;
    }
    body = parsed;
  }
  const query = Object.fromEntries(url.searchParams);
  const answer = await handleOpen311(ctx.deps, { method, path, query, body }, ctx.open311);
  sendJson(res, answer.status, answer.body, { 'Access-Control-Allow-Origin': '*' });
}
