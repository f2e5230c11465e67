/**
 * The grid worker's estate at the audit's scale (issue 18 §2): 201 open tickets, the two oldest two
 * days past their triage deadline, under 300 closed tickets that are all newer (the 200 newest of
 * everything are closed), 150 unread hand-overs about open tickets and 20 about closed ones. One real
 * submit is the template; its clones are stored through the store's own createTicket.
 */
import { ticket } from '../../cloudfunctions/_app/functions/ticket';
import { report } from '../../cloudfunctions/_app/functions/report';
import type { OutboxMessage } from '../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import type { Store } from '../../shared/ports/store';
import { newKey, NOW, PEOPLE, REPORT, type TestApp } from './app';

const HOUR = 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.parse(NOW) + offsetMs).toISOString();

export const OPEN = 201;
export const OVERDUE = 2;
export const CLOSED = 300;
export const UNREAD_OPEN = 150;
export const UNREAD_CLOSED = 20;

export interface Seeded {
  open: string[];
  overdue: string[];
}

/** One real submit as the template; clones of it stored directly (the store's own createTicket), each with its hand-over message or none. */
export async function seedAtScale(app: TestApp<Store>): Promise<Seeded> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
  const template = (await app.store.getTicket(res.data.ticket.id as string)) as Ticket;
  const [event] = (await app.store.listEvents(template.id)) as [TicketEvent];
  const [message] = (await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 10 })) as [OutboxMessage];
  // The template itself is read: the counts below are the clones only.
  await app.store.markRead(PEOPLE.grid.id, [message.id], NOW);
  const rejected = await app.call(ticket, 'grid', 'reject', { ticketId: template.id, version: template.version, reason: '重复上报，已合并处理' });
  if (!rejected.ok) throw new Error(`reject: ${rejected.error?.code}`);

  const put = async (i: number, createdMs: number, state: Ticket['state'], withMessage: boolean) => {
    const id = `scale-${i}`;
    const createdAt = at(createdMs);
    const t: Ticket = {
      ...template,
      id,
      no: `YN-SCALE-${String(i).padStart(4, '0')}`,
      state,
      createdAt,
      updatedAt: createdAt,
      version: 1,
      holder: state === 'closed' ? { kind: 'none', ids: [] } : template.holder,
      // Triage within 2 hours of the report; a closed ticket's was met.
      deadlines: [{ step: 'triage', due: at(createdMs + 2 * HOUR), ...(state === 'closed' ? { metAt: at(createdMs + HOUR) } : {}) }],
    };
    const outbox = withMessage ? [{ ...message, id: `msg-${i}`, ticketId: id, createdAt, readAt: null, sentAt: null }] : [];
    await app.store.createTicket({ ticket: t, event: { ...event, id: `${id}-e1`, ticketId: id, at: createdAt }, idempotencyKey: `scale-key-${i}`, outbox });
  };
  const seeded: Seeded = { open: [], overdue: [] };
  // Open: the two oldest two days past their triage deadline, the rest reported within the last 35 minutes (triage due within 2 hours).
  for (let i = 0; i < OPEN; i += 1) {
    const createdMs = i < OVERDUE ? -(50 * HOUR) - i * 60_000 : -(OPEN - i) * 10_000;
    await put(i, createdMs, 'submitted', i >= OPEN - UNREAD_OPEN);
    seeded.open.push(`scale-${i}`);
    if (i < OVERDUE) seeded.overdue.push(`scale-${i}`);
  }
  // Closed, all newer than every open ticket: the 200 newest of everything are closed ones.
  for (let i = OPEN; i < OPEN + CLOSED; i += 1) await put(i, (i - OPEN + 1) * 1000, 'closed', i < OPEN + UNREAD_CLOSED);
  // Past the newest closed ticket (300 s after NOW).
  app.clock.advance(10 * 60_000);
  return seeded;
}

