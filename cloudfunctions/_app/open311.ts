/**
 * Open311 GeoReport v2 (issue 3 §5), platform-neutral: the local runtime serves it under
 * /open311/v2/ and a CloudBase HTTP-triggered function can serve the same through handleOpen311.
 *
 * - service_code is our category code, service_name its Chinese label, group 治脏/治乱/安全/其他.
 * - POST requests.json needs api_key = OPEN311_API_KEY (creation is refused while it is unset).
 *   The estate is the jurisdiction's registered estate nearest to lat/long within 1 km; otherwise
 *   the ticket is routed at jurisdiction level (no estate, no street) like any report.
 * - service_request_id is the human ticket number (e.g. YN-20261123-0007).
 * - GET never shows a complaint about a property company's own conduct (shared/permissions
 *   shownInPublic): requests.json leaves them out whatever the filters, requests/<id>.json answers 404
 *   as for an unknown id. services.json still lists those services, and POST still takes them.
 * - No reporter data is ever exposed. Reports from the mini-program also omit their free-text
 *   description and the resident's own location (the estate's location stands in), like the public
 *   share card; requests created through Open311 show what the API client sent.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Estate } from '../../shared/domain/directory';
import { STATE_LABELS, TICKET_STATES, type GeoPoint, type Ticket, type TicketEvent } from '../../shared/domain/ticket';
import { JURISDICTION_REACH_METERS } from '../../shared/estate/near';
import { distanceMeters } from '../../shared/geo';
import { REGISTRY } from '../../shared/jurisdictions';
import { PUBLIC_CATEGORIES, shownInPublic } from '../../shared/permissions';
import { addNaturalMinutes, instantMs, toShanghaiIso, toUtcIso } from '../../shared/sla/calendar';
import { expectedResolveBy } from '../../shared/sla/deadlines';
import type { SlaPolicy } from '../../shared/sla/policy';
import { isOpen } from '../../shared/sla/progress';
import { CATEGORIES, getCategory, isCategoryCode } from '../../shared/taxonomy/categories';
import type { AppDeps } from './context';
import { publicPhotos } from './usecases/photo-checks';
import { submitRouted } from './usecases/submission';
import { policyFor } from './usecases/support';
import { refreshRegistry } from './usecases/live-registry';

/** An estate farther than this from the reported point is not "the" estate of the report. */
export const ESTATE_MATCH_METERS = 1000;
/** Most requests one GET requests.json answers (newest first). */
export const MAX_LIST = 200;
/** Default window of GET requests.json without dates (GeoReport v2: the last 90 days). */
export const DEFAULT_WINDOW_DAYS = 90;
const MAX_IDS = 100;
const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 500;
const ADDRESS_MAX = 200;
const MEDIA_URL_MAX = 500;
/** Marks the submit event of a ticket created through Open311. */
const SOURCE = 'open311';

export interface Open311Config {
  /** OPEN311_API_KEY; creation is refused while it is unset or empty. */
  apiKey?: string | null;
  /** Origin that makes relative file URLs absolute for media_url (e.g. http://127.0.0.1:8787). */
  baseUrl?: string;
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** Answered as an Open311 error array `[{code, description}]` with the same HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }

  toBody(): Open311ErrorItem[] {
    return [{ code: this.status, description: this.description }];
  }
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export type Open311Params = Record<string, string>;

/** Flattens a form or JSON body (numbers and booleans become strings; nested values are dropped). */
export function paramsFrom(value: unknown): Open311Params {
  const out: Open311Params = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
    else if (typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

function requireJurisdiction(id: string | undefined, required: boolean): string | null {
  const value = id?.trim();
  if (!value) {
    if (required) throw new Open311Error(400, 'jurisdiction_id 为必填项');
    return null;
  }
  if (!REGISTRY.list(value)) throw new Open311Error(404, `jurisdiction_id ${value.slice(0, 40)} 不存在`);
  return value;
}

export function listServices(params: Open311Params = {}): Open311Service[] {
  requireJurisdiction(params.jurisdiction_id, false);
  return CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.label,
    description: `${c.group}类问题：${c.label}${c.urgent ? '（紧急）' : ''}`,
    metadata: false,
    type: 'realtime',
    keywords: [c.group, ...(c.urgent ? ['紧急'] : [])].join(','),
    group: c.group,
  }));
}

