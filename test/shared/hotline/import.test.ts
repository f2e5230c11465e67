import { beijingTime, classifyOrder, withoutPhones, hotlineKey, matchEstate, parseCsv, readHotlineTable } from '../../../shared/hotline/import';

const ESTATES = [
  { id: 'yn-hsjy', name: '和顺佳苑', address: '永宁县杨和镇宁和南街66号' },
  { id: 'yn-tjxy', name: '团结西苑', address: '永宁县团结西路128号' },
  { id: 'yn-tj', name: '团结苑', address: '永宁县团结路1号' },
];

describe('12345 work-order import, pure part (issue 20 §6)', () => {
  it('parses RFC 4180 CSV: BOM, quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    const csv = '\uFEFF工单号,诉求内容\r\n"A1","他说""别管"",然后走了"\r\nA2,"两行\n内容"\r\n\r\n';
    expect(parseCsv(csv)).toEqual([
      ['工单号', '诉求内容'],
      ['A1', '他说"别管",然后走了'],
      ['A2', '两行\n内容'],
    ]);
  });

  it('reads the five columns in any order, Beijing call time to UTC, and names every bad row by line', () => {
    const table = [
      ['地址', '工单号', '诉求类型', '来电时间', '诉求内容', '来电号码'],
      ['永宁县杨和镇和顺佳苑3号楼', 'GD20261120001', '物业管理', '2026-11-20 09:15:00', '楼道有人飞线充电', '13912345678'],
      ['永宁县团结西苑', 'GD20261120002', '', '2026/11/20 9:30', '物业乱收停车费', '13900000000'],
      ['x', 'GD20261120001', '', '2026-11-20 10:00', '重复的工单号', ''],
      ['永宁县', 'GD20261120003', '', '2026-02-30 10:00', '日期不存在', ''],
      ['永宁县', '', '', '2026-11-20 10:00', '没有工单号', ''],
    ];
    const { orders, problems } = readHotlineTable(table);
    expect(orders.map((o) => [o.line, o.no, o.calledAt])).toEqual([
      [2, 'GD20261120001', '2026-11-20T01:15:00.000Z'],
      [3, 'GD20261120002', '2026-11-20T01:30:00.000Z'],
    ]);
    expect(problems).toEqual([
      { line: 4, no: 'GD20261120001', message: '工单号在文件中重复' },
      { line: 5, no: 'GD20261120003', message: '来电时间格式不正确' },
      { line: 6, no: null, message: '工单号格式不正确' },
    ]);
    // The caller's phone column is never read into an order.
    expect(JSON.stringify(orders)).not.toMatch(/139\d{8}/);
  });

  it('hides phone numbers an agent typed into the text or the address', () => {
    expect(withoutPhones('来电人13912345678要求回电，座机0951-6123456，备用 139 1234 5678')).toBe('来电人[电话已隐去]要求回电，座机[电话已隐去]，备用 [电话已隐去]');
    expect(withoutPhones('3号楼2单元1101室，工单GD20261120001')).toBe('3号楼2单元1101室，工单GD20261120001');
  });

  it('a file without the required columns is refused as a whole', () => {
    expect(readHotlineTable([['工单号', '内容']]).problems[0]?.message).toBe('缺少列：来电时间、诉求内容、地址、诉求类型');
  });

  it('Beijing times: midnight crosses the UTC date; nonsense is null', () => {
    expect(beijingTime('2026年11月20日 07:05')).toBe('2026-11-19T23:05:00.000Z');
    expect(beijingTime('2026-11-20 25:00')).toBeNull();
    expect(beijingTime('昨天上午')).toBeNull();
  });

  it('matches an estate by the name or the address the 12345 address contains, longest first; a tie is no match', () => {
    expect(matchEstate('宁夏永宁县杨和镇 和顺佳苑 3号楼2单元', ESTATES)?.id).toBe('yn-hsjy');
    expect(matchEstate('永宁县团结西路１２８号', ESTATES)?.id).toBe('yn-tjxy'); // full-width digits
    expect(matchEstate('团结西苑小区北门', ESTATES)?.id).toBe('yn-tjxy'); // 团结西苑 (4) beats nothing shorter
    expect(matchEstate('银川市兴庆区某小区', ESTATES)).toBeNull();
    expect(matchEstate('和顺佳苑', [...ESTATES, { id: 'dup', name: '和顺佳苑', address: '别处' }])).toBeNull();
  });

  it('classifies by the 诉求类型 when it is one of our labels, else with the category suggestion', () => {
    expect(classifyOrder({ type: '飞线充电', text: '随便什么' })).toEqual({ category: 'fly-wire', by: 'type', score: null });
    const c = classifyOrder({ type: '物业管理', text: '楼下有人从窗户拉电线给电动车充电，很危险' });
    expect(c.by).toBe('classifier');
    expect(c.category).toBe('fly-wire');
    expect(hotlineKey('GD1')).toBe('12345:GD1');
  });
});
