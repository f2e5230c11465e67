/**
 * Text checks on every user text others see (issue 15): before, only the report description, the
 * rating comment, group names and ledger notes were checked; reopen and appeal reasons, staff notes
 * and reasons (the timeline shows them to the reporter) and the police reply went out unchecked.
 * The fake content check of test/support/app.ts rejects BANNED_WORD; a rejected text is
 * 400 CONTENT.REJECTED and nothing is written.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { BANNED_WORD, makeApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

async function submitted(category = 'fly-wire'): Promise<string> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
  expect(res.ok).toBe(true);
  return (res.data.ticket as { id: string }).id;
}

async function call(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(id);
  const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
  return app.call(fn, who, action, { ticketId: id, version: current!.version, ...data });
}

async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const res = await call(who, action, id, data);
  if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
}

/** Refused with CONTENT.REJECTED, and the ticket and its timeline are unchanged. */
async function expectRejected(who: Person, action: string, id: string, data: Record<string, unknown>) {
  const before = await app.store.getTicket(id);
  const eventsBefore = await app.store.listEvents(id);
  const res = await call(who, action, id, data);
  expect(res.ok).toBe(false);
  expect(res.error?.code).toBe('CONTENT.REJECTED');
  expect(await app.store.getTicket(id)).toEqual(before);
  expect(await app.store.listEvents(id)).toEqual(eventsBefore);
}

const bad = `内容${BANNED_WORD}内容`;

describe('content checks on texts others see', () => {
  it('a resident’s reopen reason', async () => {
    const id = await submitted();
    await step('grid', 'accept', id);
    await step('grid', 'settle', id, { note: '已现场处置完毕', photos: [await app.photo('grid')], location: REPORT.location });
    await expectRejected('resident', 'reopen', id, { reason: bad });
    await step('resident', 'reopen', id, { reason: '飞线又接上了' });
  });

  it('a resident’s appeal reason', async () => {
    const id = await submitted();
    await step('grid', 'reject', id, { reason: '不属于受理范围' });
    await expectRejected('resident', 'appeal', id, { reason: bad });
    await step('resident', 'appeal', id, { reason: '确实存在安全隐患' });
  });

  it('staff notes and reasons on the timeline: accept note, whistle reason, return reason', async () => {
    const id = await submitted('noise');
    await expectRejected('grid', 'accept', id, { note: bad });
    await step('grid', 'accept', id, { note: '已受理' });
    await expectRejected('grid', 'whistle', id, { units: ['yongning.zjj'], reason: bad });
    await step('grid', 'whistle', id, { units: ['yongning.zjj'], reason: '请住建局核实' });
    await expectRejected('housing', 'return', id, { reasonCode: 'not-our-duty', reason: bad });
  });

  it('the police reply and a mediation agreement', async () => {
    const id = await submitted('dispute');
    await step('police', 'claim', id, { officerName: '周警官' });
    await expectRejected('police', 'reply', id, { text: bad });
    await step('police', 'reply', id, { text: '已联系双方，今晚到现场' });
    await expectRejected('police', 'mediate', id, { parties: ['张三', '李四'], outcome: 'agreed', agreement: bad });
  });
});
