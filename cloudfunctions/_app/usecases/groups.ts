/**
 * Owner WeChat groups (业主群, issue 6 §1–3): binding a group to an estate, sharing a ticket card into
 * it, and the police group desk (派出所民警入驻小区业主微信群, 003 (四)5).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CloudIdInput, GroupInputs } from '../../../shared/actions/groups';
import type { Estate, OwnerGroup } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { demoGroupsOf, openGIdFromResolvedCloudId, parseDemoGroupId } from '../../../shared/groups';
import { authorize, coversJurisdiction, publicView, shownInPublic } from '../../../shared/permissions';
import type { TicketFilter } from '../../../shared/ports/store';
import { isOpen } from '../../../shared/sla/progress';
import { getCategory, POLICE_CATEGORIES } from '../../../shared/taxonomy/categories';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { queueRow } from './queue-row';
import { withPublicPhotos } from './photo-checks';
import { byDeadline } from './staff';
import { AUTH_OPTIONS, loadTicket } from './support';

type GroupRef = { cloudId?: z.output<typeof CloudIdInput>; demoGroupId?: string };

/** Stable codes of the group actions (besides AUTH.* and NOT_FOUND). */
export const GROUP_CODES = {
  /** The cloudId does not resolve to a group (forged, expired, or no resolver here); an unknown demo group. */
  unresolved: 'GROUP.UNRESOLVED',
  /** The group is another estate's: bound to it already, or a demo group of it. */
  foreign: 'GROUP.FOREIGN',
  /** Demo groups exist only in the local runtime. */
  demoOnly: 'GROUP.DEMO_ONLY',
  /** No active binding of this group (to this ticket's estate). */
  notBound: 'GROUP.NOT_BOUND',
  /** A complaint about the property company's own conduct is never shared into an owner group. */
  notShareable: 'GROUP.NOT_SHAREABLE',
} as const;

const unresolved = (why = '无法识别该微信群，请在业主群内重新打开') => new AppError(GROUP_CODES.unresolved, why, 400);

/**
 * OwnerGroup.id: a hash of the openGId, so that the raw id is never stored. A fixed prefix keeps the
 * hashes of this product apart from any other use of the same id; 160 bits are plenty for groups.
 */
export function ownerGroupId(openGId: string): string {
  return `og:${createHash('sha256').update(`xqcs:owner-group:${openGId}`).digest('hex').slice(0, 40)}`;
}

/** The openGId a group reference stands for. Demo groups also say which estate they belong to. */
async function openGIdOf(deps: AppDeps, identity: Identity, ref: GroupRef): Promise<{ openGId: string; demoEstateId: string | null; demoName: string | null }> {
  if (ref.demoGroupId !== undefined) {
    if (deps.config.platform !== 'local') throw new AppError(GROUP_CODES.demoOnly, '演示群仅在本地演示环境可用', 400);
    const parsed = parseDemoGroupId(ref.demoGroupId);
    const estate = parsed ? await deps.store.getEstate(parsed.estateId) : null;
    const demo = estate ? demoGroupsOf(estate).find((g) => g.demoGroupId === ref.demoGroupId) : undefined;
    if (!demo) throw unresolved('没有这个演示群');
    return { openGId: demo.openGId, demoEstateId: demo.estateId, demoName: demo.name };
  }
  const cloudId = ref.cloudId;
  if (typeof cloudId === 'string') {
    if (!deps.groups) throw unresolved('当前环境无法解析微信群信息');
    let openGId: string;
    try {
      openGId = await deps.groups.resolveOpenGId(cloudId, identity.openid ?? '');
    } catch {
      throw unresolved();
    }
    if (typeof openGId !== 'string' || openGId === '') throw unresolved();
    return { openGId, demoEstateId: null, demoName: null };
  }
  // Only CloudBase puts a resolved CloudID in the data; anywhere else such a value is made up.
  const resolved = deps.config.platform === 'cloudbase' ? openGIdFromResolvedCloudId(cloudId) : null;
  if (!resolved) throw unresolved();
  return { openGId: resolved, demoEstateId: null, demoName: null };
}

async function estateOr404(deps: AppDeps, id: string): Promise<Estate> {
  const estate = await deps.store.getEstate(id);
  if (!estate) throw errors.notFound('小区');
  return estate;
}

async function groupById(deps: AppDeps, id: string): Promise<OwnerGroup | null> {
  return (await deps.store.listOwnerGroups({ ids: [id] }))[0] ?? null;
}

