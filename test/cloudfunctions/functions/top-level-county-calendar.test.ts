/**
 * The working-day calendar of a top-level created county (issue 19, a leftover of 4352b34/0106fc4):
 * a county the operator creates under no city is in no shipped region (shared/sla/regional-holidays.ts
 * finds none along its chain), so its deadlines count with the national calendar alone — not with
 * Ningxia's regional days off, which a county under Yinchuan inherits — until its own admin enters
 * its regional government's notice with admin.putWorkCalendar. 示例县 is a test fixture (test/fixtures/county).
 *
 * Whistled Tue 2026-05-26 10:00, 私搭乱建 (20 working days to resolve, shared/sla/policy.ts); the national
 * calendar (chinese-days) has 端午节 Fri 6-19 off:
 * - 示例县 before any notice: 5-27 … 6-18 are 17 working days, then 6-22, 6-23, 6-24 → due Wed 6-24 10:00;
 * - 永宁县 the same day: 古尔邦节 5-27, 5-28 off as well (the shipped Ningxia estimate) → due Fri 6-26;
 * - 示例县 after its admin enters 5-27…5-29 off: due Mon 6-29 10:00.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Identity } from '../../../shared/domain/roles';
import { identityOf, makeApp, newKey, PEOPLE, REPORT, type TestApp } from '../../support/app';
import { LIST_V1, listXlsx, SHILI_DOCUMENT } from '../../fixtures/county/shili-lists';

const CODE = 'deploy-time-secret-top-level-0001';
const OPERATOR: Identity = { userId: 'u-sl-first', openid: 'o-sl-first', grants: [] };
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/county', name)).toString('base64');

let app: TestApp;
afterEach(() => app.close());

type Answer = { ok: boolean; data?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const as = async (who: Identity, fn: typeof admin, action: string, data: unknown): Promise<Answer> => (await fn(app.deps, { identity: who }, { action, data })).envelope as Answer;
const ok = async (who: Identity, fn: typeof admin, action: string, data: unknown) => {
  const res = await as(who, fn, action, data);
  if (!res.ok) throw new Error(`${action}: ${res.error?.code} ${res.error?.message}`);
  return res.data;
};

/** 示例县 created top-level by bootstrap, brought live by its own admin; answers the admin and a street officer of 示例街道. */
async function topLevelShili(): Promise<{ countyAdmin: Identity; street: Identity }> {
  app = await makeApp();
  app.clock.set('2026-05-26T02:00:00.000Z'); // Tue 10:00 in China
  app.deps.config.bootstrapAdminCode = CODE;
  await app.store.putUser({ id: OPERATOR.userId, openid: OPERATOR.openid ?? null, name: '', phone: null, grants: [], demo: false });
  await ok(OPERATOR, admin, 'bootstrap', { code: CODE, name: '示例县管理员', jurisdiction: 'shili', create: { name: '示例县', level: 'county' } });
  const countyAdmin = identityOf((await app.store.getUser(OPERATOR.userId))!);
  await ok(countyAdmin, admin, 'importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: fixture('shili-units.csv') });
  const list = await ok(countyAdmin, admin, 'importList', { jurisdiction: 'shili', fileName: 'l.xlsx', contentBase64: (await listXlsx(LIST_V1)).toString('base64'), document: SHILI_DOCUMENT });
  await ok(countyAdmin, admin, 'activateList', { jurisdiction: 'shili', versionId: list.version.versionId, effectiveFrom: '2026-05-26' });
  await ok(countyAdmin, admin, 'putPropertyCompany', { id: 'pc-shili', name: '示例物业服务有限公司', jurisdiction: 'shili' });
  await ok(countyAdmin, admin, 'importEstates', { jurisdiction: 'shili', fileName: 'e.csv', contentBase64: fixture('shili-estates.csv') });
  const directory = await ok(countyAdmin, admin, 'directory', { jurisdiction: 'shili' });
  const township = (directory.townships as Array<{ id: string; name: string }>).find((t) => t.name === '示例街道');
  expect(township).toBeDefined();
  const street = { id: 'u-sl-street', name: '示例街道干部', phone: null, grants: [{ role: 'street' as const, jurisdiction: 'shili', streets: [township!.id] }] };
  await ok(countyAdmin, admin, 'putUser', street);
  return { countyAdmin, street: identityOf((await app.store.getUser(street.id))!) };
}

/** A 私搭乱建 report at 示例花园 whistled at once to its lead units by the street: its resolve due. */
async function resolveDueInShili(street: Identity): Promise<string | undefined> {
  const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, estateId: 'sl-shhy', category: 'illegal-building', description: '楼顶有人私自搭建彩钢板房', location: { lat: 38.4801, lng: 106.2102 }, idempotencyKey: newKey() });
  if (!submitted.ok) throw new Error(`submit: ${submitted.error?.code} ${submitted.error?.message}`);
  const id = submitted.data.ticket.id as string;
  const t = (await app.store.getTicket(id))!;
  expect(t.jurisdiction).toBe('shili');
  await ok(street, ticket as typeof admin, 'whistle', { ticketId: id, version: t.version, units: t.route.lead.map((u) => u.id), reason: '按清单派单' });
  return (await app.store.getTicket(id))?.deadlines.find((d) => d.step === 'resolve')?.due;
}

