/**
 * Page tests of the staff screens fake only the network edge: `globalThis.fetch` answers the
 * function calls (`POST /api/<fn>` with `{action, data}`), the photo upload and the blob read of a
 * chosen photo. Everything between the page and fetch (api/, the staff components, shared/) is real.
 * Device edges the browser lacks in jsdom are provided where a test needs them (navigator.geolocation,
 * Taro.chooseImage's file picker).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as TaroH5 from '@tarojs/taro-h5';
import { saveSession, type SessionUser } from '../../../miniprogram/api';
import { resetEstateNames } from '../../../miniprogram/staff/lib/api';
import type { QueueItem, TicketView } from '../../../miniprogram/staff/lib/types';
import { getCategory } from '../../../shared/taxonomy/categories';
import type { LifecycleAction } from '../../../shared/lifecycle';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { gcj02ToWgs84 } from '../../../shared/geo-datum';
import { makeEvent } from '../../support/fixtures';

/**
 * The Taro build rewrites `Taro.getLocation(...)` & co. into imports of @tarojs/taro-h5's named APIs
 * (babel-plugin-transform-taroapi); the jest shim's default object carries only the router part.
 * Attach the named APIs to it, as the build does, so the pages' `Taro.x` calls reach the H5 APIs.
 */
const taroObject = Taro as unknown as Record<string, unknown>;
for (const [name, api] of Object.entries(TaroH5)) {
  if (name !== 'default' && typeof api === 'function' && !(name in taroObject)) taroObject[name] = api;
}

export interface Call {
  fn: string;
  action: string;
  data: Record<string, unknown>;
}

type Handler = (data: Record<string, unknown>) => unknown;

/** Thrown by a handler: answered as the envelope's error. */
export class Refusal {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

function response(body: unknown, status = 200) {
  return {
    ok: status < 400,
    status,
    json: async () => body,
    blob: async () => new Blob(['jpeg-bytes'], { type: 'image/jpeg' }),
  };
}

/** What a file route (GET /api/bulletin) answers: the file's text and headers, or an envelope's refusal. */
export interface FileAnswer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/** A GET of a file route, as the page sent it. */
export interface Download {
  url: string;
  params: URLSearchParams;
  authorization: string | null;
}

/** A header lookup by name, case-insensitive (jsdom has no Headers). */
function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const hit = Object.entries(headers as Record<string, unknown>).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return typeof hit?.[1] === 'string' ? hit[1] : null;
}

function fileResponse({ status = 200, body, headers = {} }: FileAnswer) {
  return {
    ok: status < 400,
    status,
    headers: { get: (name: string) => headerOf(headers, name) },
    json: async () => JSON.parse(body) as unknown,
    blob: async () => new Blob([body], { type: headers['Content-Type'] ?? 'application/octet-stream' }),
  };
}

export interface FakeNetwork {
  calls: Call[];
  /** GET /api/bulletin requests. */
  downloads: Download[];
  /** Calls of one `ticket` action (e.g. 'whistle'). */
  ticketCalls: (action: string) => Call[];
  uploads: number;
  /** Replace or add a handler after the page has rendered. */
  on: (route: string, handler: Handler) => void;
}

/**
 * Installs the fake fetch. Routes are 'fn.action' → handler(data) returning the envelope's data.
 * 'report.estates' answers an empty list unless given.
 */
export function fakeNetwork(routes: Record<string, Handler>, files: { bulletin?: (params: URLSearchParams) => FileAnswer } = {}): FakeNetwork {
  const table = new Map<string, Handler>(Object.entries({ 'report.estates': () => ({ items: [] }), ...routes }));
  const net: FakeNetwork = {
    calls: [],
    downloads: [],
    ticketCalls: (action) => net.calls.filter((c) => c.fn === 'ticket' && c.action === action),
    uploads: 0,
    on: (route, handler) => table.set(route, handler),
  };
  const fake = async (input: unknown, init?: { body?: unknown; headers?: unknown }) => {
    const url = String(input);
    if (url.startsWith('blob:')) return response(null);
    if (url.startsWith('/api/bulletin?')) {
      const params = new URL(url, 'http://127.0.0.1').searchParams;
      net.downloads.push({ url, params, authorization: headerOf(init?.headers, 'Authorization') });
      if (!files.bulletin) return fileResponse({ status: 404, body: JSON.stringify({ ok: false, error: { code: 'TEST.NO_ROUTE', message: '测试未提供通报文件' } }) });
      try {
        return fileResponse(files.bulletin(params));
      } catch (err) {
        if (err instanceof Refusal) return fileResponse({ status: 403, body: JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }) });
        throw err;
      }
    }
    if (url === '/api/upload') {
      net.uploads += 1;
      return response({ ok: true, data: { id: `f-after-${net.uploads}`, url: `/files/f-after-${net.uploads}` } });
    }
    const fn = url.replace(/^\/api\//, '');
    const { action, data } = JSON.parse(String(init?.body ?? '{}')) as { action: string; data: Record<string, unknown> };
    net.calls.push({ fn, action, data });
    const handler = table.get(`${fn}.${action}`);
    if (!handler) return response({ ok: false, error: { code: 'TEST.NO_ROUTE', message: `测试未提供 ${fn}.${action}` } }, 404);
    try {
      return response({ ok: true, data: await handler(data) });
    } catch (err) {
      if (err instanceof Refusal) return response({ ok: false, error: { code: err.code, message: err.message } }, 400);
      throw err;
    }
  };
  (globalThis as { fetch: unknown }).fetch = jest.fn(fake);
  resetEstateNames();
  return net;
}

