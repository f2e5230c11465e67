/**
 * The grid queue's tab and search queries (issue 18 §4) on the Store port: countTickets counts what
 * queryTickets pages through for the same filter, and the search fields noPrefix (ticket number
 * prefix) and text (description contains). Every adapter (SQLite, CloudBase) runs this suite.
 */
import type { Ticket } from '../../shared/domain/ticket';
import type { Store, TicketFilter } from '../../shared/ports/store';
import { TAB_STATES } from '../../shared/queue/tabs';
import { PROPERTY_CONDUCT_CATEGORIES } from '../../shared/taxonomy/categories';
import { makeEvent, makeTicket, minutesAfter, nextVersion } from '../support/fixtures';
import type { OpenedStore } from './store.contract';

export function describeTicketSearchContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Ticket tab and search contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await cleanup();
    });

    async function create(overrides: Partial<Ticket>): Promise<Ticket> {
      const ticket = makeTicket(overrides);
      await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: `key-${ticket.id}`, outbox: [] });
      return ticket;
    }

    /** Every page of the filter (pages of 2, so the cursor is exercised), ids in order. */
    async function pageAll(filter: TicketFilter): Promise<string[]> {
      const out: string[] = [];
      let after: string | null = null;
      do {
        const page: { items: Ticket[]; next: string | null } = await store.queryTickets(filter, { limit: 2, after });
        out.push(...page.items.map((t) => t.id));
        after = page.next;
      } while (after);
      return out;
    }

    it('countTickets is the length of every page queryTickets gives for the same filter', async () => {
      const mine = 'yongning.e.tab-a';
      const a = await create({ estateId: mine, createdAt: minutesAfter(1) });
      const b = await create({ estateId: mine, createdAt: minutesAfter(2), state: 'whistled' });
      const c = await create({ estateId: mine, createdAt: minutesAfter(3), state: 'acknowledged' });
      const d = await create({ estateId: mine, createdAt: minutesAfter(4), state: 'on_site' });
      await create({ estateId: 'yongning.e.tab-b', createdAt: minutesAfter(5), state: 'whistled' });
      const handling: TicketFilter = { jurisdiction: 'yongning', estateIds: [mine], states: [...TAB_STATES.handling] };
      expect(await pageAll(handling)).toEqual([d.id, c.id, b.id]);
      expect(await store.countTickets(handling)).toBe(3);
      const pending: TicketFilter = { jurisdiction: 'yongning', estateIds: [mine], states: [...TAB_STATES.pending] };
      expect(await pageAll(pending)).toEqual([a.id]);
      expect(await store.countTickets(pending)).toBe(1);
      // The count follows a transition: whistling the 待受理 ticket moves it to 处理中.
      await store.commitTransition({ next: nextVersion(a, { state: 'whistled' }), expectedVersion: a.version, event: makeEvent(nextVersion(a, { state: 'whistled' }), { action: 'whistle', from: 'submitted', to: 'whistled' }), outbox: [] });
      expect(await store.countTickets(pending)).toBe(0);
      expect(await store.countTickets(handling)).toBe(4);
      expect(await pageAll(handling)).toEqual([d.id, c.id, b.id, a.id]);
    });

    it('an empty scope counts none, never all', async () => {
      await create({});
      for (const filter of [{ estateIds: [] }, { states: [] }, { unitIds: [] }] satisfies TicketFilter[]) expect(await store.countTickets(filter)).toBe(0);
    });

    it('noPrefix finds a number whole or by its beginning, and nothing else', async () => {
      const x = await create({ no: 'YN-20261206-0004', createdAt: minutesAfter(1) });
      const y = await create({ no: 'YN-20261206-0012', createdAt: minutesAfter(2) });
      const z = await create({ no: 'YN-20261207-0001', createdAt: minutesAfter(3) });
      await create({ no: 'YC-20261206-0004', createdAt: minutesAfter(4), jurisdiction: 'yinchuan' });
      expect(await pageAll({ noPrefix: 'YN-20261206-0004' })).toEqual([x.id]);
      expect(await pageAll({ noPrefix: 'YN-20261206-00' })).toEqual([y.id, x.id]);
      expect(await pageAll({ noPrefix: 'YN-2026120' })).toEqual([z.id, y.id, x.id]);
      expect(await store.countTickets({ noPrefix: 'YN-20261206' })).toBe(2);
      // The typed text is data: a pattern character matches only itself.
      expect(await pageAll({ noPrefix: 'YN-.*' })).toEqual([]);
      expect(await pageAll({ noPrefix: 'YN-20261206-0004', jurisdiction: 'yinchuan' })).toEqual([]);
    });

    // Always within a scope (a jurisdiction, an estate): a description is not indexed, the scope is.
    it('text finds tickets whose description contains it, within the other fields of the filter', async () => {
      const wire = await create({ description: '3号楼2单元有人从窗户拉电线给电动车充电', createdAt: minutesAfter(1) });
      const lane = await create({ description: '消防通道被私家车堵住（5号楼北侧）', createdAt: minutesAfter(2) });
      const other = await create({ description: '5号楼门口电动车乱停', createdAt: minutesAfter(3), estateId: 'yongning.e.other' });
      expect(await pageAll({ jurisdiction: 'yongning', text: '电动车' })).toEqual([other.id, wire.id]);
      expect(await pageAll({ text: '电动车', estateIds: [wire.estateId as string] })).toEqual([wire.id]);
      expect(await store.countTickets({ text: '电动车', estateIds: [wire.estateId as string] })).toBe(1);
      // Brackets and dots are text, not a pattern.
      expect(await pageAll({ jurisdiction: 'yongning', text: '（5号楼北侧）' })).toEqual([lane.id]);
      expect(await pageAll({ jurisdiction: 'yongning', text: '5.楼' })).toEqual([]);
      expect(await pageAll({ jurisdiction: 'yongning', text: '垃圾' })).toEqual([]);
    });

    // A property company's 全部工单 (DESIGN.md §2: complaints about a company never reach it): the
    // list and its count leave out its conduct complaints and those naming no company, not another company's.
    it('withoutConductOf leaves out the conduct complaints about the company or no company, in the pages and the count', async () => {
      const own = 'yongning.pc.jinxiu';
      const estate = 'yongning.e.conduct';
      const about = (category: Ticket['category'], propertyCompanyId: string | null, minute: number) => create({ estateId: estate, category, propertyCompanyId, createdAt: minutesAfter(minute) });
      const wire = await about('fly-wire', own, 1);
      await about('illegal-fee', own, 2);
      await about('fee-coercion', null, 3);
      const previous = await about('service-exit', 'yongning.pc.previous', 4);
      const wireNoCompany = await about('fly-wire', null, 5);
      const filter: TicketFilter = { estateIds: [estate], withoutConductOf: { categories: [...PROPERTY_CONDUCT_CATEGORIES], companyId: own } };
      expect(await pageAll(filter)).toEqual([wireNoCompany.id, previous.id, wire.id]);
      expect(await store.countTickets(filter)).toBe(3);
      // A company unknown to its grant sees none of the conduct complaints.
      const unknown: TicketFilter = { estateIds: [estate], withoutConductOf: { categories: [...PROPERTY_CONDUCT_CATEGORIES], companyId: null } };
      expect(await pageAll(unknown)).toEqual([wireNoCompany.id, wire.id]);
      expect(await store.countTickets(unknown)).toBe(2);
      // Without it, all five.
      expect(await store.countTickets({ estateIds: [estate] })).toBe(5);
    });
  });
}
