/**
 * Open311 on any binding (the local gateway or a CloudBase HTTP trigger): POST requests.json takes
 * api_key in the body only (issue 14). In a URL the key lands in access logs and proxy caches.
 */
import { handleOpen311, type Open311Config } from '../../../cloudfunctions/_app/open311';
import { ESTATE, makeApp, type TestApp } from '../../support/app';

const KEY = 'k-open311-test';
const CONFIG: Open311Config = { apiKey: KEY };

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

const body = {
  jurisdiction_id: 'yongning',
  service_code: 'parking',
  lat: String(ESTATE.location.lat),
  long: String(ESTATE.location.lng),
  description: '消防通道被私家车长期占用，救护车进不来',
};
const count = async () => (await app.store.queryTickets({}, { limit: 10 })).items.length;

it('refuses the right api_key in the query string and creates nothing', async () => {
  const res = await handleOpen311(app.deps, { method: 'POST', path: 'requests.json', query: { api_key: KEY }, body }, CONFIG);
  expect(res.status).toBe(400);
  expect(await count()).toBe(0);
});

it('accepts the key in the body', async () => {
  const res = await handleOpen311(app.deps, { method: 'POST', path: 'requests.json', query: {}, body: { ...body, api_key: KEY } }, CONFIG);
  expect(res.status).toBe(200);
  expect(await count()).toBe(1);
});
