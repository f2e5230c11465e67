/**
 * lib/api.ts loadEstates against the real `report` function (real use case, real SQLite store;
 * fetch is the only fake and hands each call to the handler). The staff screens name estates and
 * offer them in pickers from this list; report.estates answers 100 a page, and a deployment has
 * hundreds, so the list follows `next` to the end. Before, a screen knew the first 100 by name only:
 * the queue row of a ticket in the 101st estate showed its id.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../../../cloudfunctions/_app/router';
import { loadEstateNames, loadEstates, resetEstateNames } from '../../../../miniprogram/staff/lib/api';
import QueuePage from '../../../../miniprogram/staff/pages/queue/index';
import type { Estate } from '../../../../shared/domain/directory';
import { ESTATE, makeApp, newKey, OTHER_ESTATE, PEOPLE, REPORT, type TestApp } from '../../../support/app';
import { setPageQuery } from '../../support/taro';
import { settle, signIn } from '../support';

const FUNCTIONS: Record<string, FunctionHandler> = { report, ticket };

/** 150 estates whose names sort before 锦绣花园 (安 an < 锦 jin). */
const MORE_ESTATES: Estate[] = Array.from({ length: 150 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { ...ESTATE, id: `yn-anju-${n}`, name: `安居小区${n}`, sceneCode: `yn-anju-${n}`, propertyCompanyId: null, propertyInfo: null };
});

let app: TestApp;
const calls: Array<{ fn: string; action: string }> = [];

beforeEach(async () => {
  app = await makeApp();
  for (const e of MORE_ESTATES) await app.store.putEstate(e);
  calls.length = 0;
  resetEstateNames();
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: { body?: unknown }) => {
    const name = String(input).replace(/^\/api\//, '');
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`no function for ${name}`);
    const { action, data } = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    calls.push({ fn: name, action });
    return { ok: true, status: 200, json: async () => app.call(fn, 'grid', action, data) };
  });
});

afterEach(async () => {
  cleanup();
  await app.close();
});

describe('loadEstates on the real report function', () => {
  it('reads every estate of the deployment, page after page, once per app run', async () => {
    const all = await loadEstates();
    expect(all).toHaveLength(152);
    expect(new Set(all.map((e) => e.id))).toEqual(new Set([ESTATE.id, OTHER_ESTATE.id, ...MORE_ESTATES.map((e) => e.id)]));
    expect((await loadEstateNames()).get(ESTATE.id)).toBe('锦绣花园');
    // Two pages of 100, then kept: the names call asked nothing more.
    expect(calls.filter((c) => c.fn === 'report' && c.action === 'estates')).toHaveLength(2);
  });

  it('the grid worker’s queue names the estate of a ticket past the 100th by name', async () => {
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(submitted.ok).toBe(true);
    signIn({ id: PEOPLE.grid.id, name: PEOPLE.grid.name, roles: ['grid'] });
    setPageQuery({ view: 'grid' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle(6);
    expect(screen.getByText(new RegExp(`锦绣花园 · ${submitted.data.ticket.no}`))).toBeTruthy();
    expect(document.body.textContent).not.toContain(`${ESTATE.id} · `);
  });
});