/** The synthetic reporter of an API client: a short hash of its key, never the key itself. */
export function reporterIdForKey(apiKey: string): string {
  return `open311:${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`;
}

function checkApiKey(given: string | undefined, config: Open311Config): string {
  const expected = config.apiKey ?? '';
  if (!expected) throw new Open311Error(403, '本服务未开放 Open311 提交：服务端未配置 OPEN311_API_KEY');
  if (!given) throw new Open311Error(403, '缺少 api_key');
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  if (!timingSafeEqual(a, b)) throw new Open311Error(403, 'api_key 无效');
  return expected;
}

/** Decimal degrees only: Number() would also take hex (0x1A), exponents (1e1) and Infinity. */
const DECIMAL_DEGREES = /^[+-]?\d{1,3}(\.\d{1,15})?$/;

function parseCoordinate(raw: string | undefined, name: 'lat' | 'long', limit: number): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = DECIMAL_DEGREES.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw new Open311Error(400, `${name} 须为 ±${limit} 以内的十进制数字`);
  return value;
}

function parseLocation(params: Open311Params): GeoPoint | null {
  const lat = parseCoordinate(params.lat, 'lat', 90);
  const lng = parseCoordinate(params.long, 'long', 180);
  if ((lat === null) !== (lng === null)) throw new Open311Error(400, 'lat 与 long 须同时提供');
  return lat === null || lng === null ? null : { lat, lng };
}

function parseMediaUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Open311Error(400, 'media_url 不是有效的网址');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || value.length > MEDIA_URL_MAX) {
    throw new Open311Error(400, `media_url 须为不超过${MEDIA_URL_MAX}字符的 http(s) 网址`);
  }
  return value;
}

/**
 * The registered estate of the jurisdiction nearest to the point, within ESTATE_MATCH_METERS. A
 * point farther than JURISDICTION_REACH_METERS from every estate of the jurisdiction is not in it
 * (a Sydney point for Qitai) and is refused.
 */
export async function nearestEstate(deps: AppDeps, jurisdiction: string, at: GeoPoint | null): Promise<Estate | null> {
  if (!at) return null;
  const estates = await deps.store.listEstates({ jurisdiction });
  let best: { estate: Estate; d: number } | null = null;
  for (const estate of estates) {
    const d = distanceMeters(at, estate.location);
    if (!best || d < best.d) best = { estate, d };
  }
  if (best && best.d > JURISDICTION_REACH_METERS) throw new Open311Error(400, `lat/long 不在 ${jurisdiction} 辖区内`);
  return best && best.d <= ESTATE_MATCH_METERS ? best.estate : null;
}

