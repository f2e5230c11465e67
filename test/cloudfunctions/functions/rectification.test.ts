/**
 * The rectification ledger through the functions (issue 20 §1), on both store adapters: a
 * department or the street issues a 整改通知 with a deadline, the company answers with photos, the
 * issuing unit accepts or rejects (reopening it), the sweep marks it overdue, and the estate's
 * 整治台账 exports to XLSX. Authorization: only the estate's handling chain; the company sees only
 * notices addressed to it, without ticket ids or user ids; no resident and no other company.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, MORE_PEOPLE, newKey, NOW, OTHER_ESTATE, PEOPLE, REPORT, type AnyPerson, type TestApp } from '../../support/app';

const DAY = 24 * 3600_000;
const DEADLINE = '2026-11-30T18:00:00+08:00';
const ISSUE = {
  estateId: ESTATE.id,
  problem: '地下车库堆放大量纸箱和废旧家具，占用消防通道',
  basis: '永宁县“治脏”“治乱”责任清单 二(二)1(2)',
  measures: '7日内清理完毕并设置禁止堆放标识',
  deadline: DEADLINE,
};

const ADAPTERS: Array<[string, (opts: { reportsPerHour?: number }) => Promise<TestApp<Store>>]> = [
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
];

describe.each(ADAPTERS)('rectification notices on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = await make({ reportsPerHour: 1000 });
    await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
  });
  afterEach(() => app.close());

  async function submit(estateId = ESTATE.id) {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'fire-lane', estateId, description: '地下车库消防通道被纸箱堵住', idempotencyKey: newKey() });
    if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
    return res.data.ticket as { id: string; no: string };
  }
  const issue = (who: AnyPerson, data: Record<string, unknown> = {}) => app.call(ticket, who, 'issueRectification', { ...ISSUE, ...data });
  const count = async () => (await app.store.listRectificationNotices({})).length;

  it('a department officer issues one against the estate’s company, from a ticket: stored open with the issuer unit, the deadline and the ticket', async () => {
    const t = await submit();
    const res = await issue('housing', { ticketIds: [t.id] });
    expect(res.error).toBeUndefined();
    expect(res.data.notice).toMatchObject({
      estateId: ESTATE.id,
      townshipId: ESTATE.townshipId,
      companyId: 'pc-hengan',
      addressee: 'company',
      status: 'open',
      closedAt: null,
      deadline: '2026-11-30T10:00:00.000Z',
      issuedAt: NOW,
      ticketIds: [t.id],
      issuerUnitId: 'yongning.zjj',
      issuedBy: { role: 'department', unitId: 'yongning.zjj', name: PEOPLE.housing.name },
    });
    expect(res.data.notice.no).toMatch(/^ZG-YN-20261123-0001$/);
    expect(await app.store.getRectificationNotice(res.data.notice.id)).toMatchObject({ status: 'open', version: 1 });
  });

  it('names the source ticket by its number as well as its id, and keeps the id once', async () => {
    const t = await submit();
    const res = await issue('street', { ticketIds: [t.no, t.id] });
    expect(res.data.notice.ticketIds).toEqual([t.id]);
  });

  it('the street of the estate issues for its township; police and other departments of the county for their unit', async () => {
    expect((await issue('street')).data.notice.issuerUnitId).toBe(ESTATE.townshipId);
    expect((await issue('police')).data.notice.issuerUnitId).toBe('yongning.gaj');
    expect((await issue('emergency')).data.notice.issuerUnitId).toBe('yongning.yjgl');
  });

  it.each<[AnyPerson, string]>([
    ['resident', 'AUTH.FORBIDDEN'],
    ['grid', 'AUTH.FORBIDDEN'],
    ['property', 'AUTH.FORBIDDEN'],
    ['leadership', 'AUTH.FORBIDDEN'],
    ['otherStreet', 'AUTH.OUT_OF_SCOPE'],
    ['qitaiLeadership', 'AUTH.FORBIDDEN'],
  ])('%s may not issue one (%s), and nothing is written', async (who, code) => {
    const res = await issue(who);
    expect(res.error?.code).toBe(code);
    expect(await count()).toBe(0);
  });

  it('bad input is a 4xx with a stable code and writes nothing: a deadline already past, a ticket of another estate, no company, an unknown estate', async () => {
    expect((await issue('housing', { deadline: '2026-11-22T10:00:00+08:00' })).error?.code).toBe('RECTIFICATION.DEADLINE_PAST');
    const elsewhere = await submit(OTHER_ESTATE.id);
    expect((await issue('housing', { ticketIds: [elsewhere.id] })).error?.code).toBe('RECTIFICATION.TICKET_MISMATCH');
    await app.store.putEstate({ ...ESTATE, id: 'yn-nopc', sceneCode: 'yn-nopc', propertyCompanyId: null });
    expect((await issue('housing', { estateId: 'yn-nopc' })).error?.code).toBe('RECTIFICATION.NO_COMPANY');
    expect((await issue('housing', { estateId: 'yn-missing' })).error?.code).toBe('NOT_FOUND');
    expect((await issue('housing', { problem: '' })).error?.code).toBe('INPUT.INVALID');
    expect(await count()).toBe(0);
    // Against the estate itself it is fine without a company.
    expect((await issue('street', { estateId: 'yn-nopc', addressee: 'estate' })).data.notice).toMatchObject({ companyId: null, addressee: 'estate' });
  });

  it('the company answers with photos, the issuing unit rejects (reopened with its reason), the company answers again and the unit accepts: closed', async () => {
    const { notice } = (await issue('housing')).data;
    const photo = await app.photo('property');
    const answered = await app.call(ticket, 'property', 'answerRectification', { id: notice.id, version: 1, note: '已清理纸箱', photos: [photo] });
    expect(answered.data.notice).toMatchObject({ status: 'answered', version: 2 });
    // Not the issuing unit: another department of the county may not review.
    expect((await app.call(ticket, 'emergency', 'acceptRectification', { id: notice.id, version: 2 })).error?.code).toBe('AUTH.FORBIDDEN');
    const rejected = await app.call(ticket, 'housing', 'rejectRectification', { id: notice.id, version: 2, reason: '家具仍在通道内' });
    expect(rejected.data.notice).toMatchObject({ status: 'rejected', reviews: [{ verdict: 'rejected', reason: '家具仍在通道内' }] });
    const photo2 = await app.photo('property');
    await app.call(ticket, 'property', 'answerRectification', { id: notice.id, version: 3, note: '家具已搬离', photos: [photo2] });
    app.clock.advance(DAY);
    const accepted = await app.call(ticket, 'housing', 'acceptRectification', { id: notice.id, version: 4 });
    expect(accepted.data.notice).toMatchObject({ status: 'accepted', closedAt: new Date(Date.parse(NOW) + DAY).toISOString(), version: 5 });
    expect(accepted.data.notice.answers).toHaveLength(2);
    // Accepted is final.
    expect((await app.call(ticket, 'property', 'answerRectification', { id: notice.id, version: 5, note: '再次反馈', photos: [photo2] })).error?.code).toBe('RECTIFICATION.INVALID_TRANSITION');
  });

  it('a stale version is a 409 and changes nothing; another user’s photo is refused', async () => {
    const { notice } = (await issue('housing')).data;
    const photo = await app.photo('property');
    expect((await app.call(ticket, 'property', 'answerRectification', { id: notice.id, version: 7, note: '已清理', photos: [photo] })).error?.code).toBe('RECTIFICATION.VERSION_CONFLICT');
    const foreign = await app.photo('grid');
    expect((await app.call(ticket, 'property', 'answerRectification', { id: notice.id, version: 1, note: '已清理', photos: [foreign] })).error?.code).toBe('FILE.NOT_OWNED');
    expect(await app.store.getRectificationNotice(notice.id)).toMatchObject({ status: 'open', version: 1, answers: [] });
  });

  it('the company reads only notices addressed to it, without ticket ids or anyone’s user id; another company and residents see nothing', async () => {
    const t = await submit();
    const { notice } = (await issue('housing', { ticketIds: [t.id] })).data;
    await issue('street', { addressee: 'estate' });
    const mine = await app.call(ticket, 'property', 'rectifications', {});
    expect(mine.data.items).toHaveLength(1);
    const seen = JSON.stringify(mine.data);
    expect(seen).not.toContain(t.id);
    expect(seen).not.toContain(PEOPLE.housing.id);
    expect(seen).not.toContain(PEOPLE.resident.id);
    expect(mine.data.items[0]).not.toHaveProperty('ticketIds');
    expect((await app.call(ticket, 'otherProperty', 'rectifications', {})).data.items).toEqual([]);
    expect((await app.call(ticket, 'otherProperty', 'rectification', { id: notice.id })).error?.code).toBe('NOT_FOUND');
    expect((await app.call(ticket, 'resident', 'rectification', { id: notice.id })).error?.code).toBe('NOT_FOUND');
    expect((await app.call(ticket, 'resident', 'rectifications', {})).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'otherStreet', 'rectifications', { estateId: ESTATE.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    // The handling chain sees both, with the tickets.
    const staff = await app.call(ticket, 'grid', 'rectifications', { estateId: ESTATE.id });
    expect(staff.data.items).toHaveLength(2);
    expect(staff.data.items[0].ticketIds).toEqual([t.id]);
    expect((await app.call(ticket, 'leadership', 'rectifications', {})).data.counts).toMatchObject({ open: 2 });
  });
});

describe('the 整治台账 export (002 附件3), read back with exceljs', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await makeApp({ reportsPerHour: 1000 });
    await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
  });
  afterEach(() => app.close());

  it('lists open items (问题清单) and closed ones (整改清单), and the XLSX carries 附件3’s title and the documents’ column words', async () => {
    const a = (await app.call(ticket, 'housing', 'issueRectification', ISSUE)).data.notice;
    await app.call(ticket, 'street', 'issueRectification', { ...ISSUE, problem: '小区内飞线充电多处', basis: '二(二)1(6)', measures: '' });
    await app.call(ticket, 'property', 'answerRectification', { id: a.id, version: 1, note: '已清理', photos: [await app.photo('property')] });
    await app.call(ticket, 'housing', 'acceptRectification', { id: a.id, version: 2 });

    const json = await app.call(ticket, 'grid', 'rectificationLedger', { estateId: ESTATE.id });
    expect(json.data.problems.map((n: { problem: string }) => n.problem)).toEqual(['小区内飞线充电多处']);
    expect(json.data.rectified.map((n: { problem: string }) => n.problem)).toEqual([ISSUE.problem]);

    const res = await app.call(ticket, 'street', 'rectificationLedger', { estateId: ESTATE.id, format: 'xlsx' });
    expect(res.data.filename).toBe('锦绣花园住宅小区项目整治台账-2026-11-23.xlsx');
    const ExcelJS = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整治台账')!;
    // 002_bbc741157aca8db7.txt 附件3: "住宅小區項目整治臺賬" (the document carries only the title).
    expect(String(ws.getCell(1, 1).value)).toBe('永宁县物业提升“123”专项行动住宅小区项目整治台账（锦绣花园）');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    // 000 序号6: "梳理各小区存在的问题，建立问题清单、整改清单、限时整改"; 004: "确定整改措施、期限、责任人".
    expect(header).toEqual(['序号', '小区名称', '物业服务企业', '存在问题', '整改依据', '整改措施', '责任单位', '下达时间', '整改时限', '整改情况', '销号时间']);
    const rows = [3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows[0]).toEqual([1, '锦绣花园', '恒安物业服务有限公司', '小区内飞线充电多处', '二(二)1(6)', '—', '团结西路街道办事处', '2026-11-23', '2026-11-30', '待整改', '—']);
    expect(rows[1]).toEqual([2, '锦绣花园', '恒安物业服务有限公司', ISSUE.problem, ISSUE.basis, ISSUE.measures, '县住建局', '2026-11-23', '2026-11-30', '已整改销号', '2026-11-23']);
    expect(ws.rowCount).toBe(4);
  });

  it('the company, residents and another street may not read or export the estate’s ledger', async () => {
    await app.call(ticket, 'housing', 'issueRectification', ISSUE);
    expect((await app.call(ticket, 'property', 'rectificationLedger', { estateId: ESTATE.id, format: 'xlsx' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(ticket, 'resident', 'rectificationLedger', { estateId: ESTATE.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await app.call(ticket, 'otherStreet', 'rectificationLedger', { estateId: ESTATE.id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect(MORE_PEOPLE.otherProperty.grants[0]?.role).toBe('property');
  });
});
