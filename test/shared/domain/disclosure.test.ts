import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyDisclosure, DISCLOSURE_FIELDS } from '../../../shared/domain/disclosure';

const norm = (t: string) => t.replace(/\s+/g, '');
const doc = (f: string) => norm(readFileSync(join(__dirname, '../../../docs/sources', f), 'utf8'));

describe('六公开 / 五公开 as structured fields (issue 20 §5)', () => {
  it('the fields the issue names, with the documents’ own lists quoted', () => {
    expect(DISCLOSURE_FIELDS.map((f) => f.label)).toEqual(['服务内容与标准', '收费项目与标准', '公共收益收支', '维修资金使用', '电梯等设施维保', '公共水电分摊']);
    expect(doc('001_c21a685cf9840a30.txt')).toContain('服务合同公开、服务内容公开、服务电话公开、服务方式公开、收费标准公开、公共收益公开');
    expect(doc('004_130a68cab0166a86.txt')).toContain('公开物业服务内容及标准、公开物业收费项目及标准、公开报修投诉及监督电话、公开公共收益收支情况');
  });

  it('a changed field takes the new date; an unchanged one keeps its date; others stay', () => {
    const first = applyDisclosure(undefined, { feeItems: '住宅0.7元/㎡·月', publicIncome: '广告收入0.8万元' }, '2026-11-01T02:00:00.000Z');
    const second = applyDisclosure(first, { feeItems: '住宅0.7元/㎡·月', utilitySharing: '公共照明电费按户均摊' }, '2026-12-01T02:00:00.000Z');
    expect(second).toEqual({
      feeItems: { text: '住宅0.7元/㎡·月', updatedAt: '2026-11-01T02:00:00.000Z' },
      publicIncome: { text: '广告收入0.8万元', updatedAt: '2026-11-01T02:00:00.000Z' },
      utilitySharing: { text: '公共照明电费按户均摊', updatedAt: '2026-12-01T02:00:00.000Z' },
    });
    expect(first.utilitySharing).toBeUndefined();
  });
});
