/** 六公开公示 page with the network faked at fetch: loads the estate's fields, saves the changed ones. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import DisclosurePage from '../../../../../miniprogram/staff/pages/disclosure/index';
import { DISCLOSURE_FIELDS } from '../../../../../shared/domain/disclosure';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn } from '../../support';

const ESTATE = { id: 'yn-jinxiu', name: '锦绣花园', jurisdiction: 'yongning', townshipId: 'yongning.t.tuanjiexilu', address: '永宁县团结西路88号', location: { lat: 38.28, lng: 106.25 }, sceneCode: 'yn-jinxiu' };
const board = (fee: { text: string | null; updatedAt: string | null }) => ({
  estate: ESTATE,
  units: [],
  property: null,
  hotline: { name: '12345政务服务便民热线', phone: '12345', duty: '', basis: { source: '004_130a68cab0166a86.txt', item: '三(一)3' } },
  disclosure: DISCLOSURE_FIELDS.map((f) => (f.key === 'feeItems' ? { key: f.key, label: f.label, ...fee } : { key: f.key, label: f.label, text: null, updatedAt: null })),
});

beforeEach(() => {
  signIn({ id: 'u-pc', name: '恒安物业·客服', roles: ['property'] });
  setPageQuery({}, '/staff/pages/disclosure/index');
});

it('shows each field with its date, and saves the filled fields through admin.putDisclosure', async () => {
  const net = fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-pc', name: '恒安物业·客服', roles: ['property'], grants: [{ role: 'property', jurisdiction: 'yongning', company: 'pc-hengan', estates: [ESTATE.id] }] } }),
    'report.estates': () => ({ items: [ESTATE, { ...ESTATE, id: 'yn-other', name: '望远新村' }] }),
    'report.noticeboard': () => board({ text: '住宅1.2元/㎡·月', updatedAt: '2026-11-01T02:00:00.000Z' }),
    'admin.putDisclosure': () => ({ estateId: ESTATE.id, households: null, disclosure: board({ text: '住宅1.3元/㎡·月', updatedAt: '2026-12-06T02:00:00.000Z' }).disclosure }),
  });
  render(<DisclosurePage />);
  await settle();
  // Three requests in a row (estates and the user, then the board): wait for the last, under load too.
  expect(await screen.findByText('收费项目与标准（更新于 2026-11-01）', undefined, { timeout: 5000 })).toBeTruthy();
  expect(screen.getByText('公共水电分摊（尚未公示）')).toBeTruthy();
  // Only the company's own estate is offered (no chooser for one estate).
  expect(screen.queryByText('望远新村')).toBeNull();

  // Taro's Textarea makes its <textarea> when it connects: wait for all six (a loaded machine is slower).
  const areas = await waitFor(
    () => {
      const found = [...document.querySelectorAll('textarea')];
      if (found.length < 6) throw new Error(`${found.length} of 6 textareas rendered`);
      return found;
    },
    { timeout: 5000 },
  );
  expect(areas[1]?.value).toBe('住宅1.2元/㎡·月');
  await act(async () => {
    fireEvent.input(areas[1] as HTMLTextAreaElement, { target: { value: '住宅1.3元/㎡·月' } });
    fireEvent.input(areas[5] as HTMLTextAreaElement, { target: { value: '公共照明电费按户均摊' } });
  });
  await settle();
  await click('保存并公示');
  await settle();
  const call = net.calls.find((c) => c.fn === 'admin' && c.action === 'putDisclosure');
  expect(call?.data).toEqual({ estateId: ESTATE.id, fields: { feeItems: '住宅1.3元/㎡·月', utilitySharing: '公共照明电费按户均摊' } });
  expect(await screen.findByText('收费项目与标准（更新于 2026-12-06）', undefined, { timeout: 5000 })).toBeTruthy();
  expect(screen.getByText('已保存，公告牌和海报已更新')).toBeTruthy();
});
