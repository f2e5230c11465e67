/**
 * Issue 18 §2: the staff queue page asked `limit: 100` once and stated 共 N 件 for the whole list,
 * so past the 100th row the tickets it counted could not be reached. Here the page runs against the
 * real `ticket` function on SQLite (fetch is the only fake and hands each call to the handler) with
 * the audit's estate: 201 open tickets, the two oldest two days past triage, under 300 newer closed
 * ones. 加载更多 reads page after page until the list holds the 201 the page states.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { report } from '../../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../../../cloudfunctions/_app/router';
import { resetEstateNames } from '../../../../../miniprogram/staff/lib/api';
import QueuePage from '../../../../../miniprogram/staff/pages/queue/index';
import type { Store } from '../../../../../shared/ports/store';
import { makeApp, PEOPLE, type TestApp } from '../../../../support/app';
import { CLOSED, OPEN, seedAtScale, type Seeded } from '../../../../support/scale-tickets';
import { reachBottom, setPageQuery } from '../../../support/taro';
import { click, settle, signIn } from '../../support';

jest.setTimeout(60_000);

const FUNCTIONS: Record<string, FunctionHandler> = { report, ticket };

let app: TestApp<Store>;
let seeded: Seeded;
const queueCalls: unknown[] = [];
/** The `next` of each queue answer, in order: the cursor the following call must carry. */
const queueNexts: Array<string | null> = [];
/** While set, queue answers wait for it: a page read still in flight. */
let hold: Promise<void> | null = null;

beforeAll(async () => {
  app = (await makeApp()) as TestApp<Store>;
  seeded = await seedAtScale(app);
});
afterAll(() => app.close());

beforeEach(() => {
  queueCalls.length = 0;
  queueNexts.length = 0;
  hold = null;
  resetEstateNames();
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: { body?: unknown }) => {
    const name = String(input).replace(/^\/api\//, '');
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`no function for ${name}`);
    const { action, data } = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    if (name === 'ticket' && action === 'queue') {
      queueCalls.push(data);
      if (hold) await hold;
      const answer = await app.call(fn, 'grid', action, data);
      queueNexts.push((answer.data as { next?: string | null } | undefined)?.next ?? null);
      return { ok: true, status: 200, json: async () => answer };
    }
    return { ok: true, status: 200, json: async () => app.call(fn, 'grid', action, data) };
  });
  signIn({ id: PEOPLE.grid.id, name: PEOPLE.grid.name, roles: ['grid'] });
  // The page's countdowns read the same instant the backend's clock stands at.
  jest.spyOn(Date, 'now').mockImplementation(() => Date.parse(app.clock.now()));
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

const rowIds = () => [...document.querySelectorAll<HTMLElement>('.ticket-row')].map((r) => r.textContent ?? '');

describe('staff queue page pages through its whole list (real ticket function, SQLite)', () => {
  it('新工单: 共 201 件, 100 rows, then 加载更多 twice reaches all 201, each ticket once', async () => {
    setPageQuery({ view: 'new' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle(6);
    expect(screen.getByText(`共 ${OPEN} 件，其中 2 件已超时`)).toBeTruthy();
    expect(rowIds()).toHaveLength(100);
    expect(screen.getByText(`加载更多（已显示 100 / ${OPEN} 件）`)).toBeTruthy();

    await click(`加载更多（已显示 100 / ${OPEN} 件）`);
    await settle();
    expect(rowIds()).toHaveLength(200);
    await click(`加载更多（已显示 200 / ${OPEN} 件）`);
    await settle();
    expect(rowIds()).toHaveLength(OPEN);
    // The whole list is on the page: no more to load, and every open ticket's number shows once.
    expect(screen.queryByText(/加载更多/)).toBeNull();
    const text = document.body.textContent ?? '';
    for (const id of seeded.open) {
      const no = (await app.store.getTicket(id))!.no;
      expect(text.split(no).length - 1).toBe(1);
    }
    // The second and third calls carried the backend's cursor.
    expect(queueCalls).toEqual([
      { view: 'new', limit: 100 },
      { view: 'new', limit: 100, after: 'o:100' },
      { view: 'new', limit: 100, after: 'o:200' },
    ]);
  });

  it('已超时: the two old overdue tickets, whole on the first page, no 加载更多', async () => {
    setPageQuery({ view: 'overdue' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle(6);
    expect(screen.getByText('共 2 件，其中 2 件已超时')).toBeTruthy();
    expect(rowIds()).toHaveLength(2);
    expect(screen.queryByText(/加载更多/)).toBeNull();
  });

  /** The estate's every ticket: the seed's open and closed ones and the rejected one they were cloned from. */
  const ALL = OPEN + CLOSED + 1;

  it('全部工单: 共 502 件, newest first; each reach of the bottom reads the next page once, with the store cursor, not again while one is in flight', async () => {
    setPageQuery({ view: 'all' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle(6);
    expect(screen.getByText(new RegExp(`^共 ${ALL} 件`))).toBeTruthy();
    expect(rowIds()).toHaveLength(100);
    // Newest first: the newest closed ticket (scale-500) leads.
    expect(rowIds()[0]).toContain('YN-SCALE-0500');

    // Two reaches in one tick (the platform fired twice before the page re-rendered): one read.
    await act(async () => {
      reachBottom();
      reachBottom();
    });
    await settle();
    expect(queueCalls).toHaveLength(2);
    expect(rowIds()).toHaveLength(200);

    // A reach while the next page is still being read (the page rendered meanwhile): no second read.
    let release: () => void = () => undefined;
    hold = new Promise<void>((resolve) => (release = resolve));
    await act(async () => reachBottom());
    await settle();
    expect(queueCalls).toHaveLength(3);
    await act(async () => reachBottom());
    await settle();
    expect(queueCalls).toHaveLength(3);
    hold = null;
    release();
    await settle();
    expect(rowIds()).toHaveLength(300);

    // Further reaches until the list is whole; then a reach reads nothing.
    for (let i = 0; i < 10 && screen.queryByText(/加载更多/); i += 1) {
      await act(async () => reachBottom());
      await settle();
    }
    expect(rowIds()).toHaveLength(ALL);
    const calls = queueCalls.length;
    await act(async () => reachBottom());
    await settle();
    expect(queueCalls).toHaveLength(calls);
    expect(calls).toBe(Math.ceil(ALL / 100));
    // Each call after the first carried the cursor the one before it answered.
    queueCalls.slice(1).forEach((call, i) => expect(call).toEqual({ view: 'all', limit: 100, after: queueNexts[i] }));
    const text = document.body.textContent ?? '';
    for (const id of seeded.open) {
      const no = (await app.store.getTicket(id))!.no;
      expect(text.split(no).length - 1).toBe(1);
    }
  });
});
