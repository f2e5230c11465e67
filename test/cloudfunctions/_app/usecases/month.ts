/**
 * A month of tickets made through the real functions (submit, the staff actions, the sweep), for the
 * tests that compare a report read from the store's facts records with the same report derived
 * from the documents and events (issue 8). Not a test file: imported by them.
 */
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../../cloudfunctions/_app/functions/timers';
import type { Store } from '../../../../shared/ports/store';
import { newKey, REPORT, type Person, type TestApp } from '../../../support/app';

const HOUR = 3_600_000;

/** The store without the optional capabilities: what an adapter without them offers (the CloudBase one). */
export function withoutOptional(store: Store, ...names: Array<'queryTicketFacts' | 'listTicketFacts'>): Store {
  // A store without queryTicketFacts keeps no records at all: listTicketFacts goes with it.
  const hidden: string[] = names.includes('queryTicketFacts') ? [...names, 'listTicketFacts'] : names;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (hidden.includes(prop as string)) return undefined;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function submitted(app: TestApp, category: string): Promise<string> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit: ${res.error?.code} ${res.error?.message}`);
  return res.data.ticket.id as string;
}

async function step(app: TestApp, who: Person, action: string, id: string, data: Record<string, unknown> = {}): Promise<void> {
  const current = await app.store.getTicket(id);
  const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
  const res = await app.call(fn, who, action, { ticketId: id, version: current?.version, ...data });
  if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
}

/**
 * Tickets on every path the metrics tell apart — the full chain with a rating, two units with one
 * late, a return and re-route, an extension, a reject, a settle on the spot, a reopen, one left to go
 * overdue and be escalated by the sweep — spread over a few days from the app's clock. Returns the
 * instant after the last step.
 */
export async function makeMonth(app: TestApp): Promise<string> {
  const later = (hours: number) => app.clock.advance(hours * HOUR);

  const full = await submitted(app, 'fly-wire');
  await step(app, 'grid', 'accept', full);
  await step(app, 'grid', 'whistle', full, { units: ['yongning.zjj', 'yongning.yjgl'] });
  later(0.5);
  await step(app, 'housing', 'acknowledge', full, { officerName: '王强' });
  later(3);
  await step(app, 'emergency', 'acknowledge', full, { officerName: '赵敏' });
  await step(app, 'housing', 'arrive', full, { location: REPORT.location });
  await step(app, 'housing', 'resolve', full, { note: '已拆除飞线', photos: [await app.photo('housing')] });
  await step(app, 'grid', 'verify', full);
  await step(app, 'resident', 'confirm', full);
  await step(app, 'resident', 'rate', full, { score: 5, fixed: true });

  later(2);
  const returned = await submitted(app, 'noise');
  await step(app, 'grid', 'whistle', returned, { units: ['yongning.zjj'], reason: '先请住建局核实' });
  await step(app, 'housing', 'return', returned, { reasonCode: 'not-our-duty', reason: '噪声污染应由生态环境部门处理' });
  await step(app, 'street', 'reroute', returned, { units: ['yongning.zhzf'], reason: '改派综合执法局' });

  const extended = await submitted(app, 'garbage');
  await step(app, 'grid', 'whistle', extended, { units: ['yongning.zjj'], reason: '由住建局牵头处理' });
  await step(app, 'housing', 'acknowledge', extended, { officerName: '王强' });
  const until = new Date(Date.parse(app.clock.now()) + 8 * 24 * HOUR).toISOString();
  await step(app, 'housing', 'requestExtension', extended, { until, reason: '需协调转运车辆' });
  await step(app, 'street', 'approveExtension', extended);

  const rejected = await submitted(app, 'parking');
  await step(app, 'street', 'reject', rejected, { reason: '重复举报' });

  later(1);
  const settled = await submitted(app, 'dog');
  await step(app, 'grid', 'accept', settled);
  await step(app, 'grid', 'settle', settled, { note: '已劝导犬主拴绳', photos: [await app.photo('grid')], location: REPORT.location });

  const reopened = await submitted(app, 'garbage');
  await step(app, 'grid', 'whistle', reopened, { units: ['yongning.zjj'], reason: '由住建局牵头处理' });
  await step(app, 'housing', 'acknowledge', reopened, { officerName: '王强' });
  await step(app, 'housing', 'resolve', reopened, { note: '已清运', photos: [await app.photo('housing')] });
  await step(app, 'resident', 'reopen', reopened, { reason: '第二天又堆满了' });

  const stalled = await submitted(app, 'elevator');
  await step(app, 'grid', 'whistle', stalled, { units: ['yongning.zjj'], reason: '由住建局牵头处理' });
  await submitted(app, 'fire-lane'); // nobody acts on it

  // Days pass: deadlines go by, the sweep marks them and escalates.
  for (let day = 0; day < 9; day += 1) {
    later(24);
    const res = await app.call(sweep, null, 'run', {});
    if (!res.ok) throw new Error(`sweep: ${res.error?.code}`);
  }
  return app.clock.now();
}