/** POST requests.json. */
export async function createServiceRequest(deps: AppDeps, params: Open311Params, config: Open311Config) {
  const apiKey = checkApiKey(params.api_key, config);
  const jurisdiction = requireJurisdiction(params.jurisdiction_id, true) as string;
  const code = params.service_code?.trim();
  if (!code) throw new Open311Error(400, 'service_code 为必填项');
  if (!isCategoryCode(code)) throw new Open311Error(400, `service_code ${code.slice(0, 40)} 不存在，请先查询 services.json`);
  const location = parseLocation(params);
  const address = params.address_string?.trim() ?? '';
  if (address.length > ADDRESS_MAX) throw new Open311Error(400, `address_string 不能超过${ADDRESS_MAX}字`);
  if (!location && !address) throw new Open311Error(400, '须提供 lat 和 long，或 address_string');
  const description = params.description?.trim() ?? '';
  if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX) {
    throw new Open311Error(400, `description 须为${DESCRIPTION_MIN}–${DESCRIPTION_MAX}字的问题描述`);
  }
  const mediaUrl = parseMediaUrl(params.media_url);
  const verdict = await deps.content.checkText(`${description}\n${address}`, null);
  if (!verdict.ok) throw new Open311Error(400, `内容未通过安全检查：${verdict.reason}`);

  const estate = await nearestEstate(deps, jurisdiction, location);
  const reporterId = reporterIdForKey(apiKey);
  const { ticket } = await submitRouted(deps, {
    jurisdiction,
    category: code,
    estate,
    description,
    photos: [],
    location,
    reporter: { userId: reporterId, anonymous: false },
    // GeoReport v2 has no idempotency key: each POST is a new request.
    idempotencyKey: `open311-${deps.ids.newId()}`,
    actorName: 'Open311 接口',
    payload: { source: SOURCE, ...(mediaUrl ? { mediaUrl } : {}), ...(address ? { addressString: address } : {}) },
  });
  return [{ service_request_id: ticket.no, service_notice: serviceNotice(ticket), account_id: null }];
}

function serviceNotice(t: Ticket): string {
  const where = t.estateId ? '已按责任清单派至小区网格' : '未匹配到1公里内的登记小区，已按辖区责任清单登记，待街道或领导小组办公室确认小区';
  return `工单号 ${t.no}：${where}`;
}

/** GeoReport v2: "the datetime when the service request is expected to be fulfilled" — the resolve deadline. */
function expectedOf(t: Ticket, policy: SlaPolicy | undefined): string | null {
  const due = policy ? expectedResolveBy(t.deadlines, t.priority, t.createdAt, policy, t.category) : null;
  return due ? toShanghaiIso(due) : null;
}

function unitNames(t: Ticket, ids: readonly string[]): string {
  const names = new Map([...t.route.lead, ...t.route.responsible].map((u) => [u.id, u.name]));
  return ids.map((id) => names.get(id) ?? REGISTRY.department(id)?.name ?? id).join('、');
}

function statusNotes(t: Ticket): string {
  const label = STATE_LABELS[t.state];
  switch (t.state) {
    case 'whistled':
      return t.assignedUnits.length ? `${label}：${unitNames(t, t.assignedUnits)}` : label;
    case 'acknowledged':
    case 'on_site': {
      const units = t.acknowledgedUnits.length ? t.acknowledgedUnits : t.assignedUnits;
      return units.length ? `${label}：${unitNames(t, units)}` : label;
    }
    case 'resolved':
      return t.resolvedBy ? `${label}：${unitNames(t, [t.resolvedBy])}` : label;
    default:
      return label;
  }
}

interface MapContext {
  estates: Map<string, Estate>;
  submits: Map<string, TicketEvent>;
  files: AppDeps['files'];
  policies: Map<string, SlaPolicy>;
  /** Photos a public answer may show, per ticket (photo-checks.ts: passed the image check). */
  shownPhotos: Map<string, string[]>;
  baseUrl?: string;
}

async function absoluteFileUrl(ctx: MapContext, id: string): Promise<string> {
  const url = await ctx.files.url(id);
  return ctx.baseUrl && url.startsWith('/') ? `${ctx.baseUrl}${url}` : url;
}

