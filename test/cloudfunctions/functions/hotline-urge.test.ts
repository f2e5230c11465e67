/**
 * 12345 催办 and 督办 as two actions (issue 20 §6; 004 三(一)3: the 12345 center "负责统筹协调承办单位对
 * 本辖区有关物业管理工作方面工单的催办、督办和统计分析工作"), on the SQLite and CloudBase stores: each is
 * on the ticket's timeline and reaches the officers of the handling unit; the state does not move.
 * Attacks: other roles, a 12345 center of another jurisdiction (404, the ticket cannot be probed),
 * a closed ticket, a ticket not yet with a unit, a missing note; none of them writes anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, PEOPLE, REPORT, type Person, type TestApp } from '../../support/app';

const SOURCE = readFileSync(join(__dirname, '../../../docs/sources/004_130a68cab0166a86.txt'), 'utf8');

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('12345 催办 and 督办 on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make({ reportsPerHour: 1000 })) as TestApp<Store>;
  });
  afterEach(async () => app.close());

  async function whistled() {
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    const id = submitted.data.ticket.id as string;
    const version = async () => (await app.store.getTicket(id))!.version;
    const res = await app.call(ticket, 'grid', 'whistle', { ticketId: id, version: await version(), units: ['yongning.zjj', 'yongning.yjgl'] });
    if (!res.ok) throw new Error(`whistle: ${res.error?.code} ${res.error?.message}`);
    expect(res.ok).toBe(true);
    return { id, version };
  }

  const inboxTitles = async (userId: string) => (await app.store.listInbox(userId, { limit: 50 })).map((m) => m.title);

  it('the document names both duties', () => {
    expect(SOURCE).toContain('负责统筹协调承办单位对本辖区有关物业管理工作方面工单的催办、督办和统计分析工作');
  });

  it('催办 and 督办 are separate timeline entries, each sent to the handling unit’s officer; the state stays', async () => {
    const { id, version } = await whistled();
    const before = (await app.store.getTicket(id))!.state;
    const urged = await app.call(ticket, 'hotline', 'hotlineUrge', { ticketId: id, note: '市民再次来电反映，请尽快处理' });
    expect(urged.ok).toBe(true);
    // One officer each in 县住建局 and 县应急管理局 (the test directory).
    expect(urged.data.notified).toBe(2);
    const supervised = await app.call(ticket, 'hotline', 'supervise', { ticketId: id, version: await version(), note: '已超过承诺时限，请说明原因' });
    expect(supervised.ok).toBe(true);

    const events = await app.store.listEvents(id);
    const last = events.slice(-2).map((e) => [e.action, e.actor.role, e.note, e.from, e.to]);
    expect(last).toEqual([
      ['urge', 'hotline', '市民再次来电反映，请尽快处理', before, before],
      ['supervise', 'hotline', '已超过承诺时限，请说明原因', before, before],
    ]);
    expect((await app.store.getTicket(id))!.state).toBe(before);
    const titles = await inboxTitles(PEOPLE.housing.id);
    expect(titles).toEqual(expect.arrayContaining(['12345催办：请加快办理', '督办：请加快办理']));
    expect(await inboxTitles(PEOPLE.emergency.id)).toContain('12345催办：请加快办理');
    // An officer of a unit not on the ticket hears nothing.
    expect(await inboxTitles(PEOPLE.market.id)).not.toContain('12345催办：请加快办理');
    // The timeline names the center, and the staff detail shows the 催办 with its label.
    const detail = await app.call(ticket, 'grid', 'detail', { ticketId: id });
    expect(JSON.stringify(detail.data)).toContain('市民再次来电反映');
  });

  it('attacks: other roles are refused, another jurisdiction’s 12345 gets 404, closed or unassigned tickets and a missing note are refused; nothing is written', async () => {
    const { id } = await whistled();
    const count = async () => (await app.store.listEvents(id)).length;
    const n = await count();
    for (const who of ['grid', 'street', 'housing', 'leadership', 'property', 'resident'] as Person[]) {
      expect((await app.call(ticket, who, 'hotlineUrge', { ticketId: id, note: '请尽快处理' })).error?.code).toBe('AUTH.FORBIDDEN');
    }
    const foreign = await ticket(app.deps, { identity: { userId: 'u-12345-qitai', grants: [{ role: 'hotline', jurisdiction: 'qitai' }] } }, { action: 'hotlineUrge', data: { ticketId: id, note: '请尽快处理' } });
    expect((foreign.envelope as { error?: { code: string } }).error?.code).toBe('NOT_FOUND');
    expect((await app.call(ticket, 'hotline', 'hotlineUrge', { ticketId: id, note: '' })).error?.code).toBe('INPUT.INVALID');
    expect((await app.call(ticket, 'hotline', 'hotlineUrge', { ticketId: 'no-such-ticket', note: '请尽快处理' })).error?.code).toBe('NOT_FOUND');

    const fresh = await app.call(report, 'resident', 'submit', { ...REPORT, description: '楼道里堆满杂物无人清理', idempotencyKey: newKey() });
    expect((await app.call(ticket, 'hotline', 'hotlineUrge', { ticketId: fresh.data.ticket.id, note: '请尽快处理' })).error?.code).toBe('HOTLINE.NO_UNITS');
    expect(await count()).toBe(n);
    expect(await inboxTitles(PEOPLE.housing.id)).not.toContain('12345催办：请加快办理');

    const t = (await app.store.getTicket(id))!;
    await app.store.commitTransition({ next: { ...t, state: 'closed', version: t.version + 1 }, expectedVersion: t.version, event: { id: 'e-close', ticketId: id, seq: n + 1, at: t.updatedAt, actor: { userId: 'system', role: 'system' }, action: 'auto-close', from: t.state, to: 'closed' }, outbox: [] });
    expect((await app.call(ticket, 'hotline', 'hotlineUrge', { ticketId: id, note: '请尽快处理' })).error?.code).toBe('HOTLINE.NOT_OPEN');
  });
});
