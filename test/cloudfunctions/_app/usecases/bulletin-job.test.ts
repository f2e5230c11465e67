/**
 * Issue 17 §3: "The bulletin of a large month runs as an asynchronous job with progress, within the
 * function timeout, and the file appears in storage." One month made by the real functions
 * (month.ts) on SQLite and on the CloudBase adapter over the loopback server; on CloudBase the XLSX
 * is written through CloudbaseFileStore (app.uploadFile, the platform edge the loopback serves) and
 * read back from the loopback's storage itself.
 */
import { CloudbaseFileStore } from '../../../../cloudfunctions/_adapters/cloudbase/platform';
import { loadCloudbase } from '../../../../cloudfunctions/_adapters/cloudbase/store';
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { buildBulletin } from '../../../../cloudfunctions/_app/usecases/bulletin';
import { bulletinScope } from '../../../../cloudfunctions/_app/usecases/bulletin';
import { scopeJurisdictions, stepsFor } from '../../../../cloudfunctions/_app/usecases/bulletin-job';
import type { Store } from '../../../../shared/ports/store';
import { identityOf, makeApp, makeCloudbaseApp, MORE_PEOPLE, newKey, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../../support/app';
import { declaredCollections } from '../../../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../../../support/cloudbase-loopback';
import { uncoveredQueries } from '../../../support/index-coverage';
import { makeMonth } from './month';
import { seedNotices } from './month-notices';
import { sheets } from '../../../support/xlsx-sheets';

jest.setTimeout(180_000);

const INPUT = { jurisdiction: 'yongning', month: '2026-11' };

interface Runtime {
  name: string;
  app: TestApp<Store>;
  /** The stored bytes of a finished job's XLSX, read from where it is kept (not from the answer's URL). */
  stored(answer: { jobId: string; xlsxFileId?: string }): Promise<Buffer | null>;
}

const runtimes: Runtime[] = [];
let storage: CloudbaseLoopback;

beforeAll(async () => {
  const sqlite = (await makeApp({ reportsPerHour: 100 })) as unknown as TestApp<Store>;
  const cloudbase = await makeCloudbaseApp({ reportsPerHour: 100 });
  for (const app of [sqlite, cloudbase]) {
    app.clock.set('2026-11-02T01:00:00.000Z');
    await makeMonth(app as TestApp);
    // Overdue 整改通知 of the month (issue 20 §1): the job's XLSX carries them as the synchronous one does.
    await seedNotices(app.store, app.clock.now());
  }
  // CloudBase cloud storage (the loopback implements uploadFile, downloadFile and getTempFileURL).
  storage = await CloudbaseLoopback.start();
  cloudbase.deps.files = new CloudbaseFileStore(loadCloudbase(storage.sdkOptions()), { prefix: 'bulletins' });
  cloudbase.deps.config = { ...cloudbase.deps.config, platform: 'cloudbase' };
  runtimes.push(
    // Local runtime: the job record keeps the bytes (its file store takes photos only).
    { name: 'SQLite', app: sqlite, stored: async (a) => ((await sqlite.store.getBulletinJob(a.jobId))?.inlineXlsx ? Buffer.from((await sqlite.store.getBulletinJob(a.jobId))!.inlineXlsx!, 'base64') : null) },
    { name: 'CloudBase loopback', app: cloudbase, stored: async (a) => (a.xlsxFileId ? (storage.files.get(a.xlsxFileId) ?? null) : null) },
  );
});

afterAll(async () => {
  for (const r of runtimes) await r.app.close();
  await storage?.close();
});

async function poll(app: TestApp<Store>, who: AnyPerson) {
  return app.call(ticket, who, 'bulletinJob', INPUT);
}

/** Polls until the job is done or failed; every answer in order. */
async function runToEnd(app: TestApp<Store>, who: AnyPerson) {
  const answers = [];
  for (let i = 0; i < 10; i++) {
    const res = await poll(app, who);
    expect(res.ok).toBe(true);
    answers.push(res.data);
    if (res.data.state === 'done' || res.data.state === 'failed') break;
  }
  return answers;
}

describe.each([0, 1])('the bulletin job (runtime %#: 0 SQLite, 1 CloudBase loopback)', (index) => {
  const rt = () => runtimes[index]!;

  it('is created queued, advances one step per poll with monotonic progress, and ends with the synchronous bulletin in storage', async () => {
    const { app } = rt();
    const answers = await runToEnd(app, 'leadership');
    // Steps: the facts, the overdue tickets of each jurisdiction of the scope, the XLSX.
    const steps = stepsFor(scopeJurisdictions(bulletinScope(identityOf(PEOPLE.leadership), 'yongning')));
    expect(steps).toBe(3);
    expect(answers[0]).toMatchObject({ state: 'queued', step: 0, steps });
    const last = answers[answers.length - 1];
    expect(last).toMatchObject({ state: 'done', step: steps, steps, filename: '永宁县月通报-2026-11.xlsx', fileType: 'xlsx' });
    // One step per poll after the first: 0, 1, 2, 3 (生成中 n/N).
    expect(answers.map((a) => a.step)).toEqual([0, 1, 2, 3]);
    expect(answers.slice(1, -1).every((a) => a.state === 'running')).toBe(true);
    expect(new Set(answers.map((a) => a.jobId)).size).toBe(1);
    // CloudBase: a temporary URL of the file in storage (getTempFileURL); locally the bytes, as `bulletin` answers there.
    if (index === 1) expect(last.xlsxUrl).toMatch(/^https?:\/\//);
    else expect(typeof last.xlsxBase64).toBe('string');

    const bytes = await rt().stored(last);
    expect(bytes).not.toBeNull();
    const sync = await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT);
    expect(await sheets(bytes!)).toEqual(await sheets(sync.xlsx));
    // Not vacuous: the month has tickets and overdue ones.
    expect(sync.tables.overall.counts.tickets).toBeGreaterThan(0);
    expect(sync.tables.overdue.length).toBeGreaterThan(0);
    expect(sync.tables.rectifications.map((r) => r.no).sort()).toEqual(['ZG-YN-0001', 'ZG-YN-0002']);
    // No user id of the requester in the answer (identity comes from the platform context only).
    expect(JSON.stringify(last)).not.toContain(PEOPLE.leadership.id);
  });

  it('reads the overdue tickets one jurisdiction per step: the city office’s bulletin of 银川市 and 永宁县 in 4 steps, equal to the synchronous one', async () => {
    const { app } = rt();
    const input = { jurisdiction: 'yinchuan', month: '2026-11' };
    const answers = [];
    for (let i = 0; i < 10; i++) {
      const res = await app.call(ticket, 'cityLeadership', 'bulletinJob', input);
      expect(res.ok).toBe(true);
      answers.push(res.data);
      if (res.data.state === 'done' || res.data.state === 'failed') break;
    }
    expect(answers.map((a) => `${a.state} ${a.step}/${a.steps}`)).toEqual(['queued 0/4', 'running 1/4', 'running 2/4', 'running 3/4', 'done 4/4']);
    const sync = await buildBulletin(app.deps, identityOf(MORE_PEOPLE.cityLeadership), input);
    expect(sync.tables.overdue.length).toBeGreaterThan(0);
    expect(await sheets((await rt().stored(answers[answers.length - 1]))!)).toEqual(await sheets(sync.xlsx));
  });

  it('answers the same job and file when asked again for the same month and scope', async () => {
    const { app } = rt();
    const first = (await poll(app, 'leadership')).data;
    const again = (await poll(app, 'leadership')).data;
    expect(first.state).toBe('done');
    expect(again).toEqual({ ...first, ...(index === 1 ? { xlsxUrl: expect.any(String) } : {}) });
  });

  it('refuses another jurisdiction\'s leadership office and a resident (the attack: asking for 永宁县\'s bulletin), and creates nothing', async () => {
    const { app } = rt();
    const before = (await poll(app, 'leadership')).data;
    for (const who of ['qitaiLeadership', 'resident'] as const) {
      const res = await poll(app, who);
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('AUTH.FORBIDDEN');
      expect(res.data).toBeUndefined();
    }
    expect(MORE_PEOPLE.qitaiLeadership.grants[0]!.jurisdiction).toBe('qitai');
    const res = await app.call(ticket, null, 'bulletinJob', INPUT);
    expect(res.ok).toBe(false);
    expect((await poll(app, 'leadership')).data).toEqual({ ...before, ...(index === 1 ? { xlsxUrl: expect.any(String) } : {}) });
  });

  it('gives a street officer a job of its own scope, never the office\'s file', async () => {
    const { app } = rt();
    const office = (await poll(app, 'leadership')).data;
    const answers = await runToEnd(app, 'street');
    const last = answers[answers.length - 1];
    expect(last.state).toBe('done');
    expect(last.jobId).not.toBe(office.jobId);
    if (index === 1) expect(last.xlsxFileId).not.toBe(office.xlsxFileId);
    const sync = await buildBulletin(app.deps, identityOf(PEOPLE.street), INPUT);
    expect(await sheets((await rt().stored(last))!)).toEqual(await sheets(sync.xlsx));
  });

  it('runs a step once when two polls come together (the claim is version-checked)', async () => {
    const { app } = rt();
    const input = { jurisdiction: 'yongning', month: '2026-10' };
    const created = (await app.call(ticket, 'leadership', 'bulletinJob', input)).data;
    expect(created).toMatchObject({ state: 'queued', step: 0 });
    const both = await Promise.all([app.call(ticket, 'leadership', 'bulletinJob', input), app.call(ticket, 'leadership', 'bulletinJob', input)]);
    expect(both.map((r) => r.data.step).sort()).toEqual([0, 1]);
    expect(both.every((r) => r.data.jobId === created.jobId)).toBe(true);
  });

  it('fails with a stable code when a step fails, and the next request starts the month over', async () => {
    const { app } = rt();
    const input = { jurisdiction: 'yongning', month: '2026-09' };
    const read = app.store.listTicketFacts ? 'listTicketFacts' : 'queryTicketFacts';
    const created = (await app.call(ticket, 'leadership', 'bulletinJob', input)).data;
    expect(created).toMatchObject({ state: 'queued', step: 0 });
    const spy = jest.spyOn(app.store, read).mockRejectedValueOnce(new Error('injected: the database is unreachable'));
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failed = (await app.call(ticket, 'leadership', 'bulletinJob', input)).data;
      expect(failed).toMatchObject({ jobId: created.jobId, state: 'failed', step: 0, error: 'INTERNAL' });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
    const again = (await app.call(ticket, 'leadership', 'bulletinJob', input)).data;
    expect(again).toMatchObject({ jobId: created.jobId, state: 'queued', step: 0 });
    expect(again.error).toBeUndefined();
    let last = again;
    for (let i = 0; i < 3; i++) last = (await app.call(ticket, 'leadership', 'bulletinJob', input)).data;
    expect(last).toMatchObject({ state: 'done', step: 3 });
  });

  it('answers INPUT.INVALID for a malformed month and changes nothing', async () => {
    const { app } = rt();
    const res = await app.call(ticket, 'leadership', 'bulletinJob', { jurisdiction: 'yongning', month: '2026-13' });
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('INPUT.INVALID');
  });

  it('marks a finished job 已过期 when a ticket of the month moves, and 重新生成 makes it again, the previous file offered until the new one is done', async () => {
    const { app } = rt();
    const done = (await poll(app, 'leadership')).data;
    expect(done).toMatchObject({ state: 'done', stale: false, finishedAt: expect.any(String) });
    const oldBytes = await rt().stored(done);

    // A new report of the month: a new fact the file does not have.
    app.clock.advance(60_000);
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'garbage', idempotencyKey: newKey() });
    expect(submitted.ok).toBe(true);
    const stale = (await poll(app, 'leadership')).data;
    expect(stale).toMatchObject({ state: 'done', stale: true, jobId: done.jobId });

    // Who may not read the bulletin may not make it again either (nothing changes).
    const refused = await app.call(ticket, 'qitaiLeadership', 'bulletinJob', { ...INPUT, regenerate: true });
    expect(refused.error?.code).toBe('AUTH.FORBIDDEN');
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: true });

    const again = (await app.call(ticket, 'leadership', 'bulletinJob', { ...INPUT, regenerate: true })).data;
    expect(again).toMatchObject({ jobId: done.jobId, state: 'queued', step: 0, steps: 3 });
    expect(again.xlsxUrl ?? again.xlsxBase64).toBeUndefined();
    // The previous file, as it was, until the new one is done.
    expect(again.previous).toMatchObject({ finishedAt: done.finishedAt });
    if (index === 1) expect(again.previous.xlsxFileId).toBe(done.xlsxFileId);
    else expect(again.previous.xlsxBase64).toBe(done.xlsxBase64);

    const answers = await runToEnd(app, 'leadership');
    expect(answers.map((a) => `${a.state} ${a.step}/${a.steps}`)).toEqual(['running 1/3', 'running 2/3', 'done 3/3']);
    expect(answers.slice(0, -1).every((a) => a.previous?.finishedAt === done.finishedAt)).toBe(true);
    const last = answers[answers.length - 1];
    expect(last.previous).toBeUndefined();
    expect(last.stale).toBeUndefined();
    if (index === 1) expect(last.xlsxFileId).not.toBe(done.xlsxFileId);
    const bytes = (await rt().stored(last))!;
    expect(bytes.equals(oldBytes!)).toBe(false);
    const sync = await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT);
    expect(await sheets(bytes)).toEqual(await sheets(sync.xlsx));
    // The new report is in it, and the job is fresh again.
    const oldTickets = (await sheets(oldBytes!))['总体']![1]![3] as number;
    expect(sync.tables.overall.counts.tickets).toBe(oldTickets + 1);
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: false });
    // A move of a ticket already in it (the grid worker accepts the new report) is a new fact too.
    app.clock.advance(60_000);
    const accepted = await app.call(ticket, 'grid', 'accept', { ticketId: submitted.data.ticket.id, version: submitted.data.ticket.version });
    expect(accepted.ok).toBe(true);
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: true });
  });

  it('does not mark a job 已过期 for a 整改通知 whose deadline is still ahead, only once the deadline passes', async () => {
    const { app } = rt();
    const [template] = await app.store.listRectificationNotices({ jurisdictions: ['yongning'] });
    const now = Date.parse(app.clock.now());
    const due = new Date(now + 2 * 86_400_000).toISOString(); // two days on, still in the month
    const issued = new Date(now - 60_000).toISOString();
    const ahead = { ...template!, id: `ahead-${index}`, no: `ZG-YN-ahead-${index}`, issuedAt: issued, updatedAt: issued, deadline: due, status: 'open' as const, closedAt: null, overdueAt: null, answers: [], reviews: [], version: 1 };
    expect(await app.store.createRectificationNotice(ahead)).toBe(true);
    app.clock.advance(1_000);
    expect((await app.call(ticket, 'leadership', 'bulletinJob', { ...INPUT, regenerate: true })).data).toMatchObject({ state: 'queued' });
    expect((await runToEnd(app, 'leadership')).pop()).toMatchObject({ state: 'done' });
    // Nothing the file shows has changed: a deadline ahead is no new fact.
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: false });
    app.clock.set(new Date(Date.parse(due) + 60_000).toISOString());
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: true });
  });

  it('marks a job made while its month ran 已过期 once the month has ended, without any ticket moving', async () => {
    const { app } = rt();
    expect((await app.call(ticket, 'leadership', 'bulletinJob', { ...INPUT, regenerate: true })).data).toMatchObject({ state: 'queued' });
    expect((await runToEnd(app, 'leadership')).pop()).toMatchObject({ state: 'done' });
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: false });
    app.clock.set('2026-11-30T16:00:00.000Z'); // 2026-12-01 00:00 in Beijing
    expect((await poll(app, 'leadership')).data).toMatchObject({ state: 'done', stale: true });
  });
});

describe('CloudBase deploy configuration covers the 已过期 check', () => {
  it('the count of the month\'s tickets moved since (updatedAt) starts an index of cloudfunctions/_deploy/resources.ts', () => {
    const moved = observedQueries.filter((q) => q.collection === 'tickets' && q.fields.includes('updatedAt'));
    expect(moved.length).toBeGreaterThan(0);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(moved, declared)).toEqual([]);
  });
});
