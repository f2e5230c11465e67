/**
 * Loopback checks of demo mode. Its dev sign-in lets anyone act as anyone, so the runtime listens on
 * loopback only and answers only requests addressed to a loopback name: a page of another site
 * whose name was rebound to 127.0.0.1 (DNS rebinding) still sends its own name as the Host and is
 * refused.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http';

/** A host name or address that only this machine can reach: 127.0.0.0/8, ::1 or localhost (brackets allowed). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/** The host of an authority (`name`, `name:port`, `[v6]` or `[v6]:port`), or null when it is malformed. */
export function hostOfAuthority(authority: string): string | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^[\]:/@\s]+)(?::\d{1,5})?$/.exec(authority.trim());
  return m?.[1] ?? null;
}

/** True when the request is addressed to this machine: its Host (and an absolute-form target's authority) is loopback. */
export function addressedToLoopback(req: IncomingMessage): boolean {
  const header = req.headers.host;
  const host = typeof header === 'string' ? hostOfAuthority(header) : null;
  if (host === null || !isLoopbackHost(host)) return false;
  const target = req.url ?? '/';
  if (target.startsWith('/') || target === '*') return true;
  // Absolute form (RFC 9112 §3.2.2): its authority takes the place of Host.
  try {
    return isLoopbackHost(new URL(target).hostname);
  } catch {
    return false;
  }
}

export const hostRefused = () =>
  new HttpError(421, 'REQUEST.HOST_NOT_ALLOWED', '演示模式只接受发往本机的请求（Host 须为 127.0.0.1、localhost 或 [::1]）');
