/**
 * The overdue sweep marks 整改通知 (issue 20 §1: "Overdue notices appear in the sweep"), on both
 * store adapters, through the real sweep function (a timer call: no identity).
 */
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, type AnyPerson, type TestApp } from '../../support/app';

const ISSUE = {
  estateId: ESTATE.id,
  problem: '地下车库堆放大量纸箱和废旧家具，占用消防通道',
  basis: '永宁县“治脏”“治乱”责任清单 二(二)1(2)',
  deadline: '2026-11-30T18:00:00+08:00',
};

const ADAPTERS: Array<[string, (opts: { reportsPerHour?: number }) => Promise<TestApp<Store>>]> = [
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
];

describe.each(ADAPTERS)('the sweep and rectification notices on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = await make({ reportsPerHour: 1000 });
  });
  afterEach(() => app.close());
  const issue = (who: AnyPerson) => app.call(ticket, who, 'issueRectification', ISSUE);

  it('marks a notice overdue once its deadline passed without an answer, once; an answered one stays answered; a late answer is still taken', async () => {
    const late = (await issue('housing')).data.notice;
    const onTime = (await issue('housing')).data.notice;
    await app.call(ticket, 'property', 'answerRectification', { id: onTime.id, version: 1, note: '已清理', photos: [await app.photo('property')] });
    // One second before the deadline nothing is due.
    app.clock.set('2026-11-30T09:59:59.000Z');
    expect((await app.call(sweep, null, 'run', {})).data.rectificationsOverdue).toBe(0);
    app.clock.set('2026-11-30T10:00:01.000Z');
    expect((await app.call(sweep, null, 'run', {})).data.rectificationsOverdue).toBe(1);
    expect((await app.call(sweep, null, 'run', {})).data.rectificationsOverdue).toBe(0);
    expect(await app.store.getRectificationNotice(late.id)).toMatchObject({ status: 'overdue', overdueAt: '2026-11-30T10:00:01.000Z' });
    expect(await app.store.getRectificationNotice(onTime.id)).toMatchObject({ status: 'answered', overdueAt: null });
    expect((await app.call(ticket, 'leadership', 'rectifications', { statuses: ['overdue'] })).data.items).toHaveLength(1);
    const answered = await app.call(ticket, 'property', 'answerRectification', { id: late.id, version: 2, note: '逾期后整改完成', photos: [await app.photo('property')] });
    expect(answered.data.notice).toMatchObject({ status: 'answered', overdueAt: '2026-11-30T10:00:01.000Z' });
    expect((await app.call(ticket, 'leadership', 'rectifications', { statuses: ['overdue'] })).data.items).toHaveLength(0);
  });

  it('a rejected notice past its deadline is marked overdue too', async () => {
    const n = (await issue('housing')).data.notice;
    await app.call(ticket, 'property', 'answerRectification', { id: n.id, version: 1, note: '已清理', photos: [await app.photo('property')] });
    await app.call(ticket, 'housing', 'rejectRectification', { id: n.id, version: 2, reason: '仍有堆放' });
    app.clock.set('2026-12-01T00:00:00.000Z');
    expect((await app.call(sweep, null, 'run', {})).data.rectificationsOverdue).toBe(1);
    expect(await app.store.getRectificationNotice(n.id)).toMatchObject({ status: 'overdue' });
  });
});