async function toServiceRequest(t: Ticket, ctx: MapContext): Promise<Open311ServiceRequest> {
  const submit = ctx.submits.get(t.id);
  const viaOpen311 = submit?.payload?.source === SOURCE;
  const estate = t.estateId ? ctx.estates.get(t.estateId) : undefined;
  const addressString = typeof submit?.payload?.addressString === 'string' ? submit.payload.addressString : null;
  // A resident's own point may be their door: the public answer shows the estate's location.
  const point = viaOpen311 ? t.location : (estate?.location ?? null);
  let media: string | null = null;
  if (viaOpen311 && typeof submit?.payload?.mediaUrl === 'string') media = submit.payload.mediaUrl;
  else if (!viaOpen311 && ctx.shownPhotos.get(t.id)?.[0]) media = await absoluteFileUrl(ctx, ctx.shownPhotos.get(t.id)?.[0] as string);
  return {
    service_request_id: t.no,
    status: isOpen(t) ? 'open' : 'closed',
    status_notes: statusNotes(t),
    service_name: getCategory(t.category).label,
    service_code: t.category,
    description: viaOpen311 ? t.description : null,
    agency_responsible: t.route.lead.map((u) => u.name).join('、'),
    service_notice: null,
    requested_datetime: toShanghaiIso(t.createdAt),
    updated_datetime: toShanghaiIso(t.updatedAt),
    expected_datetime: expectedOf(t, ctx.policies.get(t.jurisdiction)),
    address: estate ? `${estate.address}（${estate.name}）` : addressString,
    address_id: null,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.lng ?? null,
    media_url: media,
  };
}

async function mapAll(deps: AppDeps, tickets: Ticket[], config: Open311Config): Promise<Open311ServiceRequest[]> {
  const estateIds = [...new Set(tickets.map((t) => t.estateId).filter((id): id is string => id !== null))];
  const estates = new Map((estateIds.length ? await deps.store.listEstates({ ids: estateIds }) : []).map((e) => [e.id, e]));
  const events = tickets.length ? await deps.store.listEventsFor(tickets.map((t) => t.id)) : [];
  const submits = new Map(events.filter((e) => e.seq === 1).map((e) => [e.ticketId, e]));
  const jurisdictions = [...new Set(tickets.map((t) => t.jurisdiction))];
  const policies = new Map(await Promise.all(jurisdictions.map(async (j) => [j, await policyFor(deps, j)] as const)));
  const shownPhotos = await publicPhotos(deps, tickets);
  const ctx: MapContext = { estates, submits, files: deps.files, policies, shownPhotos, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) };
  return Promise.all(tickets.map((t) => toServiceRequest(t, ctx)));
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The ticket a public GET may show under this id: none for a complaint about the property company. */
async function findTicket(deps: AppDeps, id: string): Promise<Ticket | null> {
  if (!REQUEST_ID.test(id)) return null;
  const ticket = (await deps.store.getTicketByNo(id)) ?? (await deps.store.getTicket(id));
  return ticket && shownInPublic(ticket) ? ticket : null;
}

/** GET requests/{id}.json: an array with the one request. */
export async function getServiceRequest(deps: AppDeps, id: string, config: Open311Config = {}) {
  const ticket = await findTicket(deps, id);
  if (!ticket) throw new Open311Error(404, `service_request_id ${id.slice(0, 64)} 不存在`);
  return mapAll(deps, [ticket], config);
}

function parseDate(raw: string | undefined, name: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    return toUtcIso(value);
  } catch {
    throw new Open311Error(400, `${name} 须为带时区的 ISO-8601 时间，例如 2026-11-23T10:00:00+08:00`);
  }
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const OPEN_STATES = TICKET_STATES.filter((s) => isOpen({ state: s }));
const CLOSED_STATES = TICKET_STATES.filter((s) => !isOpen({ state: s }));

