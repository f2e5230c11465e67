/**
 * Input hygiene for every string a caller sends (issue 14): control characters (NUL, ESC of ANSI
 * sequences, C1), bidi embeddings, overrides and isolates (which can make a description read
 * backwards on a staff screen), zero-width spaces, word joiners and the BOM are removed before any
 * length check, so "500 characters" means 500 visible ones. Kept: line feeds and tabs; the
 * zero-width joiner and non-joiner, which emoji sequences and some scripts need. CRLF becomes LF.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** Every string inside a JSON-like value, cleaned; other values as they are. */
export function cleanStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== '__proto__') out[k] = cleanStrings(v, depth + 1);
  return out;
}
