/** 12345工单 page with the network faked at fetch: paste → ticket.hotlineImport, results, statistics, export. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { act } from '@testing-library/react';
import HotlinePage from '../../../../../miniprogram/staff/pages/hotline/index';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn } from '../../support';

// A textarea keeps LF line ends (CRLF is normalised by the browser); the parser reads both.
const CSV = "工单号,来电时间,诉求内容,地址,诉求类型\nGD20261100001,2026-11-20 09:15:00,楼道飞线充电,永宁县锦绣花园,物业管理\n";

beforeEach(() => {
  signIn({ id: 'u-12345', name: '12345坐席', roles: ['hotline'] });
  setPageQuery({}, '/staff/pages/hotline/index');
  Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => undefined });
});

it('imports the pasted CSV, lists each order with its ticket and units and each bad row, shows the statistics and exports', async () => {
  const stats = { tickets: 1, byEstate: [{ estateId: 'yn-jinxiu', name: '锦绣花园', tickets: 1, open: 1, rated: 0, satisfied: 0 }], byCategory: [{ key: 'fly-wire', label: '飞线充电', counts: { tickets: 1 } }], byUnit: [] };
  const net = fakeNetwork({
    'ticket.hotlineStats': () => stats,
    'ticket.hotlineImport': () => ({
      created: 1,
      existing: 0,
      unmatched: [],
      rows: [{ line: 2, no: 'GD20261100001', status: 'created', ticketNo: 'YN-20261123-0001', estate: 'yn-jinxiu', category: 'fly-wire', units: ['县住建局', '县应急管理局'] }],
      problems: [{ line: 3, no: null, message: '工单号格式不正确' }],
    }),
    'ticket.hotlineExport': () => ({ filename: '12345-outcomes-yongning.xlsx', rows: [], xlsxBase64: 'UEsDBA==' }),
  });
  render(<HotlinePage />);
  await settle();
  expect(await screen.findByText('锦绣花园：1 件，未办结 1 件，评价 0 件（满意 0）', undefined, { timeout: 5000 })).toBeTruthy();

  // Taro's Textarea is a custom element that makes its <textarea> when it connects: wait for it (a loaded machine is slower).
  const area = await waitFor(
    () => {
      const el = document.querySelector('textarea');
      if (!el) throw new Error('the textarea is not rendered yet');
      return el;
    },
    { timeout: 5000 },
  );
  await act(async () => {
    fireEvent.input(area, { target: { value: CSV } });
  });
  await settle();
  await click('导入并派单');
  await settle();
  expect(net.ticketCalls('hotlineImport')[0]?.data).toEqual({ format: 'csv', content: CSV });
  expect(await screen.findByText('新建 1 件，已导入过 0 件', undefined, { timeout: 5000 })).toBeTruthy();
  expect(screen.getByText('GD20261100001 → YN-20261123-0001 · 县住建局、县应急管理局')).toBeTruthy();
  expect(screen.getByText('第3行 ：工单号格式不正确')).toBeTruthy();

  // jsdom does not navigate: the <a download> click is recorded instead.
  const saved: string[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  await click('导出办理结果（Excel，回传12345）');
  await settle();
  expect(net.ticketCalls('hotlineExport')).toHaveLength(1);
  expect(saved).toEqual(['12345-outcomes-yongning.xlsx']);
});