/** GET requests.json: by ids, or filtered by jurisdiction, service codes, status and dates (newest first). */
export async function listServiceRequests(deps: AppDeps, params: Open311Params = {}, config: Open311Config = {}) {
  const ids = splitList(params.service_request_id);
  if (ids.length > MAX_IDS) throw new Open311Error(400, `service_request_id 最多${MAX_IDS}个`);
  if (ids.length > 0) {
    // GeoReport v2: with ids, the other parameters are ignored; unknown ids are left out.
    const found = (await Promise.all(ids.map((id) => findTicket(deps, id)))).filter((t): t is Ticket => t !== null);
    return mapAll(deps, found, config);
  }
  const jurisdiction = requireJurisdiction(params.jurisdiction_id, false);
  const codes = splitList(params.service_code);
  const unknown = codes.find((c) => !isCategoryCode(c));
  if (unknown) throw new Open311Error(400, `service_code ${unknown.slice(0, 40)} 不存在`);
  const statuses = splitList(params.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status 须为 open 或 closed');
  const end = parseDate(params.end_date, 'end_date');
  const start = parseDate(params.start_date, 'start_date') ?? addNaturalMinutes(end ?? deps.clock.now(), -DEFAULT_WINDOW_DAYS * 24 * 60);
  if (end && instantMs(start) > instantMs(end)) throw new Open311Error(400, 'start_date 不能晚于 end_date');
  const states = statuses.length === 1 ? (statuses[0] === 'open' ? OPEN_STATES : CLOSED_STATES) : undefined;
  // Only public categories, in the query itself, so that hidden tickets take no place in the page.
  const categories = codes.length ? PUBLIC_CATEGORIES.filter((c) => codes.includes(c)) : [...PUBLIC_CATEGORIES];
  if (categories.length === 0) return [];
  const page = await deps.store.queryTickets(
    {
      ...(jurisdiction ? { jurisdiction } : {}),
      categories,
      ...(states ? { states: [...states] } : {}),
      createdFrom: start,
      ...(end ? { createdTo: end } : {}),
    },
    { limit: MAX_LIST },
  );
  return mapAll(deps, page.items.filter(shownInPublic), config);
}

export interface Open311HttpRequest {
  method: string;
  /** The path after /open311/v2/, e.g. "services.json" or "requests/YN-20261123-0001.json". */
  path: string;
  query: Open311Params;
  /** Form or JSON body, flattened with paramsFrom (POST only). */
  body: Open311Params;
}

export interface Open311HttpResponse {
  status: number;
  body: unknown;
}

/** One Open311 HTTP request → status and JSON body (an Open311 error array on failure). */
export async function handleOpen311(deps: AppDeps, req: Open311HttpRequest, config: Open311Config): Promise<Open311HttpResponse> {
  try {
    // Created jurisdictions are valid jurisdiction_ids as soon as the functions know them (usecases/live-registry.ts).
    await refreshRegistry(deps);
    const method = req.method.toUpperCase();
    const path = req.path.replace(/^\/+/, '');
    if (path === 'services.json') {
      if (method !== 'GET') throw new Open311Error(400, 'services.json 仅支持 GET');
      return { status: 200, body: listServices(req.query) };
    }
    if (path === 'requests.json') {
      if (method === 'POST') {
        // The key is a secret: in a URL it ends up in access logs and proxies, so it counts only in the body.
        if (req.query.api_key !== undefined) throw new Open311Error(400, 'api_key 须放在请求体中，不能放在网址里');
        return { status: 200, body: await createServiceRequest(deps, { ...req.query, ...req.body }, config) };
      }
      if (method === 'GET') return { status: 200, body: await listServiceRequests(deps, req.query, config) };
      throw new Open311Error(400, 'requests.json 仅支持 GET 和 POST');
    }
    const one = /^requests\/([^/]+)\.json$/.exec(path);
    if (one?.[1]) {
      if (method !== 'GET') throw new Open311Error(400, '仅支持 GET');
      let id: string;
      try {
        id = decodeURIComponent(one[1]);
      } catch {
        throw new Open311Error(404, 'service_request_id 不存在');
      }
      return { status: 200, body: await getServiceRequest(deps, id, config) };
    }
    if (/\.xml$/.test(path)) throw new Open311Error(400, '仅支持 JSON 格式（.json）');
    throw new Open311Error(404, `未知的 Open311 接口：${path.slice(0, 60)}`);
  } catch (err) {
    if (err instanceof Open311Error) return { status: err.status, body: err.toBody() };
    console.error('[open311]', err);
    return { status: 500, body: [{ code: 500, description: '系统繁忙，请稍后再试' }] };
  }
}
