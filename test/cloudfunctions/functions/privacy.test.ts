/**
 * Issue 14 §2, the privacy walk: every answer of every read action of the report, ticket and admin
 * functions, for every person of test/support/app.ts PEOPLE (and a third resident, and nobody signed
 * in), on a ticket with two "me too" residents, taken through its life: open and whistled, waiting on
 * the resident (verified), closed and rated. The answers of the actions that moved it are walked too.
 *
 * Each answer is serialized and searched: no resident's openid appears in any of them, and a
 * resident's user id appears only in answers to that resident. Before the fix the "me too" actors
 * stood on every timeline with their user ids, the reporter's user id and openid went to the
 * handling chain, and a verified ticket's holder named the reporter in every queue row.
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../cloudfunctions/_app/router';
import type { User } from '../../../shared/domain/directory';
import { HIDDEN_USER_ID, OTHER_RESIDENT_LABEL } from '../../../shared/permissions';
import { ESTATE, identityOf, makeApp, newKey, PEOPLE, REPORT, type TestApp } from '../../support/app';

const RESIDENT_C: User = { id: 'u-res-c', openid: 'openid-res-c', name: '居民丙', phone: null, grants: [], demo: true };
const RESIDENTS: User[] = [PEOPLE.resident, PEOPLE.otherResident, RESIDENT_C];
const VIEWERS: Array<[string, User | null]> = [...Object.entries(PEOPLE), ['residentC', RESIDENT_C] as [string, User], ['nobody', null]];

interface Answer {
  viewer: string;
  viewerId: string | null;
  call: string;
  json: string;
  ok: boolean;
}

let app: TestApp;
let answers: Answer[];
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
  await app.store.putUser(RESIDENT_C);
  answers = [];
});
afterEach(() => app.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Envelope = { ok: boolean; data?: any; error?: { code: string } };

/** Calls a real handler as `who` (a fake platform context) and records the answer. */
async function call(viewer: string, who: User | null, fn: FunctionHandler, action: string, data: unknown = {}): Promise<Envelope> {
  const res = await fn(app.deps, { identity: who ? identityOf(who) : null }, { action, data });
  const envelope = res.envelope as Envelope;
  answers.push({ viewer, viewerId: who?.id ?? null, call: `${fn.functionName}.${action}`, json: JSON.stringify(envelope), ok: envelope.ok });
  return envelope;
}

const as = (person: keyof typeof PEOPLE) => (fn: FunctionHandler, action: string, data: unknown = {}) => call(person, PEOPLE[person], fn, action, data);

async function moved(fn: FunctionHandler, person: keyof typeof PEOPLE, action: string, ticketId: string, data: Record<string, unknown> = {}) {
  const version = (await app.store.getTicket(ticketId))!.version;
  const res = await as(person)(fn, action, { ticketId, version, ...data });
  if (!res.ok) throw new Error(`${person} ${action}: ${res.error?.code}`);
  return res;
}

async function photo(owner: User): Promise<string> {
  return (await app.deps.files.put({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1]), contentType: 'image/jpeg', ownerUserId: owner.id })).id;
}

/** Every read action of the three functions, for one viewer. */
async function walkReads(ticketId: string) {
  for (const [viewer, who] of VIEWERS) {
    const read = (fn: FunctionHandler, action: string, data: unknown = {}) => call(viewer, who, fn, action, data);
    await read(report, 'detail', { ticketId });
    await read(report, 'listMine', {});
    await read(report, 'nearby', { estateId: ESTATE.id, category: 'fly-wire', location: REPORT.location });
    await read(report, 'nearby', { estateId: ESTATE.id, category: 'fly-wire', location: null });
    await read(report, 'publicView', { ticketId });
    await read(report, 'me', {});
    await read(report, 'inbox', {});
    await read(report, 'ownerGroups', { estateId: ESTATE.id });
    await read(report, 'estates', {});
    await read(report, 'noticeboard', { estateId: ESTATE.id });
    await read(ticket, 'home', {});
    await read(ticket, 'detail', { ticketId });
    for (const view of ['grid', 'street-returned', 'street-overdue', 'street-extensions', 'street-unplaced', 'unit', 'police-desk', 'all']) {
      await read(ticket, 'queue', { view });
    }
    await read(ticket, 'inbox', {});
    await read(ticket, 'groups', { estateId: ESTATE.id });
    for (const groupBy of ['all', 'department', 'street', 'category', 'month']) await read(ticket, 'metrics', { groupBy });
    await read(ticket, 'bulletin', { jurisdiction: 'yongning', month: '2026-11' });
    await read(ticket, 'ledger', { year: 2026 });
    await read(admin, 'listUsers', {});
    await read(admin, 'listEstates', {});
    await read(admin, 'directory', { jurisdiction: 'yongning' });
  }
}

/** The assertions of the walk: searched in the serialized answers, so that any field counts. */
function checkAnswers() {
  expect(answers.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const a of answers) {
    for (const r of RESIDENTS) {
      if (r.openid && a.json.includes(r.openid)) leaks.push(`${a.viewer} ${a.call}: openid of ${r.id}`);
      if (r.id !== a.viewerId && a.json.includes(r.id)) leaks.push(`${a.viewer} ${a.call}: user id of ${r.id}`);
    }
  }
  expect(leaks).toEqual([]);
}