/** Community/street officers whose streets hold the estate bind and unbind its groups. */
function requireBinder(identity: Identity, estate: Estate): void {
  const streets = identity.grants.filter((g) => g.role === 'street');
  if (streets.length === 0) throw new AppError('AUTH.FORBIDDEN', '仅社区/街道工作人员可以绑定业主群', 403);
  const covers = streets.some((g) => (g.streets ?? []).includes(estate.townshipId) && coversJurisdiction(g.jurisdiction, estate.jurisdiction, AUTH_OPTIONS));
  if (!covers) throw new AppError('AUTH.OUT_OF_SCOPE', '该小区不在您的管辖范围内', 403);
}

/** Staff who work with the estate's groups: its street, grid workers, police covering it, leadership and admin. */
function mayListGroups(identity: Identity, estate: Estate): boolean {
  return identity.grants.some((g) => {
    if (!coversJurisdiction(g.jurisdiction, estate.jurisdiction, AUTH_OPTIONS)) return false;
    switch (g.role) {
      case 'street':
        return (g.streets ?? []).includes(estate.townshipId);
      case 'grid':
      case 'police':
        return (g.estates ?? []).includes(estate.id);
      case 'leadership':
      case 'admin':
        return true;
      default:
        return false;
    }
  });
}

export function groupView(g: OwnerGroup) {
  return {
    id: g.id,
    estateId: g.estateId,
    name: g.name,
    active: g.active,
    boundAt: g.boundAt,
    boundBy: g.boundBy,
    ...(g.unboundAt ? { unboundAt: g.unboundAt } : {}),
  };
}

type GIn<K extends keyof typeof GroupInputs> = z.output<(typeof GroupInputs)[K]>;

/**
 * Binds the group the officer opened the binding card in (or a demo group) to the estate. Refused:
 * a cloudId that does not resolve (GROUP.UNRESOLVED), a group already bound to another estate, even
 * unbound since, or another estate's demo group (GROUP.FOREIGN), an officer whose streets do not hold
 * the estate (AUTH.OUT_OF_SCOPE). Binding a group again to its estate re-activates it.
 */
