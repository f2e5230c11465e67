/**
 * Issue 18 §2 on 工作台: 未读交办 stopped at 100 (the backend read 100 unread hand-overs), and the
 * counters at the 200 newest tickets of everything. The page runs against the real `ticket`
 * function on SQLite (fetch is the only fake) with the audit's estate: 201 open tickets (two 2 days
 * past triage) under 300 newer closed ones, 150 unread hand-overs about open tickets, 20 about closed.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { report } from '../../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../../../cloudfunctions/_app/router';
import { SCOPE_READ } from '../../../../../cloudfunctions/_app/usecases/staff';
import StaffHomePage from '../../../../../miniprogram/staff/pages/home/index';
import type { Store } from '../../../../../shared/ports/store';
import { makeApp, PEOPLE, type TestApp } from '../../../../support/app';
import { OPEN, seedAtScale, UNREAD_OPEN } from '../../../../support/scale-tickets';
import { setPageQuery } from '../../../support/taro';
import { click, settle, signIn } from '../../support';

jest.setTimeout(60_000);

const FUNCTIONS: Record<string, FunctionHandler> = { report, ticket };
const defaults = { ...SCOPE_READ };

let app: TestApp<Store>;

beforeEach(async () => {
  app = (await makeApp()) as TestApp<Store>;
  await seedAtScale(app);
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: { body?: unknown }) => {
    const name = String(input).replace(/^\/api\//, '');
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`no function for ${name}`);
    const { action, data } = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    return { ok: true, status: 200, json: async () => app.call(fn, 'grid', action, data) };
  });
  signIn({ id: PEOPLE.grid.id, name: PEOPLE.grid.name, roles: ['grid'] });
  setPageQuery({}, '/staff/pages/home/index');
});
afterEach(async () => {
  cleanup();
  Object.assign(SCOPE_READ, defaults);
  await app.close();
});

const counter = (key: string) => document.querySelector(`.staff-count--${key} .staff-count__value`)?.textContent;

describe('工作台 at scale (real ticket function, SQLite)', () => {
  it('shows the true counts: 新工单 201, 已超时 2, 未读交办 150; reading the 100 listed brings in the other 50', async () => {
    render(<StaffHomePage />);
    await settle(6);
    expect(counter('new')).toBe(String(OPEN));
    expect(counter('overdue')).toBe('2');
    expect(counter('unread')).toBe(String(UNREAD_OPEN));
    expect(document.querySelectorAll('.staff-message')).toHaveLength(100);

    await click('全部标为已读');
    await settle(6);
    expect(counter('unread')).toBe('50');
    expect(document.querySelectorAll('.staff-message')).toHaveLength(50);
  });

  it('a count the backend stopped at its safety cap reads 100+, not 100 (cap lowered to 2 pages of 50)', async () => {
    SCOPE_READ.pageSize = 50;
    SCOPE_READ.maxPages = 2;
    render(<StaffHomePage />);
    await settle(6);
    expect(counter('new')).toBe('100+');
    expect(screen.getByText('新工单')).toBeTruthy();
  });
});
