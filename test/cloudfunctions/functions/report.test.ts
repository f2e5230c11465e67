import { report } from '../../../cloudfunctions/_app/functions/report';
import { BANNED_WORD, ESTATE, makeApp, newKey, PEOPLE, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

const submit = (data: Record<string, unknown> = {}, who: 'resident' | 'otherResident' = 'resident') =>
  app.call(report, who, 'submit', { ...REPORT, idempotencyKey: newKey(), ...data });

describe('report.submit (fake platform context)', () => {
  it('routes a Yongning 飞线充电 report to 县住建局 and 县应急管理局, citing 二(二)1(6), with the triage deadline', async () => {
    const res = await submit();
    expect(res.ok).toBe(true);
    const t = res.data.ticket;
    expect(t.no).toMatch(/^YN-20261123-\d{4}$/);
    expect(t.state).toBe('submitted');
    expect(t.priority).toBe('urgent');
    expect(t.route.lead.map((u: { name: string }) => u.name)).toEqual(['县住建局', '县应急管理局']);
    expect(t.route.responsible.map((u: { name: string }) => u.name)).toContain('团结西路街道办事处');
    expect(t.route.basis[0].item).toBe('二(二)1(6)');
    expect(t.deadlines).toEqual([{ step: 'triage', due: '2026-11-23T02:30:00.000Z' }]);
    expect(t.holder).toEqual({ kind: 'grid', ids: ['yn-grid-1'] });
    expect(res.data.events.map((e: { action: string }) => e.action)).toEqual(['submit']);
  });

  it('takes the reporter from the platform context and ignores an openid or userId in the payload', async () => {
    const res = await submit({ openid: 'spoofed-openid', userId: PEOPLE.otherResident.id, reporter: { userId: 'x' } });
    expect(res.ok).toBe(true);
    const stored = await app.store.getTicket(res.data.ticket.id);
    expect(stored?.reporter.userId).toBe(PEOPLE.resident.id);
    // The openid stays on the user record (DESIGN.md §7), never on the ticket.
    expect(stored?.reporter.openid).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain(PEOPLE.resident.openid);
    const mine = await app.call(report, 'otherResident', 'listMine', {});
    expect(mine.data.items).toHaveLength(0);
  });

  it('returns the same ticket for a submit retried 5 times with one idempotency key', async () => {
    const key = newKey();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await submit({ idempotencyKey: key }));
    expect(new Set(answers.map((a) => a.data.ticket.id)).size).toBe(1);
    expect(answers.map((a) => a.data.created)).toEqual([true, false, false, false, false]);
    const all = await app.store.queryTickets({}, { limit: 50 });
    expect(all.items).toHaveLength(1);
    expect(await app.store.listEvents(answers[0]!.data.ticket.id)).toHaveLength(1);
  });

  it('answers concurrent retries of one key with one ticket', async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit({ idempotencyKey: key })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => a.data.ticket.id)).size).toBe(1);
    expect((await app.store.queryTickets({}, { limit: 50 })).items).toHaveLength(1);
  });

  it('rate-limits a resident per hour, but still answers a retry of a stored report', async () => {
    app.close();
    app = await makeApp({ reportsPerHour: 2 });
    const firstKey = newKey();
    const first = await submit({ idempotencyKey: firstKey });
    await submit();
    const third = await submit();
    expect(third.ok).toBe(false);
    expect(third.error?.code).toBe('RATE.LIMITED');
    const retry = await submit({ idempotencyKey: firstKey });
    expect(retry.ok).toBe(true);
    expect(retry.data.ticket.id).toBe(first.data.ticket.id);
    expect((await app.store.queryTickets({}, { limit: 50 })).items).toHaveLength(2);
    app.clock.advance(61 * 60 * 1000);
    expect((await submit()).ok).toBe(true);
  });

  it('refuses text that fails the content check, writing nothing', async () => {
    const res = await submit({ description: `楼道里有人${BANNED_WORD}骂人` });
    expect(res.error?.code).toBe('CONTENT.REJECTED');
    expect((await app.store.queryTickets({}, { limit: 50 })).items).toHaveLength(0);
  });

  it.each([
    [{ category: 'not-a-category' }, 'category'],
    [{ description: '短' }, 'description'],
    [{ photos: Array.from({ length: 10 }, (_, i) => `p${i}`) }, 'photos'],
    [{ contactPhone: '12345' }, 'contactPhone'],
    [{ estateId: 'x'.repeat(100) }, 'estateId'],
  ])('refuses bad input %j with INPUT.INVALID naming %s, writing nothing', async (bad, field) => {
    const res = await submit(bad);
    expect(res.error?.code).toBe('INPUT.INVALID');
    expect(JSON.stringify(res.error)).toContain(field);
    expect((await app.store.queryTickets({}, { limit: 50 })).items).toHaveLength(0);
  });

  it('refuses an unknown estate with NOT_FOUND and an anonymous caller with AUTH.UNAUTHENTICATED', async () => {
    expect((await submit({ estateId: 'nowhere' })).error?.code).toBe('NOT_FOUND');
    const anon = await app.call(report, null, 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(anon.error?.code).toBe('AUTH.UNAUTHENTICATED');
  });
});

describe('report: resident views', () => {
  it('lists only the caller’s tickets, and shows another resident’s ticket to nobody but them', async () => {
    const mine = await submit();
    await submit({}, 'otherResident');
    const list = await app.call(report, 'resident', 'listMine', {});
    expect(list.data.items.map((t: { id: string }) => t.id)).toEqual([mine.data.ticket.id]);
    const peek = await app.call(report, 'otherResident', 'detail', { ticketId: mine.data.ticket.id });
    expect(peek.error?.code).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('finds the estate from a percent-encoded QR scene and shows its noticeboard', async () => {
    const byScene = await app.call(report, null, 'estateByScene', { scene: encodeURIComponent(encodeURIComponent(ESTATE.sceneCode)) });
    expect(byScene.data.id).toBe(ESTATE.id);
    const board = await app.call(report, null, 'noticeboard', { estateId: ESTATE.id });
    const housing = board.data.units.find((u: { name: string }) => u.name === '县住建局');
    expect(housing.leadLabels).toContain('飞线充电');
    expect(board.data.property.servicePhone).toBe('0951-8000001');
  });

  it('offers open tickets of the same category within 50 m before a duplicate, and records "me too" once', async () => {
    const first = await submit();
    const near = await app.call(report, 'otherResident', 'nearby', { estateId: ESTATE.id, category: 'fly-wire', location: { lat: 38.28021, lng: 106.25331 } });
    expect(near.data.items.map((t: { id: string }) => t.id)).toEqual([first.data.ticket.id]);
    expect(near.data.items[0]).not.toHaveProperty('reporter');
    const far = await app.call(report, 'otherResident', 'nearby', { estateId: ESTATE.id, category: 'fly-wire', location: { lat: 38.29, lng: 106.26 } });
    expect(far.data.items).toHaveLength(0);
    expect((await app.call(report, 'otherResident', 'meToo', { ticketId: first.data.ticket.id })).data).toMatchObject({ added: true, meToo: 1 });
    expect((await app.call(report, 'otherResident', 'meToo', { ticketId: first.data.ticket.id })).data).toMatchObject({ added: false });
  });
});
