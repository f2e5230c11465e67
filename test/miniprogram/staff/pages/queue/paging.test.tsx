/**
 * Issue 18 §2: the staff queue page asked `limit: 100` once and stated 共 N 件 for the whole list,
 * so past the 100th row the tickets it counted could not be reached. Here the page runs against the
 * real `ticket` function on SQLite (fetch is the only fake and hands each call to the handler) with
 * the audit's estate: 201 open tickets, the two oldest two days past triage, under 300 newer closed
 * ones. 加载更多 reads page after page until the list holds the 201 the page states.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { report } from '../../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../../../cloudfunctions/_app/router';
import { resetEstateNames } from '../../../../../miniprogram/staff/lib/api';
import QueuePage from '../../../../../miniprogram/staff/pages/queue/index';
import type { Store } from '../../../../../shared/ports/store';
import { makeApp, PEOPLE, type TestApp } from '../../../../support/app';
import { OPEN, seedAtScale, type Seeded } from '../../../../support/scale-tickets';
import { setPageQuery } from '../../../support/taro';
import { click, settle, signIn } from '../../support';

jest.setTimeout(60_000);

const FUNCTIONS: Record<string, FunctionHandler> = { report, ticket };

let app: TestApp<Store>;
let seeded: Seeded;
const queueCalls: unknown[] = [];

beforeAll(async () => {
  app = (await makeApp()) as TestApp<Store>;
  seeded = await seedAtScale(app);
});
afterAll(() => app.close());

beforeEach(() => {
  queueCalls.length = 0;
  resetEstateNames();
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: { body?: unknown }) => {
    const name = String(input).replace(/^\/api\//, '');
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`no function for ${name}`);
    const { action, data } = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    if (name === 'ticket' && action === 'queue') queueCalls.push(data);
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
});
