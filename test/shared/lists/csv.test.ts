import { parseCsv, toCsv } from '../../../shared/lists/csv';

// RFC 4180 §2: fields with commas, quotes or line breaks are quoted; a quote inside is doubled.
describe('parseCsv / toCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and drops a UTF-8 BOM', () => {
    const text = '\ufeff序号,问题,依据\r\n1,"飞线充电、违规存放易燃易爆物品","《清单》一：""整治""\n第二行"\n2,dog,x\n\n';
    expect(parseCsv(text)).toEqual([
      ['序号', '问题', '依据'],
      ['1', '飞线充电、违规存放易燃易爆物品', '《清单》一："整治"\n第二行'],
      ['2', 'dog', 'x'],
    ]);
  });
  it('writes what it reads', () => {
    const rows = [['a,b', 'c"d', 'e\nf', ''], ['1', '2', '3', '4']];
    const csv = toCsv(rows);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('"a,b","c""d","e\nf",\r\n');
    expect(parseCsv(csv)).toEqual(rows);
  });
});
