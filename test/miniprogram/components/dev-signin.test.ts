import { demoUsersFrom, DevSignInError, groupByRole } from '../../../miniprogram/components/dev-signin';
import { ROLES } from '../../../shared/domain/roles';

describe('demoUsersFrom', () => {
  const users = [{ id: 'u1', name: '张伟', roles: ['resident'] }, { id: 'u2', name: '王芳', grants: [{ role: 'grid' }, { role: 'grid' }], unitName: '第一网格' }, { name: 'no id' }];

  it('reads a bare list, {users}, or the {ok, data} envelope, and takes roles from grants when needed', () => {
    const expected = [
      { id: 'u1', name: '张伟', roles: ['resident'], role: 'resident', detail: null },
      { id: 'u2', name: '王芳', roles: ['grid'], role: 'grid', detail: '第一网格' },
    ];
    expect(demoUsersFrom(users)).toEqual(expected);
    expect(demoUsersFrom({ users })).toEqual(expected);
    expect(demoUsersFrom({ ok: true, data: { users } })).toEqual(expected);
    expect(demoUsersFrom({ ok: true, data: users })).toEqual(expected);
  });

  it('reads the local runtime’s role groups and describes each user by jurisdiction and scope', () => {
    const body = {
      ok: true,
      data: {
        groups: [
          { role: 'resident', roleLabel: '居民', users: [{ id: 'r1', name: '张伟', role: 'resident', roles: ['resident'], jurisdictionName: '永宁县', estates: ['锦绣花园'], units: [], streets: [], company: null }] },
          { role: 'department', roleLabel: '部门', users: [{ id: 'd1', name: '李强', role: 'department', roles: ['resident', 'department'], jurisdictionName: '永宁县', estates: [], units: ['县住建局'], streets: [], company: null }] },
        ],
      },
    };
    expect(demoUsersFrom(body)).toEqual([
      { id: 'r1', name: '张伟', roles: ['resident'], role: 'resident', detail: '永宁县 · 锦绣花园' },
      { id: 'd1', name: '李强', roles: ['resident', 'department'], role: 'department', detail: '永宁县 · 县住建局' },
    ]);
  });

  it('turns a refusal into a Chinese error', () => {
    expect(() => demoUsersFrom({ ok: false, error: { code: 'X', message: 'not enabled' } })).toThrow(DevSignInError);
    expect(() => demoUsersFrom({ ok: false, error: { code: 'X', message: '仅本地环境可用' } })).toThrow('仅本地环境可用');
  });
});

describe('groupByRole', () => {
  it('groups by role in the order of the role list', () => {
    const groups = groupByRole(
      [
        { id: 'p', name: '赵军', roles: ['police'], role: 'police', detail: null },
        { id: 'r', name: '张伟', roles: [], role: 'resident', detail: null },
        { id: 'g', name: '王芳', roles: ['grid', 'street'], role: 'grid', detail: null },
      ],
      ROLES,
    );
    expect(groups.map((g) => [g.role, g.users.map((u) => u.id)])).toEqual([
      ['resident', ['r']],
      ['grid', ['g']],
      ['police', ['p']],
    ]);
  });
});
