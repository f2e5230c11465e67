/** The estate noticeboard in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoticeboardPage from '../../../../miniprogram/pages/noticeboard/index';
import type { Noticeboard } from '../../../../miniprogram/components/resident-api';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';

let backend: FakeBackend;
const ESTATE = estateInfo();

const DUTY = { source: '002_bbc741157aca8db7.txt', item: '二(二)2(1)', text: '物業服務企業亂收費問題', categories: ['illegal-fee' as const] };

function board(property: Noticeboard['property'], disclosure: Noticeboard['disclosure'] = []): Noticeboard {
  return {
    estate: ESTATE,
    units: [
      {
        id: 'yongning.zjj',
        name: '县住建局',
        leads: ['illegal-fee', 'contract'],
        leadLabels: ['擅自涨价、乱收费(含停车费)', '违规签订物业服务合同'],
        phone: '0951-6123456',
        contactPerson: '李强',
        duties: [DUTY],
        complaintPhone: '0951-6123400',
      },
      { id: 'yongning.xfjy', name: '县消防救援大队', leads: ['fire-lane'], leadLabels: ['占用堵塞消防车道/疏散通道/安全出口'], phone: null, contactPerson: null, duties: [], complaintPhone: null },
    ],
    property,
    hotline: HOTLINE_12345,
    disclosure,
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  setPageQuery({ estate: ESTATE.id }, '/pages/noticeboard/index');
});

afterEach(() => backend.restore());

it('lists each unit with the categories it leads and a tap-to-call phone, and the property company’s published information', async () => {
  backend.on('report.noticeboard', board({ servicePhone: '0951-8000000', feeStandard: '多层 0.9 元/㎡·月', publicIncome: '2025年公共收益 12.6 万元' }));
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
  const { container } = render(<NoticeboardPage />);
  await settle();
  await screen.findByText('执法部门职责及联系人公告牌');
  expect(backend.callsOf('report.noticeboard')[0]?.data).toEqual({ estateId: ESTATE.id });

  const first = container.querySelector('[data-unit="yongning.zjj"]') as HTMLElement;
  expect(within(first).getByText('擅自涨价、乱收费(含停车费)')).toBeTruthy();
  expect(within(first).getByText('联系人：李强')).toBeTruthy();
  // H5: a real tel: link (weapp: Taro.makePhoneCall in PhoneLink.weapp.tsx).
  expect(within(first).getByText('☎ 0951-6123456').closest('a')?.getAttribute('href')).toBe('tel:09516123456');
  expect(within(container.querySelector('[data-unit="yongning.xfjy"]') as HTMLElement).getByText('电话待公布')).toBeTruthy();

  expect(screen.getByText('多层 0.9 元/㎡·月')).toBeTruthy();
  expect(screen.getByText('2025年公共收益 12.6 万元')).toBeTruthy();
  expect(screen.getByText('0951-8000000').closest('a')?.getAttribute('href')).toBe('tel:09518000000');
  expect(call).not.toHaveBeenCalled();
  call.mockRestore();
});

it('says when the property company has published nothing', async () => {
  backend.on('report.noticeboard', board(null));
  render(<NoticeboardPage />);
  await settle();
  expect(await screen.findByText('物业服务企业尚未公示服务电话、收费标准和公共收益。')).toBeTruthy();
});

it('shows each unit’s duties with their basis, its 投诉举报电话, 12345 always, and the 六公开 fields with their dates (issue 20 §5)', async () => {
  backend.on(
    'report.noticeboard',
    board(null, [
      { key: 'feeItems', label: '收费项目与标准', text: '住宅1.2元/㎡·月', updatedAt: '2026-11-30T16:30:00.000Z' },
      { key: 'utilitySharing', label: '公共水电分摊', text: null, updatedAt: null },
    ]),
  );
  const { container } = render(<NoticeboardPage />);
  await settle();
  const zjj = (await screen.findByText('县住建局')).closest('[data-unit]') as HTMLElement;
  expect(within(zjj).getByText('物業服務企業亂收費問題')).toBeTruthy();
  expect(within(zjj).getByText('依据 永宁县2023年物业提升“123”专项行动工作方案 二(二)2(1)')).toBeTruthy();
  expect(within(zjj).getByText('0951-6123400').closest('a')?.getAttribute('href')).toBe('tel:09516123400');
  expect(within(container.querySelector('[data-unit="yongning.xfjy"]') as HTMLElement).getByText('待公布')).toBeTruthy();

  const hotline = container.querySelector('[data-unit="12345"]') as HTMLElement;
  expect(within(hotline).getByText('12345政务服务便民热线')).toBeTruthy();
  expect(within(hotline).getByText('☎ 12345').closest('a')?.getAttribute('href')).toBe('tel:12345');
  expect(within(hotline).getByText(HOTLINE_12345.duty)).toBeTruthy();

  const fee = container.querySelector('[data-disclosure="feeItems"]') as HTMLElement;
  expect(within(fee).getByText('住宅1.2元/㎡·月')).toBeTruthy();
  // 2026-11-30T16:30Z is 12-01 00:30 in Beijing.
  expect(within(fee).getByText('更新于 2026-12-01')).toBeTruthy();
  expect(within(container.querySelector('[data-disclosure="utilitySharing"]') as HTMLElement).getByText('尚未公示')).toBeTruthy();
});
