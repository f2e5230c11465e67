/**
 * 物业企业考核 for a county an admin created (issue 19): 示例县, a test fixture, not a real place.
 * Its township picker is filled from 示例县's townships, which the phone has only from
 * `ticket.jurisdictionDirectory` (answered as the server computes it: ../../shili-directory.ts);
 * picking one asks for that township's table. Network faked at fetch.
 */
import { render, screen } from '@testing-library/react';
import CompaniesPage from '../../../../../miniprogram/staff/pages/companies/index';
import type { AssessmentAnswer } from '../../../../../miniprogram/staff/lib/assessment';
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_NOTE } from '../../../../../shared/assessment/definitions';
import type { RoleGrant } from '../../../../../shared/domain/roles';
import { LADDER } from '../../../../../shared/ledger/ladder';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, settle, signIn } from '../../support';
import { shiliDirectory } from '../../shili-directory';

const LEADERSHIP: RoleGrant = { role: 'leadership', jurisdiction: 'shili' };

const empty = (month: string, townshipId?: unknown): AssessmentAnswer => ({
  jurisdiction: 'shili',
  month,
  view: townshipId ? 'township' : 'county',
  townships: townshipId ? [String(townshipId)] : null,
  rows: [],
  definitions: [...ASSESSMENT_DEFINITIONS],
  note: ASSESSMENT_NOTE,
  ladder: LADDER.map((s) => ({ level: s.level, threshold: s.threshold, label: s.label })),
});

beforeEach(() => {
  signIn({ id: 'u-lead-sl', name: '示例县领导小组办公室', roles: ['leadership'] });
  setPageQuery({}, '/staff/pages/companies/index');
});

it('offers 示例县’s townships from the phone’s directory and asks for the one picked', async () => {
  const net = fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-lead-sl', name: '示例县领导小组办公室', roles: ['leadership'], grants: [LEADERSHIP] } }),
    'ticket.jurisdictionDirectory': () => shiliDirectory([LEADERSHIP]),
    'ticket.assessment': (data) => empty(String(data.month), data.townshipId),
  });
  render(<CompaniesPage />);
  await settle();
  expect(net.ticketCalls('assessment')[0]?.data.jurisdiction).toBe('shili');
  expect(choices('考核范围').map((c) => c.text)).toEqual(['全部乡镇（街道）', '示例街道', '示例东镇', '示例西乡']);
  await click(choices('考核范围').find((c) => c.text === '示例东镇')!.el);
  await settle();
  expect(net.ticketCalls('assessment').at(-1)?.data).toMatchObject({ jurisdiction: 'shili', townshipId: 'shili.t2' });
  expect(screen.getByText('乡镇（街道）月度考核：本辖区小区的物业服务企业')).toBeTruthy();
});
