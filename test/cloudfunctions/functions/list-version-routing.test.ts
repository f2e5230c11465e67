import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket as ticketFn } from '../../../cloudfunctions/_app/functions/ticket';
import { REGISTRY } from '../../../shared/jurisdictions';
import { ListVersionSchema, type ListVersion } from '../../../shared/jurisdictions/versions';
import { makeApp, newKey, REPORT, type TestApp } from '../../support/app';

/**
 * Issue 19: "When the list is revised, the new version routes new tickets from its effective date.
 * Old tickets keep the basis they were routed by, because a 月通报 must not change retroactively."
 * Yongning's 二(二)1(6) (飞线充电) is led by 县住建局 and 县应急管理局; the revision (a fixture, not a
 * real document) gives the lead to 县消防救援大队 from 2026-11-01 (China time).
 */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const yongning = REGISTRY.list('yongning')!;

function revision(overrides: Partial<ListVersion> = {}): ListVersion {
  return ListVersionSchema.parse({
    jurisdiction: 'yongning',
    versionId: 'yongning.2026-rev',
    status: 'active',
    effectiveFrom: '2026-11-01',
    sources: ['永宁县物业管理责任清单(修订)'],
    rows: yongning.rows.map((row) =>
      row.id === 'yongning.zhizang-6'
        ? {
            ...row,
            id: 'yongning.2026-rev.6',
            basis: [{ source: '永宁县物业管理责任清单(修订)', item: '序号6', text: '飞线充电由县消防救援大队牵头整治。' }],
            lead: ['yongning.xf', 'yongning.yjgl'],
            responsible: ['yongning.gaj', 'yongning.zhzf', 'yongning.zjj', 'township'],
          }
        : row,
    ),
    createdAt: bj('2026-10-25 09:00'),
    createdBy: 'u-admin',
    activatedAt: bj('2026-10-26 09:00'),
    activatedBy: 'u-admin',
    ...overrides,
  });
}

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

async function submitAt(at: string) {
  app.clock.set(at);
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`${res.error?.code} ${res.error?.message}`);
  return (await app.store.getTicket(res.data.ticket.id as string))!;
}

async function whistleLeads(id: string) {
  const t = (await app.store.getTicket(id))!;
  const accepted = await app.call(ticketFn, 'grid', 'accept', { ticketId: id, version: t.version });
  if (!accepted.ok) throw new Error(`accept: ${accepted.error?.code}`);
  const after = (await app.store.getTicket(id))!;
  const res = await app.call(ticketFn, 'grid', 'whistle', { ticketId: id, version: after.version, units: after.route.lead.map((u) => u.id) });
  if (!res.ok) throw new Error(`whistle: ${res.error?.code} ${res.error?.message}`);
}

describe('list versions route tickets from their effective date (issue 19)', () => {
  it('with no stored version the bundled list routes, and the ticket records its row and version', async () => {
    const t = await submitAt(bj('2026-11-02 10:00'));
    expect(t.route.lead.map((u) => u.name)).toEqual(['县住建局', '县应急管理局']);
    expect(t.route.list).toEqual({ listId: 'yongning', versionId: 'yongning.bundled', rowId: 'yongning.zhizang-6' });
  });

  it('a draft routes nothing; an active version routes from its effective day (China time), not the evening before', async () => {
    await app.store.putListVersion(revision({ status: 'draft', effectiveFrom: null, activatedAt: undefined, activatedBy: undefined }));
    expect((await submitAt(bj('2026-11-02 10:00'))).route.list?.versionId).toBe('yongning.bundled');

    await app.store.putListVersion(revision());
    const evening = await submitAt(bj('2026-10-31 23:59'));
    expect(evening.route.list?.versionId).toBe('yongning.bundled');
    const morning = await submitAt(bj('2026-11-01 00:00'));
    expect(morning.route.list).toEqual({ listId: 'yongning', versionId: 'yongning.2026-rev', rowId: 'yongning.2026-rev.6' });
    expect(morning.route.lead.map((u) => u.name)).toEqual(['县消防救援大队', '县应急管理局']);
    expect(morning.route.basis).toEqual([{ source: '永宁县物业管理责任清单(修订)', item: '序号6', text: '飞线充电由县消防救援大队牵头整治。' }]);
  });

  it('the first ticket keeps its basis, and the October bulletin is the same before and after the new version', async () => {
    const october = await submitAt(bj('2026-10-20 10:00'));
    await whistleLeads(october.id);
    app.clock.set(bj('2026-11-02 10:00'));
    const bulletin = async () => {
      const res = await app.call(ticketFn, 'leadership', 'bulletin', { jurisdiction: 'yongning', month: '2026-10' });
      if (!res.ok) throw new Error(`bulletin: ${res.error?.code}`);
      return res.data.tables as { departments: Array<{ name: string }> };
    };
    const before = await bulletin();
    expect(before.departments.map((d) => d.name).sort()).toEqual(['县住建局', '县应急管理局'].sort());

    await app.store.putListVersion(revision());
    const november = await submitAt(bj('2026-11-02 10:00'));
    await whistleLeads(november.id);
    expect((await app.store.getTicket(november.id))!.assignedUnits).toEqual(['yongning.xf', 'yongning.yjgl']);

    expect((await app.store.getTicket(october.id))!.route).toEqual(october.route);
    expect(october.route.basis[0]!.item).toBe('二(二)1(6)');
    expect(await bulletin()).toEqual(before);
  });

  it('a stored version this release cannot load (a unit gone from the directory) is left out and logged, not a failed report', async () => {
    const broken = revision({ versionId: 'yongning.2026-broken' });
    broken.rows = broken.rows.map((r) => (r.id === 'yongning.2026-rev.6' ? { ...r, lead: ['yongning.gone'] } : r));
    await app.store.putListVersion(broken);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const t = await submitAt(bj('2026-11-02 10:00'));
      expect(t.route.list?.versionId).toBe('yongning.bundled');
      expect(logged.mock.calls[0]?.[0]).toBe('[lists] versions left out: yongning.2026-broken');
    } finally {
      logged.mockRestore();
    }
  });
});
