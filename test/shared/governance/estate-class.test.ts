import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classTable, currentClasses, ESTATE_CLASS_LABELS, type EstateClassChange } from '../../../shared/governance/estate-class';

const DOC_002 = readFileSync(join(__dirname, '../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8');

const change = (id: string, estateId: string, cls: EstateClassChange['class'], setAt: string): EstateClassChange => ({
  id,
  estateId,
  jurisdiction: 'yongning',
  townshipId: 't',
  class: cls,
  previous: null,
  reason: '评定',
  setAt,
  setBy: { userId: 'u', name: '街道老张', unitId: 't', role: 'street' },
});

describe('the "123" classification', () => {
  it('has the three groups of 002 三(三): 示范引领一批, 规范运营一批, 整治提升一批', () => {
    // 002 is in Traditional characters: "1.示范引領一批" "2.規范運營一批" "3.整治提升一批".
    for (const quoted of ['示范引領一批', '規范運營一批', '整治提升一批']) expect(DOC_002).toContain(quoted);
    expect(Object.values(ESTATE_CLASS_LABELS)).toEqual(['示范引领', '规范运营', '整治提升']);
  });

  it('an estate’s class is its latest change; the table counts per township × class, unclassified apart', () => {
    const changes = [change('1', 'a', 'model', '2026-01-01T00:00:00Z'), change('2', 'a', 'remediation', '2026-06-01T00:00:00Z'), change('3', 'b', 'standard', '2026-02-01T00:00:00Z')];
    expect(currentClasses(changes).get('a')?.class).toBe('remediation');
    const estates = [
      { id: 'a', townshipId: 't1' },
      { id: 'b', townshipId: 't1' },
      { id: 'c', townshipId: 't2' },
    ];
    expect(classTable(estates, changes)).toEqual([
      { townshipId: 't1', counts: { model: 0, standard: 1, remediation: 1, unclassified: 0 }, total: 2 },
      { townshipId: 't2', counts: { model: 0, standard: 0, remediation: 0, unclassified: 1 }, total: 1 },
    ]);
  });
});