export async function bindGroup(deps: AppDeps, identity: Identity, input: GIn<'bind'>) {
  const estate = await estateOr404(deps, input.estateId);
  requireBinder(identity, estate);
  const { openGId, demoEstateId, demoName } = await openGIdOf(deps, identity, input);
  if (demoEstateId !== null && demoEstateId !== estate.id) throw new AppError(GROUP_CODES.foreign, '这是其他小区的业主群，不能绑定到本小区', 409);
  const id = ownerGroupId(openGId);
  const existing = await groupById(deps, id);
  if (existing && existing.estateId !== estate.id) throw new AppError(GROUP_CODES.foreign, '该群已绑定到其他小区，不能重复绑定', 409);
  const name = input.name ?? demoName ?? existing?.name;
  if (!name) throw new AppError('INPUT.INVALID', '请填写群名称', 400, [{ path: 'name', message: '请填写群名称' }]);
  const verdict = await deps.content.checkText(name, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  const group: OwnerGroup = { id, estateId: estate.id, name, boundBy: identity.userId, boundAt: deps.clock.now(), active: true };
  await deps.store.putOwnerGroup(group);
  return { group: groupView(group), created: !existing || !existing.active };
}

/** Unbinds (active=false): the group no longer offers sharing; tickets already shared keep the mark. */
export async function unbindGroup(deps: AppDeps, identity: Identity, input: GIn<'unbind'>) {
  const group = await groupById(deps, input.groupId);
  if (!group) throw errors.notFound('业主群');
  requireBinder(identity, await estateOr404(deps, group.estateId));
  if (!group.active) return { group: groupView(group), changed: false };
  const next: OwnerGroup = { ...group, active: false, unboundAt: deps.clock.now(), unboundBy: identity.userId };
  await deps.store.putOwnerGroup(next);
  return { group: groupView(next), changed: true };
}

/**
 * The groups of every estate the caller's police and grid grants name, each estate checked as one
 * estate's list is (mayListGroups); 403 for a caller whose grants name no estate (a street officer
 * picks an estate of their streets instead).
 */
async function listGroupsOfMyEstates(deps: AppDeps, identity: Identity, includeInactive: boolean) {
  const named = [...new Set(identity.grants.filter((g) => g.role === 'police' || g.role === 'grid').flatMap((g) => g.estates ?? []))];
  if (!named.length) throw new AppError('AUTH.FORBIDDEN', '请先选择小区', 403);
  const estates = (await deps.store.listEstates({ ids: named })).filter((e) => mayListGroups(identity, e));
  // Every estate's groups in one query (issue 18), not one request per estate.
  const groups = estates.length ? await deps.store.listOwnerGroups({ estateIds: estates.map((e) => e.id) }) : [];
  return { estateId: null, items: groups.filter((g) => includeInactive || g.active).map(groupView) };
}

export async function listGroups(deps: AppDeps, identity: Identity, input: GIn<'list'>) {
  if (input.estateId === undefined) return listGroupsOfMyEstates(deps, identity, input.includeInactive);
  const estate = await estateOr404(deps, input.estateId);
  if (!mayListGroups(identity, estate)) throw new AppError('AUTH.OUT_OF_SCOPE', '该小区不在您的管辖范围内', 403);
  const groups = await deps.store.listOwnerGroups({ estateId: estate.id });
  return { estateId: estate.id, items: groups.filter((g) => input.includeInactive || g.active).map(groupView) };
}

/** The local runtime's demo groups of an estate, and whether each is bound. */
export async function demoGroups(deps: AppDeps, _identity: Identity, input: GIn<'demoGroups'>) {
  if (deps.config.platform !== 'local') throw new AppError(GROUP_CODES.demoOnly, '演示群仅在本地演示环境可用', 400);
  const estate = await estateOr404(deps, input.estateId);
  const demos = demoGroupsOf(estate);
  const bound = new Map((await deps.store.listOwnerGroups({ ids: demos.map((d) => ownerGroupId(d.openGId)) })).map((g) => [g.id, g]));
  return {
    items: demos.map((d) => {
      const groupId = ownerGroupId(d.openGId);
      return { demoGroupId: d.demoGroupId, estateId: d.estateId, name: d.name, groupId, bound: bound.get(groupId)?.active === true };
    }),
  };
}

/** The bound group the caller opened the mini-program in: its id, estate and name (nothing personal). */
export async function resolveGroup(deps: AppDeps, identity: Identity, input: GIn<'resolve'>) {
  const { openGId } = await openGIdOf(deps, identity, input);
  const group = await groupById(deps, ownerGroupId(openGId));
  if (!group || !group.active) throw new AppError(GROUP_CODES.notBound, '该群尚未绑定小区', 404);
  const estate = await deps.store.getEstate(group.estateId);
  return { id: group.id, estateId: group.estateId, estateName: estate?.name ?? null, name: group.name };
}

/** Active groups of an estate, for the resident's share picker (id and name only). */
export async function ownerGroupsForResident(deps: AppDeps, input: { estateId: string }) {
  const estate = await estateOr404(deps, input.estateId);
  const groups = await deps.store.listOwnerGroups({ estateId: estate.id });
  return { items: groups.filter((g) => g.active).map((g) => ({ id: g.id, name: g.name })) };
}

/**
 * Commits a change that is not a lifecycle transition (a share, a ledger entry) as a new ticket
 * version with its event, re-reading and retrying on a concurrent update. `change` returns null when
 * there is nothing to do on the current ticket.
 */
export async function recordOnTicket(
  deps: AppDeps,
  ticketId: string,
  change: (current: Ticket, seq: number, now: string) => { next: Ticket; event: TicketEvent } | null,
): Promise<{ ticket: Ticket; event: TicketEvent | null }> {
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await loadTicket(deps, ticketId);
    const events = await deps.store.listEvents(current.id);
    const made = change(current, events.length + 1, now);
    if (!made) return { ticket: current, event: null };
    try {
      await deps.store.commitTransition({ next: made.next, expectedVersion: current.version, event: made.event, outbox: [] });
      return { ticket: made.next, event: made.event };
    } catch (err) {
      if ((err as { code?: string }).code !== 'TICKET.VERSION_CONFLICT') throw err;
    }
  }
  throw new AppError('TICKET.VERSION_CONFLICT', '工单正在更新，请稍后重试', 409);
}

/** The share card: the public view (no personal data) of report.publicView. */
async function card(deps: AppDeps, ticket: Ticket) {
  // Public photos only once their image check passed (photo-checks.ts).
  const t = await withPublicPhotos(deps, ticket);
  return { ...publicView(t, { photosAllowed: t.photosPublic === true }), id: t.id, no: t.no, categoryLabel: getCategory(t.category).label };
}

