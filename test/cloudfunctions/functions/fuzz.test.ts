import fc from 'fast-check';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { makeApp, newKey, PEOPLE, REPORT, type Person, type TestApp } from '../../support/app';

/**
 * Every action of every user-facing function, fed malformed shapes, huge strings and wrong types
 * (fast-check): each answer is a refusal with a stable 4xx-style code, never INTERNAL, and nothing
 * is written.
 */
const REFUSALS = /^(INPUT\.INVALID|NOT_FOUND|AUTH\.|TICKET\.|SLA\.|RATE\.|CONTENT\.|ROUTE\.|FILE\.|ACTION\.UNKNOWN)/;
const FUNCTIONS = [report, ticket, admin];
const WHO: Person[] = ['resident', 'grid', 'housing', 'street', 'admin'];

let app: TestApp;
let ticketId: string;
beforeAll(async () => {
  app = await makeApp({ reportsPerHour: 10_000 });
  ticketId = (await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() })).data.ticket.id;
});
afterAll(() => app.close());

async function snapshot() {
  const tickets = (await app.store.queryTickets({}, { limit: 1000 })).items;
  const events = await app.store.listEventsFor(tickets.map((t) => t.id));
  const users = await app.store.listUsers({});
  const estates = await app.store.listEstates({});
  return JSON.stringify({ tickets, events: events.length, users, estates });
}

const huge = fc.string({ minLength: 5_000, maxLength: 20_000 });
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string(),
  huge,
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.anything(), { maxKeys: 5 }),
);
/** Objects shaped like real inputs but with wrong types in every field. */
const shaped = fc.record(
  {
    ticketId: fc.oneof(junk, fc.constant('nope'), fc.constant('x'.repeat(500))),
    version: junk,
    estateId: junk,
    category: junk,
    description: fc.oneof(junk, huge),
    units: junk,
    reason: fc.oneof(junk, huge),
    photos: junk,
    location: junk,
    idempotencyKey: junk,
    score: junk,
    id: junk,
    grants: junk,
    openid: fc.string(),
  },
  { requiredKeys: [] },
);

const cases = FUNCTIONS.flatMap((fn) => fn.actions.map((action) => [fn.functionName, action, fn] as const));

describe.each(cases)('%s.%s', (_name, action, fn) => {
  it('refuses malformed input with a stable code and writes nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, shaped), fc.constantFrom(...WHO), async (data, who) => {
        const res = await app.call(fn, who, action, data);
        if (res.ok) {
          // A few read actions accept an empty or partial object (e.g. listMine with defaults): they must not write.
          return;
        }
        expect(res.error!.code).toMatch(REFUSALS);
      }),
      { numRuns: 40, seed: 20261123 },
    );
    expect(await snapshot()).toBe(before);
  });
});

it('covers every action of the three user-facing functions', () => {
  expect(cases.length).toBe(report.actions.length + ticket.actions.length + admin.actions.length);
  expect(ticketId).toBeTruthy();
  expect(Object.keys(PEOPLE).length).toBeGreaterThan(5);
});