export function signIn(user: SessionUser): void {
  saveSession('test-token', user);
}

/** Lets fetch answers, effects and Taro's web components settle. */
export async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(target: string | HTMLElement): Promise<void> {
  const el = typeof target === 'string' ? screen.getByText(target) : target;
  await act(async () => {
    fireEvent.click(el);
  });
  await settle();
}

/** The form field whose label starts with `label`. */
export function field(label: string, root: ParentNode = document): HTMLElement {
  const labels = [...root.querySelectorAll('.staff-field__label')].filter((l) => (l.textContent ?? '').startsWith(label));
  if (labels.length !== 1) throw new Error(`expected one field labelled "${label}", found ${labels.length}`);
  const box = labels[0]?.closest('.staff-field');
  if (!(box instanceof HTMLElement)) throw new Error(`no field box for "${label}"`);
  return box;
}

/** Types into a Taro Input/Textarea: its web component emits `input` with `detail.value`. */
export async function type(label: string, value: string, root: ParentNode = document): Promise<void> {
  const control = field(label, root).querySelector('taro-input-core, taro-textarea-core');
  if (!control) throw new Error(`no text control in "${label}"`);
  // The web component renders its <input>/<textarea> asynchronously; a value set before that is lost.
  for (let i = 0; i < 20 && !control.querySelector('input, textarea'); i += 1) await settle(1);
  await act(async () => {
    control.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

/** Picks a value in a Taro Picker (date/time): its web component emits `change` with `detail.value`. */
export async function pick(label: string, value: string, root: ParentNode = document): Promise<void> {
  const control = field(label, root).querySelector('taro-picker-core');
  if (!control) throw new Error(`no picker in "${label}"`);
  await act(async () => {
    control.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }));
  });
}

/** The chips of a choice field and whether each is on. */
export function choices(label: string, root: ParentNode = document): Array<{ text: string; on: boolean; el: HTMLElement }> {
  return [...field(label, root).querySelectorAll<HTMLElement>('.choice')].map((el) => ({
    text: (el.textContent ?? '').replace(/^[☑☐]\s*/, ''),
    on: el.className.includes('choice--on'),
    el,
  }));
}

/** The action buttons the panel shows (their labels). */
/** Every action button of the panel in screen order: the full-width primary one first, then the small ones. */
export function actionButtons(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('.actions__primary, .actions__bar-item')].map((b) => (b.textContent ?? '').trim());
}

/** The full-width primary button's label (the step that moves the ticket on), or null. */
export function primaryButton(root: ParentNode = document): string | null {
  return root.querySelector('.actions__primary')?.textContent?.trim() ?? null;
}

/** A position `metres` north of `point` (1° of latitude ≈ 111.2 km). */
export function north(point: { lat: number; lng: number }, metres: number): { lat: number; lng: number } {
  return { lat: point.lat + metres / 111_195, lng: point.lng };
}

/**
 * navigator.geolocation, which jsdom lacks, for a phone standing at `at` (GCJ-02, the app's datum):
 * the browser answers WGS-84, which Taro H5's getLocation reads and the app converts back.
 */
export function placeDevice(gcj: { lat: number; lng: number }): void {
  const at = gcj02ToWgs84(gcj);
  Object.defineProperty(globalThis.navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition: (ok: (p: { coords: Record<string, number | null> }) => void) =>
        ok({ coords: { latitude: at.lat, longitude: at.lng, accuracy: 10, altitude: null, speed: null, altitudeAccuracy: null } }),
    },
  });
}

/**
 * The camera/album picker: Taro H5's chooseImage needs a real file dialog and image decoding, which
 * jsdom has not; the test answers it with local blob paths, which the real uploadPhoto then reads and
 * uploads through fetch.
 */
export function pickPhotos(paths: string[]): jest.SpyInstance {
  return jest.spyOn(Taro, 'chooseImage').mockImplementation((async () => ({ tempFilePaths: paths, tempFiles: [], errMsg: 'chooseImage:ok' })) as never);
}

export function viewOf(ticket: Ticket, actions: LifecycleAction[], events: TicketEvent[] = [makeEvent(ticket)]): TicketView {
  return { ticket, events, actions };
}

/** ISO instant `minutes` from the real now (countdowns read the real clock). */
export function fromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** A queue row as `ticket.queue` answers it (the backend's `summary`). */
export function summaryOf(t: Ticket): QueueItem {
  return {
    id: t.id,
    no: t.no,
    version: t.version,
    category: t.category,
    categoryLabel: getCategory(t.category).label,
    state: t.state,
    priority: t.priority,
    estateId: t.estateId,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    deadlines: t.deadlines,
    escalation: t.escalation,
    lead: t.route.lead,
    assignedUnits: t.assignedUnits,
    holder: t.holder,
    meToo: t.meToo,
    overdue: t.deadlines.some((d) => d.overdueAt !== undefined && d.metAt === undefined),
    pendingExtension: t.pendingExtension,
    lastReply: t.lastReply ?? null,
  };
}

/**
 * The idempotency key every staff action now carries (made on the phone at the first attempt): the
 * shape the ticket function accepts (shared/actions/ticket StaffIdempotencyKey).
 */
export const STAFF_KEY = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) as unknown as string;
