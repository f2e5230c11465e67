/**
 * Image content checks of the photos a reporter allowed in public (issue 15): WeChat requires
 * user-generated images shown to others to pass mediaCheckAsync. After a submit with
 * photosPublic, each photo is sent for an asynchronous check (a `pending` record by trace id);
 * WeChat pushes the verdict (`wxa_media_check`) to the notify function, which records it. Public
 * surfaces (share card, nearby list, Open311) show a photo only once its check passed: until then,
 * and after `risky` or `review`, the photo stays private (the handling chain still sees it).
 *
 * Without a media check port (the local runtime: no WeChat) public photos show as before.
 */
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import type { MediaVerdict } from '../../../shared/ports/platform';
import type { AppDeps } from '../context';

/** Sends each public photo of a new ticket for checking; a failed send leaves the photo private. */
export async function checkPublicPhotos(deps: AppDeps, identity: Identity, ticket: Ticket, log: (line: string) => void = console.warn): Promise<void> {
  const media = deps.media;
  if (!media || ticket.photosPublic !== true || ticket.photos.length === 0) return;
  if (!identity.openid) return log(`MEDIA_CHECK_SKIPPED ${ticket.id}: no openid, photos stay private`);
  await Promise.all(
    ticket.photos.map(async (fileId) => {
      try {
        const { traceId } = await media.submitImage(fileId, identity.openid as string);
        await deps.store.putPhotoCheck({ traceId, fileId, ticketId: ticket.id, verdict: 'pending', label: null, submittedAt: deps.clock.now(), decidedAt: null });
      } catch (error) {
        log(`MEDIA_CHECK_UNAVAILABLE ${ticket.id} ${fileId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

/**
 * Records WeChat's verdict for a pending check. Unknown trace ids and checks already decided are
 * ignored (trace ids never leave the server, so a forged push cannot name one).
 */
export async function recordMediaVerdict(deps: AppDeps, verdict: MediaVerdict): Promise<{ recorded: boolean }> {
  const check = await deps.store.getPhotoCheck(verdict.traceId);
  if (!check || check.verdict !== 'pending') return { recorded: false };
  await deps.store.putPhotoCheck({ ...check, verdict: verdict.suggest, label: verdict.label, decidedAt: deps.clock.now() });
  return { recorded: true };
}

/** Each ticket's photos that a public surface may show: none unless the reporter allowed it; with a media check, only passed ones. */
export async function publicPhotos(deps: AppDeps, tickets: readonly Ticket[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const allowed = tickets.filter((t) => t.photosPublic === true && t.photos.length > 0);
  for (const t of tickets) out.set(t.id, []);
  if (!deps.media) {
    for (const t of allowed) out.set(t.id, [...t.photos]);
    return out;
  }
  const checks = await deps.store.listPhotoChecks(allowed.flatMap((t) => t.photos));
  const passed = new Set(checks.filter((c) => c.verdict === 'pass').map((c) => `${c.ticketId}\u0000${c.fileId}`));
  for (const t of allowed) out.set(t.id, t.photos.filter((p) => passed.has(`${t.id}\u0000${p}`)));
  return out;
}

/** The ticket as a public view may show it: only its shown photos. */
export async function withPublicPhotos(deps: AppDeps, ticket: Ticket): Promise<Ticket> {
  const shown = (await publicPhotos(deps, [ticket])).get(ticket.id) ?? [];
  return { ...ticket, photos: shown };
}
