/**
 * A fake of the network edge for page tests: replaces global fetch (the H5 transport's only way
 * out) with an in-memory backend that answers `POST /api/<function>` by action, in the gateway's
 * envelope, and records every call. `offline` makes fetch reject, as a dropped connection does.
 * Everything above fetch (transport, envelope, pages, drafts) is the real code.
 */
export interface RecordedCall {
  fn: string;
  action: string;
  data: Record<string, unknown>;
}

type AnswerFn = (data: Record<string, unknown>) => unknown;
/** Data to answer with, a function of the input, or a FakeBackendError (returned or thrown) to refuse. */
type Answer = AnswerFn | object;

export class FakeBackendError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly issues?: Array<{ path: string; message: string }>,
    readonly status = 400,
  ) {}
}

export interface FakeBackend {
  calls: RecordedCall[];
  /** Answers for `<fn>.<action>`: data, a function of the input, or a FakeBackendError to refuse. */
  on(key: string, answer: Answer): FakeBackend;
  offline: boolean;
  callsOf(key: string): RecordedCall[];
  uploads: number;
  restore(): void;
}

interface FakeResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  blob(): Promise<Blob>;
}

function response(status: number, body: unknown): FakeResponse {
  return { status, ok: status < 400, json: async () => body, blob: async () => new Blob(['x'], { type: 'image/jpeg' }) };
}

export function installFakeBackend(): FakeBackend {
  const original = (globalThis as { fetch?: unknown }).fetch;
  const answers = new Map<string, Answer>();
  const backend: FakeBackend = {
    calls: [],
    offline: false,
    uploads: 0,
    on(key, answer) {
      answers.set(key, answer);
      return backend;
    },
    callsOf(key) {
      return backend.calls.filter((c) => `${c.fn}.${c.action}` === key);
    },
    restore() {
      (globalThis as { fetch?: unknown }).fetch = original;
    },
  };
  (globalThis as { fetch?: unknown }).fetch = async (url: string, init?: { method?: string; body?: unknown }): Promise<FakeResponse> => {
    // Reading a chosen photo (blob: URL in H5) happens on the device: it works offline.
    if (url.startsWith('blob:')) return response(200, null);
    if (backend.offline) throw new TypeError('Failed to fetch');
    if (url === '/api/upload') {
      backend.uploads += 1;
      return response(200, { ok: true, data: { id: `f-${backend.uploads}`, url: `/files/f-${backend.uploads}` } });
    }
    const fn = /^\/api\/([a-z]+)$/.exec(url)?.[1];
    if (!fn || init?.method !== 'POST') return response(404, { ok: false, error: { code: 'NOT_FOUND', message: '接口不存在' } });
    const body = JSON.parse(String(init.body)) as { action: string; data: Record<string, unknown> };
    backend.calls.push({ fn, action: body.action, data: body.data });
    const key = `${fn}.${body.action}`;
    if (!answers.has(key)) return response(400, { ok: false, error: { code: 'ACTION.UNKNOWN', message: `fake backend has no answer for ${key}` } });
    const answer = answers.get(key);
    try {
      const data = typeof answer === 'function' ? (answer as AnswerFn)(body.data) : answer;
      if (data instanceof FakeBackendError) throw data;
      return response(200, { ok: true, data });
    } catch (err) {
      if (err instanceof FakeBackendError) {
        return response(err.status, { ok: false, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } });
      }
      throw err;
    }
  };
  return backend;
}
