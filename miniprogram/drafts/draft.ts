/**
 * The report the resident is writing, kept on the device from the first input until the server
 * confirms it (DESIGN.md §8). Its idempotency key is made once, with the draft, and never changes:
 * every retry of this report sends the same key, so the server answers with the same ticket.
 */
import type { GeoPoint } from '../../shared/domain/ticket';
import type { CategoryCode } from '../../shared/taxonomy/categories';

/** editing: being written or refused by the server; pending (待发送): sent at least once, not yet confirmed. */
export type DraftStatus = 'editing' | 'pending';

export interface DraftPhoto {
  /** Local file (weapp temp path, H5 blob: URL) until uploaded. */
  path: string;
  /** Storage file id once uploaded. */
  id?: string;
  url?: string;
}

/** gps: the device's fix; map: picked on the map; estate: the estate's own position (no fix). */
export type LocationSource = 'gps' | 'map' | 'estate';

export interface DraftLocation extends GeoPoint {
  source: LocationSource;
  /** Place name picked on the map. */
  name?: string;
}

/** The estate as known when the draft was written; `id` is null until the scene code is resolved. */
export interface DraftEstate {
  id: string | null;
  name: string | null;
  sceneCode: string | null;
  location: GeoPoint | null;
}

export interface ReportDraft {
  idempotencyKey: string;
  status: DraftStatus;
  estate: DraftEstate | null;
  category: CategoryCode | null;
  description: string;
  photos: DraftPhoto[];
  location: DraftLocation | null;
  contactPhone: string;
  /** 对处置人员隐藏我的姓名 */
  anonymous: boolean;
  /** 允许在业主群公示照片和问题描述 (the description once the ticket is closed) */
  photosPublic: boolean;
  /** Device clock, for the "saved at" line only. */
  updatedAt: string;
  attempts: number;
  /** The Chinese sentence of the last failed attempt. */
  lastError: string | null;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 24 characters of [A-Za-z0-9] (the submit schema allows 8–64 of [A-Za-z0-9_-]). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(20);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  const random = Array.from(bytes, (b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join('');
  return `r${Date.now().toString(36)}${random}`.slice(0, 24);
}

export function newDraft(estate: DraftEstate | null, now: Date = new Date()): ReportDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    status: 'editing',
    estate,
    category: null,
    description: '',
    photos: [],
    location: null,
    contactPhone: '',
    anonymous: false,
    photosPublic: false,
    updatedAt: now.toISOString(),
    attempts: 0,
    lastError: null,
  };
}

/** Whether the resident has put anything in (only then is the draft worth keeping). */
export function hasContent(draft: ReportDraft): boolean {
  return draft.category !== null || draft.description.trim() !== '' || draft.photos.length > 0 || draft.contactPhone !== '';
}
