/**
 * One contender of the two-process race (test/local/store/two-processes.test.ts). Line protocol on
 * stdin/stdout:
 *   prepare  → reads the ticket, builds its next version and event; answers "ready <version>"
 *   go       → commits it; answers "ok", "conflict" or "error <message>"
 *   exit     → closes the store and exits
 * Usage: tsx racer.ts <db file> <ticket id> <name>
 */
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../../local/store/sqlite-store';
import type { Ticket, TicketEvent } from '../../../../shared/domain/ticket';
import { StoreConflictError } from '../../../../shared/ports/store';

const [file, ticketId, name] = process.argv.slice(2) as [string, string, string];
const store = openSqliteStore(file);
let prepared: { next: Ticket; expectedVersion: number; event: TicketEvent } | null = null;
let round = 0;

const reply = (line: string) => process.stdout.write(`${line}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  void handle(line.trim()).catch((err: unknown) => reply(`error ${(err as Error).message}`));
});

async function handle(command: string): Promise<void> {
  if (command === 'prepare') {
    const ticket = await store.getTicket(ticketId);
    if (!ticket) throw new Error('ticket not found');
    round += 1;
    const next: Ticket = { ...ticket, version: ticket.version + 1, description: `${name} 第${round}轮`, updatedAt: new Date(Date.parse(ticket.updatedAt) + 60_000).toISOString() };
    const event: TicketEvent = {
      id: `ev-${name}-${round}`,
      ticketId,
      seq: next.version,
      at: next.updatedAt,
      actor: { userId: `u-${name}`, role: 'grid' },
      action: 'supervise',
      from: ticket.state,
      to: ticket.state,
      note: name,
    };
    prepared = { next, expectedVersion: ticket.version, event };
    reply(`ready ${ticket.version}`);
  } else if (command === 'go') {
    if (!prepared) throw new Error('not prepared');
    const p = prepared;
    prepared = null;
    try {
      await store.commitTransition({
        ...p,
        outbox: [
          {
            id: `ob-${name}-${round}`,
            recipientUserId: 'u-resident-1',
            ticketId,
            kind: 'status',
            title: '工单进展',
            body: name,
            data: {},
            createdAt: p.next.updatedAt,
            sentAt: null,
            readAt: null,
            attempts: 0,
            lastError: null,
          },
        ],
      });
      reply('ok');
    } catch (err) {
      if (err instanceof StoreConflictError) reply('conflict');
      else throw err;
    }
  } else if (command === 'exit') {
    store.close();
    process.exit(0);
  }
}