describe('the privacy walk: every answer, every person', () => {
  it('no answer holds a resident’s openid, nor another resident’s user id, through the ticket’s life', async () => {
    const groupId = (await as('street')(ticket, 'bindGroup', { estateId: ESTATE.id, demoGroupId: 'demo.yn-jinxiu.1' })).data.group.id as string;
    const submitted = await as('resident')(report, 'submit', { ...REPORT, idempotencyKey: newKey(), photosPublic: true, photos: [await photo(PEOPLE.resident)] });
    expect(submitted.ok).toBe(true);
    const id = submitted.data.ticket.id as string;
    // Two neighbours say "me too"; the reporter shares the card into the owner group (the police desk).
    expect((await as('otherResident')(report, 'meToo', { ticketId: id })).data.added).toBe(true);
    expect((await call('residentC', RESIDENT_C, report, 'meToo', { ticketId: id })).data.added).toBe(true);
    expect((await as('resident')(report, 'shareToGroup', { ticketId: id, groupId })).ok).toBe(true);
    // Neighbours' own reports, so that lists hold other residents' tickets too.
    await as('otherResident')(report, 'submit', { ...REPORT, category: 'parking', description: '消防通道旁车辆长期乱停乱放', idempotencyKey: newKey() });
    await call('residentC', RESIDENT_C, report, 'submit', { ...REPORT, category: 'illegal-fee', description: '物业擅自把停车费从60元涨到120元', idempotencyKey: newKey() });

    await moved(ticket, 'grid', 'accept', id);
    await moved(ticket, 'grid', 'whistle', id, { units: ['yongning.zjj'], reason: '需要住建部门处理' });
    await moved(ticket, 'housing', 'acknowledge', id, { officerName: '王强' });
    await walkReads(id);

    await moved(ticket, 'housing', 'arrive', id, { location: REPORT.location });
    await moved(ticket, 'housing', 'resolve', id, { note: '已拆除飞线并设置充电桩指引', photos: [await photo(PEOPLE.housing)] });
    await moved(ticket, 'grid', 'verify', id);
    expect((await app.store.getTicket(id))!.holder.kind).toBe('resident');
    await walkReads(id);

    await moved(report, 'resident', 'confirm', id);
    await moved(report, 'resident', 'rate', id, { score: 5, fixed: true, comment: '处理很及时' });
    await walkReads(id);

    // The walk read what each role may read: these answered with data, not a refusal.
    const answered = new Set(answers.filter((a) => a.ok).map((a) => `${a.viewer} ${a.call}`));
    for (const c of [
      'resident report.detail',
      'otherResident report.listMine',
      'grid ticket.detail',
      'street ticket.detail',
      'housing ticket.detail',
      'police ticket.queue',
      'property ticket.queue',
      'leadership ticket.detail',
      'leadership ticket.metrics',
      'leadership ticket.bulletin',
      'admin ticket.detail',
      'admin admin.listUsers',
      'nobody report.publicView',
      'nobody report.nearby',
    ]) {
      expect(answered).toContain(c);
    }
    checkAnswers();
  });

  it('does show each resident their own answers, and the neighbours as 另一位居民 (the search above is not vacuous)', async () => {
    const submitted = await as('resident')(report, 'submit', { ...REPORT, idempotencyKey: newKey() });
    const id = submitted.data.ticket.id as string;
    await as('otherResident')(report, 'meToo', { ticketId: id });
    await call('residentC', RESIDENT_C, report, 'meToo', { ticketId: id });

    const own = await as('resident')(report, 'detail', { ticketId: id });
    expect(own.data.ticket.reporter.userId).toBe(PEOPLE.resident.id);
    type Actor = { userId: string; role: string; name?: string };
    const actors = (res: Envelope) => (res.data.events as Array<{ action: string; actor: Actor }>).map((e) => [e.action, e.actor]);
    expect(actors(own)).toEqual([
      ['submit', expect.objectContaining({ userId: PEOPLE.resident.id, role: 'resident' })],
      ['me-too', { userId: HIDDEN_USER_ID, role: 'resident', name: OTHER_RESIDENT_LABEL }],
      ['me-too', { userId: HIDDEN_USER_ID, role: 'resident', name: OTHER_RESIDENT_LABEL }],
    ]);

    for (const person of ['grid', 'street', 'housing', 'emergency', 'leadership', 'admin'] as const) {
      const seen = await as(person)(ticket, 'detail', { ticketId: id });
      expect(seen.ok).toBe(true);
      expect(seen.data.ticket.reporter.userId).toBe(HIDDEN_USER_ID);
      expect(actors(seen)).toEqual([
        ['submit', { userId: HIDDEN_USER_ID, role: 'resident' }],
        ['me-too', { userId: HIDDEN_USER_ID, role: 'resident', name: OTHER_RESIDENT_LABEL }],
        ['me-too', { userId: HIDDEN_USER_ID, role: 'resident', name: OTHER_RESIDENT_LABEL }],
      ]);
    }
    // The handling chain keeps the phone, to call the resident back.
    expect((await as('grid')(ticket, 'detail', { ticketId: id })).data.ticket.reporter.phone).toBe(REPORT.contactPhone);
    expect((await as('leadership')(ticket, 'detail', { ticketId: id })).data.ticket.reporter.phone).toBeUndefined();
    expect(answers.some((a) => a.viewerId === PEOPLE.resident.id && a.json.includes(PEOPLE.resident.id))).toBe(true);
    checkAnswers();
  });

  it('catches a leak: an answer that carried a "me too" resident’s id would fail the walk', () => {
    answers = [{ viewer: 'grid', viewerId: PEOPLE.grid.id, call: 'planted', ok: true, json: JSON.stringify({ actor: { userId: PEOPLE.otherResident.id } }) }];
    expect(checkAnswers).toThrow();
    answers = [{ viewer: 'resident', viewerId: PEOPLE.resident.id, call: 'planted', ok: true, json: JSON.stringify({ openid: PEOPLE.resident.openid }) }];
    expect(checkAnswers).toThrow();
  });
});
