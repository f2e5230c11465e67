import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullNoticeboard, HOTLINE_12345, noticeboardUnits } from '../../../shared/routing/noticeboard';

const SOURCES = join(__dirname, '../../../docs/sources');
const norm = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const doc = (file: string) => norm(readFileSync(join(SOURCES, file), 'utf8'));

// 和顺佳苑 (demo estate of Yongning, 杨和镇) and 奇台 as places.
const HSJY = { jurisdiction: 'yongning', areaId: null, townshipId: 'yongning.t.yanghe' };
const QITAI = { jurisdiction: 'qitai', areaId: null, townshipId: null };

describe('the full noticeboard (issue 20 §5; 000 序号4, 004 三(一)4)', () => {
  it('the documents ask for duties, contacts and 投诉举报电话 on the board', () => {
    expect(doc('000_54099d4cd549e82b.txt')).toContain(norm('督促各县（市）区将辖区各执法部门权责清单、投诉举报电话等在小区醒目位置处进行公示'));
    expect(doc('004_130a68cab0166a86.txt')).toContain(norm('建立各职能部门执法职责和联系人公示制度'));
  });

  it.each([
    ['和顺佳苑 (yongning)', HSJY],
    ['奇台', QITAI],
  ])('%s: every lead unit is on the board with the list rows it leads, quoted from their document', (_name, place) => {
    const board = fullNoticeboard(place, []);
    expect(board.units.map((u) => u.id)).toEqual(noticeboardUnits(place).map((u) => u.id));
    for (const unit of board.units) {
      expect(unit.duties.length).toBeGreaterThan(0);
      // Every category the unit leads is covered by one of its duty rows, and only those.
      expect([...new Set(unit.duties.flatMap((d) => d.categories))].sort()).toEqual([...unit.leads].sort());
      for (const duty of unit.duties) expect(doc(duty.source)).toContain(norm(duty.text));
    }
  });

  it('contacts as entered; none entered is null (never a made-up number)', () => {
    const [first, second] = noticeboardUnits(HSJY);
    if (!first || !second) throw new Error('和顺佳苑 has at least two lead units');
    const board = fullNoticeboard(HSJY, [{ unitId: first.id, phone: '0951-8012345', contactPerson: '王工', complaintPhone: '0951-8012399' }]);
    const a = board.units.find((u) => u.id === first.id);
    const b = board.units.find((u) => u.id === second.id);
    expect([a?.phone, a?.contactPerson, a?.complaintPhone]).toEqual(['0951-8012345', '王工', '0951-8012399']);
    expect([b?.phone, b?.contactPerson, b?.complaintPhone]).toEqual([null, null, null]);
  });

  it('12345 is always on the board, with its duty quoted from 004', () => {
    expect(fullNoticeboard(HSJY, []).hotline).toBe(HOTLINE_12345);
    expect(fullNoticeboard(QITAI, []).hotline.phone).toBe('12345');
    expect(doc(HOTLINE_12345.basis.source)).toContain(norm(`政务服务和公共资源交易中心（12345政务服务便民热线）：${HOTLINE_12345.duty}`));
  });
});
