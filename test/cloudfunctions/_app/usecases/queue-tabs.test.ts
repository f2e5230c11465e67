/**
 * The grid queue's tabs and search (issue 18 §4), through the real `ticket` function on both stores
 * (SQLite; the real CloudBase SDK against the loopback server). The issue: "Tickets vanish. After 吹哨
 * or a police 认领, the ticket leaves the grid worker's queue with no message. The queue has no tabs,
 * filter or search." Here each tab's number is the length of its list, a whistled and a claimed
 * ticket stay under 处理中 and the grid worker gets a message of the 认领; search finds by number or
 * text only inside the caller's own estates (the attack: another grid's worker searching a number).
 */
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { gridTab } from '../../../../cloudfunctions/_app/usecases/queue-tabs';
import type { Identity } from '../../../../shared/domain/roles';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../../shared/ports/store';
import { QUEUE_TABS } from '../../../../shared/queue/tabs';
import { makeApp, makeCloudbaseApp, newKey, OTHER_ESTATE, REPORT, type AnyPerson, type TestApp } from '../../../support/app';

type Row = { id: string; no: string; state: string };
type TabAnswer = { tab: string; items: Row[]; total: number; counts: Record<string, number>; next: string | null };

describe.each([
  ['SQLite', makeApp],
  ['CloudBase (loopback)', makeCloudbaseApp],
] as const)('grid queue tabs on %s', (_name, make) => {
  let app: TestApp<Store>;
  const ids: Record<string, string> = {};
  const nos: Record<string, string> = {};

  async function submit(key: string, category: string, description: string) {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, description, idempotencyKey: newKey() });
    if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
    ids[key] = res.data.ticket.id;
    nos[key] = res.data.ticket.no;
  }

  async function step(who: AnyPerson, action: string, key: string, data: Record<string, unknown> = {}) {
    const current = await app.store.getTicket(ids[key] as string);
    const res = await app.call(ticket, who, action, { ticketId: current!.id, version: current!.version, ...data });
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
  }

  async function tab(who: AnyPerson, name: string, extra: Record<string, unknown> = {}): Promise<TabAnswer> {
    const res = await app.call(ticket, who, 'queue', { view: 'grid', tab: name, limit: 100, ...extra });
    if (!res.ok) throw new Error(`${who} tab ${name}: ${res.error?.code} ${res.error?.message}`);
    return res.data as TabAnswer;
  }

  beforeAll(async () => {
    app = await make();
    await submit('fresh', 'garbage', '5号楼门口垃圾堆放三天无人清运');
    await submit('whistled', 'fly-wire', '3号楼2单元有人从窗户拉电线给电动车充电');
    await step('grid', 'whistle', 'whistled', { units: ['yongning.zjj'], reason: '住建局牵头' });
    await submit('claimed', 'public-order', '楼下有人深夜聚众喧哗，多次劝阻无效');
    await step('police', 'claim', 'claimed', { officerName: '周警官' });
    await submit('resolved', 'fly-wire', '地下车库电动车飞线充电');
    await step('grid', 'whistle', 'resolved', { units: ['yongning.zjj'], reason: '住建局牵头' });
    await step('housing', 'acknowledge', 'resolved', { officerName: '王强' });
    await step('housing', 'arrive', 'resolved', { location: REPORT.location });
    await step('housing', 'resolve', 'resolved', { note: '已拆除飞线', photos: [await app.photo('housing')] });
    await submit('verified', 'clutter', '楼道堆放杂物堵塞通道');
    await step('grid', 'accept', 'verified');
    await step('grid', 'handle', 'verified');
    await step('grid', 'settle', 'verified', { note: '已清理楼道杂物', photos: [await app.photo('grid')], location: REPORT.location });
  });
  afterAll(() => app.close());

  it('each ticket is under exactly one tab; 吹哨 and 认领 leave it under 处理中, not gone', async () => {
    const where: Record<string, string[]> = {};
    for (const name of QUEUE_TABS) for (const row of (await tab('grid', name)).items) (where[row.id] ??= []).push(name);
    expect(where).toEqual({
      [ids.fresh as string]: ['pending'],
      [ids.whistled as string]: ['handling'],
      [ids.claimed as string]: ['handling'],
      [ids.resolved as string]: ['verify'],
      // 就地办结 ends in 已核验: the grid's part is done.
      [ids.verified as string]: ['done'],
    });
  });

  it('the number of each tab is the length of its list, paged one by one to the end', async () => {
    for (const name of QUEUE_TABS) {
      const whole = await tab('grid', name);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page: TabAnswer = await tab('grid', name, { limit: 1, ...(after ? { after } : {}) });
        expect(page.total).toBe(whole.total);
        paged.push(...page.items.map((r) => r.id));
        after = page.next;
      } while (after);
      expect({ name, total: whole.total, listed: paged }).toEqual({ name, total: paged.length, listed: whole.items.map((r) => r.id) });
    }
    expect((await tab('grid', 'handling')).total).toBeGreaterThanOrEqual(2);
  });

  it('every tab shows its count: each answer carries all four, each equal to that tab\'s whole list (with a search too)', async () => {
    for (const q of [undefined, '电动车']) {
      const extra = q ? { q } : {};
      const lists: Record<string, number> = {};
      for (const name of QUEUE_TABS) lists[name] = (await tab('grid', name, extra)).items.length;
      for (const name of QUEUE_TABS) expect({ q, name, counts: (await tab('grid', name, extra)).counts }).toEqual({ q, name, counts: lists });
    }
    // Not a constant: the four differ here (1 待受理, 2 处理中, 1 待核验, 1 已完成 before the search).
    expect((await tab('grid', 'pending')).counts).toEqual({ pending: 1, handling: 2, verify: 1, done: 1 });
    expect((await tab('otherGrid', 'pending')).counts).toEqual({ pending: 0, handling: 0, verify: 0, done: 0 });
  });

  it('search: a whole number, a number prefix, a description text', async () => {
    expect((await tab('grid', 'handling', { q: nos.whistled })).items.map((r) => r.id)).toEqual([ids.whistled]);
    expect((await tab('grid', 'handling', { q: (nos.whistled as string).toLowerCase() })).items.map((r) => r.id)).toEqual([ids.whistled]);
    const prefix = (nos.whistled as string).split('-').slice(0, 2).join('-');
    expect((await tab('grid', 'handling', { q: prefix })).total).toBe((await tab('grid', 'handling')).total);
    expect((await tab('grid', 'handling', { q: '深夜聚众' })).items.map((r) => r.id)).toEqual([ids.claimed]);
    expect((await tab('grid', 'pending', { q: '深夜聚众' })).total).toBe(0);
    expect((await tab('grid', 'handling', { q: '.*' })).total).toBe(0);
  });

  it('the attack: another estate\'s grid worker searching this estate\'s number or text finds nothing', async () => {
    for (const name of QUEUE_TABS) {
      expect(await tab('otherGrid', name, { q: nos.whistled })).toMatchObject({ items: [], total: 0 });
      expect(await tab('otherGrid', name, { q: '电动车' })).toMatchObject({ items: [], total: 0 });
      expect(await tab('otherGrid', name)).toMatchObject({ items: [], total: 0 });
    }
    // The scope is the caller's grants: an estate or user id in the body changes nothing.
    expect(await tab('otherGrid', 'handling', { estateId: REPORT.estateId, userId: 'u-grid' })).toMatchObject({ items: [], total: 0 });
  });

  it('a caller without a grid or street grant is refused; bad input is 400 with a stable code', async () => {
    const asUnit = await app.call(ticket, 'housing', 'queue', { view: 'grid', tab: 'handling', limit: 20 });
    expect(asUnit).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const badTab = await app.call(ticket, 'grid', 'queue', { view: 'grid', tab: 'everything', limit: 20 });
    expect(badTab).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    const longQ = await app.call(ticket, 'grid', 'queue', { view: 'grid', tab: 'handling', q: '电'.repeat(51), limit: 20 });
    expect(longQ).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    const forged = await app.call(ticket, 'grid', 'queue', { view: 'grid', tab: 'handling', limit: 20, after: 'bm90LWEtY3Vyc29y' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID_CURSOR' } });
  });

  it('a worker holding two grants (two estates\' grids) gets both in one list, paged by offset to the same total', async () => {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, estateId: OTHER_ESTATE.id, category: 'garbage', description: '望远新村东门垃圾满溢', idempotencyKey: newKey() });
    expect(res.ok).toBe(true);
    const two: Identity = {
      userId: 'u-grid-two',
      name: '两个网格的网格员',
      grants: [
        { role: 'grid', jurisdiction: 'yongning', estates: [REPORT.estateId] },
        { role: 'grid', jurisdiction: 'yongning', estates: [OTHER_ESTATE.id] },
      ],
    };
    const page = (after?: string) => gridTab(app.deps, two, { view: 'grid', tab: 'pending', limit: 1, after: after ?? null });
    const first = await page();
    expect(first.total).toBe(2);
    // Each tab's count from its merged list; one ticket per estate under 待受理.
    expect(first.counts.pending).toBe(2);
    expect(first.counts.handling).toBe((await gridTab(app.deps, two, { view: 'grid', tab: 'handling', limit: 100, after: null })).items.length);
    const second = await page(first.next as string);
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((r) => r.id).sort()).toEqual([ids.fresh as string, res.data.ticket.id as string].sort());
    await expect(page('not-an-offset')).rejects.toMatchObject({ code: 'INPUT.INVALID_CURSOR' });
  });

  it('the grid worker is told of the police 认领 on 工作台 (an unread message with the number); another estate\'s worker is not', async () => {
    const home = await app.call(ticket, 'grid', 'home', {});
    const claimed = (home.data.unread as Array<{ title: string; body: string; ticketId: string; kind: string }>).filter((m) => m.ticketId === ids.claimed);
    expect(claimed).toEqual([expect.objectContaining({ kind: 'claimed', title: '民警已认领', body: expect.stringContaining(`${nos.claimed as string}`) })]);
    expect(claimed[0]?.body).toContain('周警官');
    // Not sent to another estate's grid worker.
    const other = await app.call(ticket, 'otherGrid', 'home', {});
    expect((other.data.unread as Array<{ ticketId: string }>).some((m) => m.ticketId === ids.claimed)).toBe(false);
  });
});
