/**
 * The 月通报 carries the month's overdue 整改通知 (issue 20 §1): a sheet listing them and a sheet of
 * counts per township, issuing unit and company, in the XLSX and the CSV, with the basis quoted;
 * scoped as the ticket tables are; a past month unchanged by later answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBulletin } from '../../../../cloudfunctions/_app/usecases/bulletin';
import { applyMove } from '../../../../shared/governance/rectification';
import { identityOf, makeApp, PEOPLE, type TestApp } from '../../../support/app';
import { makeMonth } from './month';
import { seedNotices } from './month-notices';
import { sheets } from '../../../support/xlsx-sheets';

const DOC_000 = readFileSync(join(__dirname, '../../../../docs/sources/000_54099d4cd549e82b.txt'), 'utf8');
const DOC_004 = readFileSync(join(__dirname, '../../../../docs/sources/004_130a68cab0166a86.txt'), 'utf8');
const INPUT = { jurisdiction: 'yongning', month: '2026-11' };

let app: TestApp;
beforeAll(async () => {
  app = await makeApp({ reportsPerHour: 100 });
  app.clock.set('2026-11-02T01:00:00.000Z');
  await makeMonth(app);
  await app.store.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' });
  await seedNotices(app.store, app.clock.now());
});
afterAll(() => app.close());

describe('the overdue 整改通知 in the monthly bulletin', () => {
  it('lists the overdue and the late-closed notices, not the on-time one, named, with counts per township, unit and company', async () => {
    const built = await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT);
    const book = await sheets(built.xlsx);
    const list = book['逾期整改通知']!;
    expect(list[0]).toEqual(['整改通知编号', '小区', '街道（乡镇）', '物业服务企业', '下达单位', '存在问题', '整改依据', '整改时限', '逾期天数', '月末状态', '销号时间']);
    const byNo = new Map(list.slice(1).map((r) => [r[0], r]));
    expect([...byNo.keys()].sort()).toEqual(['ZG-YN-0001', 'ZG-YN-0002']);
    expect(byNo.get('ZG-YN-0001')).toEqual(expect.arrayContaining(['锦绣花园', '恒安物业服务有限公司', '消防通道堆放杂物', '二(二)1(2)', '逾期未整改']));
    expect(byNo.get('ZG-YN-0002')).toEqual(expect.arrayContaining(['望远新村', '已整改销号（逾期）']));
    // Not the other sheets' order changed: 总体 first, 指标说明 last.
    expect(Object.keys(book)).toEqual(['总体', '部门排名', '街道排名', '问题类别', '超期工单', '逾期整改通知', '逾期整改汇总', '指标说明']);
    const tally = book['逾期整改汇总']!.slice(1);
    expect(tally).toEqual(
      expect.arrayContaining([
        ['物业服务企业', '恒安物业服务有限公司', 1, 1, 0],
        ['物业服务企业', 'pc-other', 1, 0, 1],
      ]),
    );
    expect(tally.filter((r) => r[0] === '乡镇（街道）')).toHaveLength(2);
    expect(tally.filter((r) => r[0] === '下达单位')).toHaveLength(2);
  });

  it('quotes the basis from 000 序号6 and 004 in the bulletin text (CSV) and its 指标说明, word for word', async () => {
    const built = await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT);
    for (const quote of ['梳理各小区存在的问题，建立问题清单、整改清单、限时整改', '建立台账，进行梳理分析，确定整改措施、期限、责任人']) {
      expect(DOC_000 + DOC_004).toContain(quote);
      expect(built.csv).toContain(quote);
      expect(JSON.stringify((await sheets(built.xlsx))['指标说明'])).toContain(quote);
    }
    expect(built.csv).toContain('【逾期整改通知】');
    expect(built.csv).toContain('ZG-YN-0001');
    // No officer's or company user's id, no ticket id.
    for (const id of ['u-zjj', 'u-pc', 'u-street-x']) expect(built.csv).not.toContain(id);
  });

  it.each<[keyof typeof PEOPLE, string[]]>([
    ['street', ['ZG-YN-0001']],
    ['otherStreet', ['ZG-YN-0002']],
    ['housing', ['ZG-YN-0001']],
    ['emergency', []],
  ])('scopes them as the ticket tables: %s sees %j', async (who, expected) => {
    const built = await buildBulletin(app.deps, identityOf(PEOPLE[who]), INPUT);
    expect(built.tables.rectifications.map((r) => r.no).sort()).toEqual(expected);
  });

  it('leaves a past month as it stood at its end when the notice is answered and accepted afterwards', async () => {
    app.clock.set('2026-12-01T00:00:00.000Z');
    const before = (await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT)).tables;
    expect(before.rectifications.find((r) => r.no === 'ZG-YN-0001')).toMatchObject({ status: '逾期未整改' });
    const stored = (await app.store.listRectificationNotices({ estateIds: ['yn-jinxiu'] })).find((n) => n.no === 'ZG-YN-0001')!;
    const answered = applyMove(stored, { kind: 'answer', at: '2026-12-02T02:00:00.000Z', by: { userId: 'u-pc', role: 'property' }, note: '已清理', photos: [] });
    if (!answered.ok) throw new Error(answered.code);
    const accepted = applyMove(answered.next, { kind: 'accept', at: '2026-12-03T02:00:00.000Z', by: { userId: 'u-zjj', role: 'department', unitId: 'yongning.zjj' } });
    if (!accepted.ok) throw new Error(accepted.code);
    await app.store.updateRectificationNotice(answered.next, stored.version);
    await app.store.updateRectificationNotice(accepted.next, answered.next.version);
    app.clock.set('2026-12-05T00:00:00.000Z');
    const after = (await buildBulletin(app.deps, identityOf(PEOPLE.leadership), INPUT)).tables;
    expect(after.rectifications).toEqual(before.rectifications);
    expect(after.rectificationTally).toEqual(before.rectificationTally);
    // December's bulletin has it, closed late.
    const december = (await buildBulletin(app.deps, identityOf(PEOPLE.leadership), { ...INPUT, month: '2026-12' })).tables;
    expect(december.rectifications.find((r) => r.no === 'ZG-YN-0001')).toMatchObject({ status: '已整改销号（逾期）', closedAt: '2026-12-03' });
  });
});
