import { summary } from '../../../../cloudfunctions/_app/usecases/report';
import { CO_UNIT, LEAD_UNIT, makeTicket, REPORTER_ID } from '../../../support/fixtures';

describe('summary: a list row (我的上报, queues)', () => {
  it('carries the description\'s first non-empty line, the first photo id and the assigned unit names', () => {
    const row = summary(
      makeTicket({ description: '\n  3号楼门口堆满杂物  \n第二行细节', photos: ['f-1', 'f-2'], state: 'whistled', assignedUnits: [CO_UNIT, LEAD_UNIT] }),
    );
    expect(row.descriptionLine).toBe('3号楼门口堆满杂物');
    expect(row.photo).toBe('f-1');
    expect(row.assignedUnitNames).toEqual(['县应急管理局', '县住建局']);
  });

  it('cuts a long first line and has no photo when none was taken', () => {
    const row = summary(makeTicket({ description: '长'.repeat(80), photos: [] }));
    expect(row.descriptionLine).toBe(`${'长'.repeat(60)}…`);
    expect(row.photo).toBeNull();
  });

  it('holds no reporter data', () => {
    const row = summary(makeTicket({ reporter: { userId: REPORTER_ID, anonymous: false, phone: '13800000000' } }));
    expect(JSON.stringify(row)).not.toContain(REPORTER_ID);
    expect(JSON.stringify(row)).not.toContain('13800000000');
    expect(row).not.toHaveProperty('reporter');
  });
});