/**
 * The reporter shares the ticket card into an active owner group bound to the ticket's estate: the
 * group joins ticket.sharedGroups (which puts the ticket on the police group desk), recorded as a
 * 'share' event. Sharing into the same group again changes nothing. A complaint about the property
 * company's own conduct has no public card (report.publicView) and is not shared: the company's
 * staff sit in owner groups too.
 */
export async function shareToGroup(deps: AppDeps, identity: Identity, input: { ticketId: string; groupId: string }) {
  const ticket = await loadTicket(deps, input.ticketId);
  if (ticket.reporter.userId !== identity.userId) throw new AppError('AUTH.OUT_OF_SCOPE', '只有反映人可以把工单分享到业主群', 403);
  if (!shownInPublic(ticket)) throw new AppError(GROUP_CODES.notShareable, '涉及物业服务企业自身的投诉不在业主群公开，可在“我的上报”中查看办理进度', 400);
  const group = await groupById(deps, input.groupId);
  if (!group || !group.active || group.estateId !== ticket.estateId) throw new AppError(GROUP_CODES.notBound, '该群未绑定到本工单所在小区', 400);
  const { ticket: after, event } = await recordOnTicket(deps, ticket.id, (current, seq, now) => {
    if (current.sharedGroups.includes(group.id)) return null;
    return {
      next: { ...current, sharedGroups: [...current.sharedGroups, group.id], version: current.version + 1, updatedAt: now },
      event: {
        id: deps.ids.newId(),
        ticketId: current.id,
        seq,
        at: now,
        actor: { userId: identity.userId, role: 'resident' },
        action: 'share',
        from: current.state,
        to: current.state,
        note: `已分享到业主群「${group.name}」`,
        payload: { groupId: group.id },
      },
    };
  });
  return { ticketId: after.id, groupId: group.id, added: event !== null, card: await card(deps, after) };
}

/** Every ticket matching the filter (paged through the store), up to `cap`. */
async function allTickets(deps: AppDeps, filter: TicketFilter, cap = 2000): Promise<Ticket[]> {
  const out: Ticket[] = [];
  let after: string | null = null;
  do {
    const page: { items: Ticket[]; next: string | null } = await deps.store.queryTickets(filter, { limit: 200, after });
    out.push(...page.items);
    after = page.next;
  } while (after && out.length < cap);
  return out;
}

/**
 * The police owner-group desk (issue 6 §3): open tickets of the officer's estates in police-relevant
 * categories, plus the ones shared into an owner group (shared/permissions onPoliceDesk). With
 * `groupId` (the group the officer opened the mini-program from, or picked): that group's estate,
 * its police-relevant tickets and those shared into that group. Every ticket also passes `view`.
 */
export async function policeDesk(deps: AppDeps, identity: Identity, input: { limit: number; groupId?: string | undefined }) {
  const grants = identity.grants.filter((g) => g.role === 'police');
  if (grants.length === 0) throw new AppError('AUTH.FORBIDDEN', '仅民警可以使用业主群工作台', 403);
  const covered = [...new Set(grants.flatMap((g) => g.estates ?? []))];
  let estates = covered;
  let group: OwnerGroup | null = null;
  if (input.groupId !== undefined) {
    group = await groupById(deps, input.groupId);
    if (!group) throw errors.notFound('业主群');
    if (!covered.includes(group.estateId)) throw new AppError('AUTH.OUT_OF_SCOPE', '该业主群所在小区不在您的辖区内', 403);
    estates = [group.estateId];
  }
  const boundGroups = estates.length ? await deps.store.listOwnerGroups({ estateIds: estates }) : [];
  const groupIds = group ? [group.id] : boundGroups.map((g) => g.id);
  const found = new Map<string, Ticket>();
  const queries: TicketFilter[] = [{ estateIds: estates, categories: [...POLICE_CATEGORIES] }];
  if (groupIds.length) queries.push({ estateIds: estates, groupIds });
  for (const filter of queries) for (const t of await allTickets(deps, filter)) found.set(t.id, t);
  const items = [...found.values()]
    .filter((t) => isOpen(t))
    .filter((t) => !group || POLICE_CATEGORIES.includes(t.category) || t.sharedGroups.includes(group.id))
    .filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok)
    .sort(byDeadline);
  return {
    items: items.slice(0, input.limit).map((t) => ({ ...queueRow(t), sharedGroups: t.sharedGroups, policeRelevant: POLICE_CATEGORIES.includes(t.category) })),
    total: items.length,
    groups: boundGroups.filter((g) => g.active).map((g) => ({ id: g.id, estateId: g.estateId, name: g.name })),
  };
}
