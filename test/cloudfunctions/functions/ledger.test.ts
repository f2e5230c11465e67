import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { ESTATE, makeApp, newKey, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../support/app';

/** The 九不准 ledger through the functions: who confirms, the ladder at 1–4 items, and what a company sees. */
let app: TestApp;
beforeEach(async () => {
  app = await makeApp({ reportsPerHour: 1000 });
  await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
  await app.store.putPropertyCompany({ id: 'pc-other', name: '望远物业服务有限公司', jurisdiction: 'yongning' });
});
afterEach(() => app.close());

const DESCRIPTION = '我是5号楼的王五，物业擅自把停车费从100元涨到150元';
const NOTE = '经核实，停车费上调未经备案';

async function submit(category = 'illegal-fee', estateId = ESTATE.id) {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, estateId, description: DESCRIPTION, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
  return res.data.ticket as { id: string; no: string; version: number };
}

const confirm = (who: AnyPerson, ticketId: string, item: number, note = NOTE) => app.call(ticket, who, 'confirmViolation', { ticketId, item, note });
const ledgerOf = (who: AnyPerson, data: Record<string, unknown> = { year: 2026 }) => app.call(ticket, who, 'ledger', data);

describe('confirming a 九不准 breach from a ticket', () => {
  it('a street officer of the ticket’s street confirms: stored in the ledger and on the timeline, no state change', async () => {
    const t = await submit();
    const before = (await app.store.getTicket(t.id))!;
    const res = await confirm('street', t.id, 7);
    expect(res.error).toBeUndefined();
    expect(res.data.violation).toMatchObject({ id: `v:${t.id}:7`, item: 7, ticketId: t.id, ticketNo: t.no, note: NOTE, confirmedBy: { userId: PEOPLE.street.id, role: 'street', unitId: ESTATE.townshipId } });
    expect(res.data.ledger).toMatchObject({ companyId: 'pc-hengan', year: 2026, count: 1, breaches: 1, ladder: { level: 1 } });
    const stored = await app.store.listViolations({ companyId: 'pc-hengan' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ year: 2026, jurisdiction: 'yongning', category: 'illegal-fee', estateId: ESTATE.id });
    expect(JSON.stringify(stored)).not.toContain(PEOPLE.resident.id);
    const after = (await app.store.getTicket(t.id))!;
    expect([after.state, after.version]).toEqual([before.state, before.version + 1]);
    const event = (await app.store.listEvents(t.id)).at(-1)!;
    expect(event).toMatchObject({ action: 'violation-confirmed', from: before.state, to: before.state, payload: { item: 7, companyId: 'pc-hengan' }, actor: { role: 'street' } });
    expect(event.note).toContain('“不准”擅自涨价、乱收费以及违规签订《物业服务合同》');
  });

  it('a 住建 officer confirms too, for the 住建局', async () => {
    const t = await submit('fee-coercion');
    const res = await confirm('housing', t.id, 9);
    expect(res.data.violation.confirmedBy).toMatchObject({ role: 'department', unitId: 'yongning.zjj' });
  });

  it('once per ticket and item; another item of the same ticket is a new entry', async () => {
    const t = await submit();
    await confirm('street', t.id, 7);
    expect((await confirm('housing', t.id, 7)).error?.code).toBe('LEDGER.ALREADY_CONFIRMED');
    expect((await confirm('street', t.id, 9)).ok).toBe(true);
    expect(await app.store.listViolations({})).toHaveLength(2);
  });

  it('refuses everyone else, and writes nothing', async () => {
    const t = await submit();
    expect((await confirm('otherStreet', t.id, 7)).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    for (const who of ['emergency', 'market', 'police', 'grid', 'leadership', 'admin', 'property', 'resident'] as const) {
      expect((await confirm(who, t.id, 7)).error?.code).toBe('AUTH.FORBIDDEN');
    }
    expect(await app.store.listViolations({})).toEqual([]);
    expect((await app.store.listEvents(t.id)).map((e) => e.action)).toEqual(['submit']);
  });

  it('refuses an item outside 1–9 and a ticket whose estate has no property company', async () => {
    const t = await submit();
    expect((await confirm('street', t.id, 10)).error?.code).toBe('INPUT.INVALID');
    expect((await confirm('street', t.id, 0)).error?.code).toBe('INPUT.INVALID');
    await app.store.putEstate({ ...ESTATE, id: 'yn-nopc', name: '无物业小区', sceneCode: 'yn-nopc', propertyCompanyId: null });
    const orphan = await submit('illegal-fee', 'yn-nopc');
    expect((await confirm('street', orphan.id, 7)).error?.code).toBe('LEDGER.NO_COMPANY');
  });
});

describe('the ladder through the ledger', () => {
  it('1, 2, 3 and 4 distinct items; the same item twice counts once', async () => {
    const steps: Array<[number, number, number]> = []; // [item confirmed, count, level]
    for (const item of [7, 7, 9, 5, 1]) {
      const t = await submit();
      const res = await confirm('street', t.id, item);
      steps.push([item, res.data.ledger.count, res.data.ledger.ladder.level]);
    }
    expect(steps).toEqual([
      [7, 1, 1],
      [7, 1, 1],
      [9, 2, 2],
      [5, 3, 3],
      [1, 4, 4],
    ]);
    const l = (await ledgerOf('leadership')).data;
    const company = l.companies[0];
    expect(company).toMatchObject({ companyId: 'pc-hengan', companyName: '恒安物业服务有限公司', count: 4, breaches: 5 });
    expect(company.items.map((i: { item: number; entries: unknown[] }) => [i.item, i.entries.length])).toEqual([
      [1, 1],
      [5, 1],
      [7, 2],
      [9, 1],
    ]);
    expect(company.ladder.step.threshold).toBe('累计违反4条及以上');
    expect(company.ladder.measures.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining(['约谈企业负责人', '物业服务质量星级化评定采取“降星”', '依法清退所服务小区', '纳入物业行业“黑名单”管理', '依法限制承接物业服务项目', '发起联合惩戒']),
    );
    expect(l.nine).toHaveLength(9);
    expect(l.ladder.map((s: { level: number }) => s.level)).toEqual([1, 2, 3, 4]);
  });

  it('counts per Asia/Shanghai calendar year', async () => {
    app.clock.set('2026-12-31T15:30:00.000Z'); // 2026-12-31 23:30 Beijing
    await confirm('street', (await submit()).id, 7);
    app.clock.set('2026-12-31T16:30:00.000Z'); // 2027-01-01 00:30 Beijing
    const res = await confirm('street', (await submit()).id, 9);
    expect(res.data.ledger).toMatchObject({ year: 2027, count: 1 });
    expect((await ledgerOf('leadership', { year: 2026 })).data.companies[0]).toMatchObject({ count: 1, items: [{ item: 7 }] });
    expect((await ledgerOf('leadership', { year: 2027 })).data.companies[0]).toMatchObject({ count: 1, items: [{ item: 9 }] });
  });
});

describe('who reads the ledger, and what', () => {
  let ticketId: string;
  let ticketNo: string;
  beforeEach(async () => {
    const t = await submit();
    ticketId = t.id;
    ticketNo = t.no;
    await confirm('street', ticketId, 7);
  });

  it('the company’s own users see their entries: item, ticket number, estate, date, unit — never the reporter, the ticket id or the note', async () => {
    const res = await ledgerOf('property');
    expect(res.error).toBeUndefined();
    expect(res.data.coverage).toBe('company');
    expect(res.data.companies).toHaveLength(1);
    const entry = res.data.companies[0].items[0].entries[0];
    expect(Object.keys(entry).sort()).toEqual(['category', 'confirmedAt', 'confirmedByUnit', 'estateId', 'item', 'ticketNo']);
    expect(entry).toEqual({ item: 7, ticketNo, estateId: ESTATE.id, category: 'illegal-fee', confirmedAt: app.clock.now(), confirmedByUnit: ESTATE.townshipId });
    const text = JSON.stringify(res.data);
    for (const secret of [ticketId, PEOPLE.resident.id, PEOPLE.resident.openid!, REPORT.contactPhone, DESCRIPTION, '王五', NOTE, PEOPLE.street.id]) {
      expect(text).not.toContain(secret);
    }
    // …and the ticket itself stays closed to them (a complaint about their own conduct).
    const detail = await app.call(ticket, 'property', 'detail', { ticketId });
    expect(detail.error?.code).toBe('AUTH.PROPERTY_CONFLICT');
  });

  it('a company sees only its own ledger', async () => {
    expect((await ledgerOf('property', { year: 2026, companyId: 'pc-other' })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await ledgerOf('otherProperty')).data.companies).toEqual([]);
    expect((await ledgerOf('otherProperty', { year: 2026, companyId: 'pc-hengan' })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('staff see the ticket id and the note, still nothing of the reporter', async () => {
    for (const who of ['leadership', 'admin', 'housing', 'cityLeadership'] as const) {
      const res = await ledgerOf(who);
      expect(res.data.coverage).toBe('jurisdiction');
      const entry = res.data.companies[0].items[0].entries[0];
      expect(entry).toMatchObject({ ticketId, ticketNo, note: NOTE });
      const text = JSON.stringify(res.data);
      for (const secret of [PEOPLE.resident.id, PEOPLE.resident.openid!, REPORT.contactPhone, DESCRIPTION]) expect(text).not.toContain(secret);
    }
  });

  it('a street officer sees the entries of their streets, with the company’s full count', async () => {
    expect((await ledgerOf('street')).data.companies[0].items[0].entries).toHaveLength(1);
    const other = (await ledgerOf('otherStreet')).data;
    expect(other.coverage).toBe('streets');
    expect(other.companies).toEqual([]);
  });

  it('refuses grid workers, other departments, police and residents', async () => {
    for (const who of ['grid', 'emergency', 'police', 'resident'] as const) expect((await ledgerOf(who)).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await ledgerOf('qitaiLeadership')).data.companies).toEqual([]);
  });
});
