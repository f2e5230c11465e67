/**
 * The store side of the staff queues (issue 18 §4), run on every adapter (SQLite, CloudBase):
 * - Ticket.lastReply is written in the same commitTransition as the reply's event and read back by
 *   getTicket and queryTickets (the queue rows); a later reply replaces it whole (CloudBase `_.set`,
 *   never a field-by-field merge that would keep the previous reply's unit);
 * - listOwnerGroups({ estateIds }) gives the groups of several estates in one query; an empty list none.
 */
import type { Ticket } from '../../shared/domain/ticket';
import { applyTransition } from '../../shared/lifecycle';
import type { Store } from '../../shared/ports/store';
import { ESTATE_ID, makeEvent, makeOwnerGroup, makeTicket, minutesAfter } from '../support/fixtures';
import type { OpenedStore } from './store.contract';

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

export function describeStaffQueueContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Staff queue store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await cleanup();
    });

    /** Applies a real lifecycle step (shared/lifecycle) and commits it as the use cases do. */
    async function step(current: Ticket, seq: number, cmd: Parameters<typeof applyTransition>[1]): Promise<Ticket> {
      const { ticket: next, event } = applyTransition(current, cmd, { eventId: `ev-${current.id}-${seq}`, seq });
      await store.commitTransition({ next, expectedVersion: current.version, event, outbox: [] });
      return next;
    }

    it('lastReply is committed with the reply, read back on the ticket and its queue row, and replaced whole', async () => {
      const created = makeTicket({ state: 'acknowledged', category: 'public-order', priority: 'normal', assignedUnits: ['yongning.gaj'], acknowledgedUnits: ['yongning.gaj'], holder: { kind: 'units', ids: ['yongning.gaj'] } });
      await store.createTicket({ ticket: created, event: makeEvent(created), idempotencyKey: `key-${created.id}`, outbox: [] });
      const police = { userId: 'u-police', role: 'police' as const, unitId: 'yongning.gaj', name: '民警周' };
      const replied = await step(created, 2, { action: 'reply', actor: police, at: minutesAfter(10), input: { reply: '已联系当事人，今晚到场调解' } });
      const expected = { action: 'reply', side: 'staff', label: '公开回复', role: 'police', unitId: 'yongning.gaj', unitName: '县公安局', text: '已联系当事人，今晚到场调解', at: minutesAfter(10), seq: 2 };
      expect((await store.getTicket(created.id))?.lastReply).toEqual(expected);
      const row = (await store.queryTickets({ estateIds: [ESTATE_ID], states: ['acknowledged'] }, { limit: 10 })).items.find((t) => t.id === created.id);
      expect(row?.lastReply).toEqual(expected);
      // The event is in the same write: the timeline holds the reply.
      expect((await store.listEvents(created.id)).map((e) => e.action)).toEqual(['submit', 'reply']);

      // An internal note leaves it; a reply of the other side (no unit) replaces it with nothing left over.
      const supervised = await step(replied, 3, { action: 'supervise', actor: { userId: 'u-street', role: 'street' }, at: minutesAfter(20), input: { note: '请尽快处理' } });
      expect((await store.getTicket(created.id))?.lastReply).toEqual(expected);
      const residentReply = { action: 'rate', side: 'resident' as const, label: '居民评价', role: 'resident' as const, text: '处理及时', at: minutesAfter(30), seq: 4 };
      const next = { ...supervised, version: supervised.version + 1, updatedAt: minutesAfter(30), lastReply: residentReply };
      await store.commitTransition({ next, expectedVersion: supervised.version, event: makeEvent(next, { action: 'rate', from: 'acknowledged', to: 'acknowledged', seq: 4 }), outbox: [] });
      const stored = await store.getTicket(created.id);
      expect(stored?.lastReply).toEqual(residentReply);
      expect(stored?.lastReply).not.toHaveProperty('unitId');
    });

    it('a ticket nobody replied to has no lastReply', async () => {
      const created = makeTicket({});
      await store.createTicket({ ticket: created, event: makeEvent(created), idempotencyKey: `key-${created.id}`, outbox: [] });
      expect((await store.getTicket(created.id))?.lastReply).toBeUndefined();
    });

    it('listOwnerGroups({ estateIds }) gives the groups of those estates only; an empty list gives none', async () => {
      const a = makeOwnerGroup();
      const b = makeOwnerGroup({ estateId: 'yongning.e.other' });
      const c = makeOwnerGroup({ estateId: 'yongning.e.third', active: false });
      for (const g of [a, b, c]) await store.putOwnerGroup(g);
      expect(byId(await store.listOwnerGroups({ estateIds: [ESTATE_ID, 'yongning.e.third'] }))).toEqual(byId([a, c]));
      expect(byId(await store.listOwnerGroups({ estateIds: ['yongning.e.other', 'yongning.e.none'] }))).toEqual([b]);
      expect(await store.listOwnerGroups({ estateIds: [] })).toEqual([]);
    });
  });
}