describe('a top-level created county counts working days with the national calendar until its admin enters a notice', () => {
  it('inherits no region: workCalendar answers none, and a whistle of Tue 5-26 is due Wed 6-24 (永宁县 the same day: Fri 6-26)', async () => {
    const { countyAdmin, street } = await topLevelShili();
    expect(await ok(countyAdmin, admin, 'workCalendar', { jurisdiction: 'shili', year: 2026 })).toMatchObject({ from: 'none', daysOff: [] });
    expect(await resolveDueInShili(street)).toBe('2026-06-24T02:00:00.000Z');

    // Beside it, a Yongning ticket of the same instant keeps Ningxia's shipped regional days off.
    const yn = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'illegal-building', description: '楼顶有人私自搭建彩钢板房', idempotencyKey: newKey() });
    const ynId = yn.data.ticket.id as string;
    for (const [action, data] of [['accept', {}], ['whistle', { units: ['yongning.zjj'], reason: '测试派单' }]] as const) {
      const current = (await app.store.getTicket(ynId))!;
      expect((await app.call(ticket, 'grid', action, { ticketId: ynId, version: current.version, ...data })).error).toBeUndefined();
    }
    expect((await app.store.getTicket(ynId))?.deadlines.find((d) => d.step === 'resolve')?.due).toBe('2026-06-26T02:00:00.000Z');
  });

  it('counts with the notice its admin enters (5-27…5-29 off → due Mon 6-29); another county’s admin may not enter one', async () => {
    const { countyAdmin, street } = await topLevelShili();
    const notice = { jurisdiction: 'shili', year: 2026, daysOff: ['2026-05-27', '2026-05-28', '2026-05-29'], workdays: [], source: '示例县所在地区人民政府关于2026年部分节假日安排的通知（测试用）' };
    const foreign = await as(identityOf(PEOPLE.admin), admin, 'putWorkCalendar', notice);
    expect(foreign.error?.code).toMatch(/^AUTH\./);
    expect(await ok(countyAdmin, admin, 'workCalendar', { jurisdiction: 'shili', year: 2026 })).toMatchObject({ from: 'none' });
    await ok(countyAdmin, admin, 'putWorkCalendar', notice);
    expect(await ok(countyAdmin, admin, 'workCalendar', { jurisdiction: 'shili', year: 2026 })).toMatchObject({ from: 'notice', daysOff: notice.daysOff });
    expect(await resolveDueInShili(street)).toBe('2026-06-29T02:00:00.000Z');
  });
});
