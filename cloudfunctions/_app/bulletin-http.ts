/**
 * The 月通报 as a file download, for the local runtime's HTTP gateway (e.g. GET
 * /api/bulletin?jurisdiction=yongning&month=2026-11&format=xlsx). The gateway wires it: it passes
 * the caller's identity from its dev sign-in and the query, and writes back status, headers, body.
 * Errors answer with the envelope's JSON and status, as the action routers do.
 */
import { z } from 'zod';
import type { Identity } from '../../shared/domain/roles';
import { Id } from '../../shared/actions/common';
import type { AppDeps } from './context';
import { fail } from './envelope';
import { errors } from './errors';
import { toErrorBody } from './router';
import { buildBulletin, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './usecases/bulletin';

export interface HttpFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const Query = z.object({
  jurisdiction: Id,
  month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

/** RFC 6266: an ASCII filename for old clients, the Chinese one as filename* (RFC 5987). */
function disposition(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

function single(value: string | string[] | null | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : (value ?? undefined);
}

export async function bulletinDownload(
  deps: AppDeps,
  identity: Identity | null,
  query: URLSearchParams | Record<string, string | string[] | undefined>,
): Promise<HttpFile> {
  try {
    if (!identity) throw errors.unauthenticated();
    const get = (k: string) => single(query instanceof URLSearchParams ? query.get(k) : query[k]);
    const input = Query.parse({ jurisdiction: get('jurisdiction'), month: get('month'), format: get('format') });
    const built = await buildBulletin(deps, identity, input);
    const csv = input.format === 'csv';
    const body = csv ? Buffer.from(built.csv, 'utf8') : built.xlsx;
    return {
      status: 200,
      headers: {
        'Content-Type': csv ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
        'Content-Disposition': disposition(`${built.asciiName}.${input.format}`, csv ? built.csvFilename : built.filename),
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
      body,
    };
  } catch (err) {
    const { body, status } = toErrorBody(err);
    if (status >= 500) console.error('[bulletin-http]', err);
    return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, body: Buffer.from(JSON.stringify(fail(body)), 'utf8') };
  }
}
