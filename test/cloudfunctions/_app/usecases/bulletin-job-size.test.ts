/**
 * Issue 17 §3 leftover: the bulletin job is one database document, rewritten whole at every step,
 * and at 1 M tickets its progress held 1,322 overdue tickets (docs/PERFORMANCE.md §6a). A CloudBase
 * record is a BSON document of at most 16 MB (STORED_JOB_LIMIT_BYTES, with its source). Here the job
 * runs on the CloudBase adapter over the loopback with 1,322 overdue tickets of the month (the 1 M
 * run's count: the heaviest overdue ticket the real functions made, copied), and every stored
 * version of the job document is weighed as BSON with bson 4.7.2's calculateObjectSize, the library
 * the SDK's @cloudbase/database 1.4.3 depends on.
 */
import { calculateObjectSize } from 'bson';
import { CloudbaseFileStore } from '../../../../cloudfunctions/_adapters/cloudbase/platform';
import { loadCloudbase } from '../../../../cloudfunctions/_adapters/cloudbase/store';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { slimOverdueTicket } from '../../../../cloudfunctions/_app/usecases/bulletin';
import { STORED_JOB_LIMIT_BYTES } from '../../../../cloudfunctions/_app/usecases/bulletin-job';
import type { Ticket } from '../../../../shared/domain/ticket';
import { isOpen } from '../../../../shared/sla/progress';
import type { Store } from '../../../../shared/ports/store';
import { makeCloudbaseApp, type TestApp } from '../../../support/app';
import { CloudbaseLoopback } from '../../../support/cloudbase-loopback';
import { makeMonth } from './month';

jest.setTimeout(300_000);

const OVERDUE_AT_1M = 1322;
const INPUT = { jurisdiction: 'yongning', month: '2026-11' };
let app: TestApp<Store>;
let storage: CloudbaseLoopback;
let template: Ticket;

beforeAll(async () => {
  app = await makeCloudbaseApp({ reportsPerHour: 100 });
  app.clock.set('2026-11-02T01:00:00.000Z');
  await makeMonth(app as TestApp);
  const now = app.clock.now();
  const month = (await app.store.queryTickets({ jurisdiction: 'yongning' }, { limit: 100 })).items;
  const overdue = month.filter((t) => isOpen(t) && slimOverdueTicket(t, now).deadlines.length > 0);
  template = overdue.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0]!;
  const [created] = await app.store.listEvents(template.id);
  // Copies up to the 1 M run's count (each its own id and number; the same route, deadlines and holder).
  const copies = OVERDUE_AT_1M - overdue.length;
  for (let i = 0; i < copies; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, copies - i) }, (_, k) => {
        const n = i + k;
        const id = `copy-${n}`;
        const copy: Ticket = { ...template, id, no: `YN-20261102-${String(5000 + n).padStart(5, '0')}`, version: 1 };
        return app.store.createTicket({ ticket: copy, event: { ...created!, id: `ev-${id}`, ticketId: id }, idempotencyKey: `size-${n}`, outbox: [] });
      }),
    );
  }
  storage = await CloudbaseLoopback.start();
  app.deps.files = new CloudbaseFileStore(loadCloudbase(storage.sdkOptions()), { prefix: 'bulletins' });
  app.deps.config = { ...app.deps.config, platform: 'cloudbase' };
});
afterAll(async () => {
  await app?.close();
  await storage?.close();
});

it(`keeps every stored version of the job document under CloudBase's 16 MB record limit with ${OVERDUE_AT_1M} overdue tickets`, async () => {
  const sizes: number[] = [];
  let overdueHeld = 0;
  let last: { state: string; jobId: string } | null = null;
  for (let i = 0; i < 20; i++) {
    const res = await app.call(ticket, 'leadership', 'bulletinJob', INPUT);
    expect(res.ok).toBe(true);
    last = res.data;
    const stored = await app.store.getBulletinJob(res.data.jobId);
    sizes.push(calculateObjectSize(stored as object));
    const partial = stored?.partial as { openTickets?: unknown[] } | null;
    overdueHeld = Math.max(overdueHeld, partial?.openTickets?.length ?? 0);
    if (res.data.state === 'done' || res.data.state === 'failed') break;
  }
  expect(last?.state).toBe('done');
  // Not vacuous: the job did hold the 1 M run's count of overdue tickets between its steps.
  expect(overdueHeld).toBe(OVERDUE_AT_1M);
  const largest = Math.max(...sizes);
  expect(largest).toBeLessThan(STORED_JOB_LIMIT_BYTES);
  // Whole tickets (what it held before) weighed this much for the same count; the slim rows are a fraction.
  const whole = OVERDUE_AT_1M * calculateObjectSize(template);
  expect(largest).toBeLessThan(whole / 2);
});
