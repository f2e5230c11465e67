/** The estate noticeboard in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoticeboardPage from '../../../../miniprogram/pages/noticeboard/index';
import type { Noticeboard } from '../../../../miniprogram/components/resident-api';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';
import { REGISTRY } from '../../../../shared/jurisdictions';

let backend: FakeBackend;
const ESTATE = estateInfo();

// The real Yongning row 县住建局 leads for 乱收费: 002 二(二)2(1), quoted in the document's Traditional
// characters with half-width commas, as report.noticeboard sends it (shared/routing/noticeboard.ts).
const DOC_002 = readFileSync(join(__dirname, '../../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8');
const ROW = REGISTRY.list('yongning')!.rows.find((r) => r.categories.includes('illegal-fee'))!;
const DUTY = { ...ROW.basis[0]!, categories: ['illegal-fee' as const] };
const WRITTEN = '(1)嚴厲打擊物業企業利用停水、停電或限制購水量、電量及辦理門禁卡、電梯卡等捆綁和變相催繳物業費,以及擅自漲價等行為。';
const READING = '（1）严厉打击物业企业利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费，以及擅自涨价等行为。';

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
  expect(within(zjj).getByText(READING)).toBeTruthy();
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

it('reads each 职责 quote in Simplified Chinese; 查看原文 shows the document’s words as written (issue 18 §4)', async () => {
  expect(DOC_002).toContain(WRITTEN);
  expect([ROW.lead, DUTY.item, DUTY.text.trim()]).toEqual([['yongning.zjj'], '二(二)2(1)', WRITTEN]);
  backend.on('report.noticeboard', board(null));
  render(<NoticeboardPage />);
  await settle();
  const zjj = (await screen.findByText('县住建局')).closest('[data-unit]') as HTMLElement;
  expect(within(zjj).getByText(READING)).toBeTruthy();
  expect(document.body.textContent).not.toContain('嚴厲打擊');

  fireEvent.click(within(zjj).getByText('查看原文'));
  await settle();
  expect(within(zjj).getByText(`原文：${WRITTEN}`)).toBeTruthy();
  fireEvent.click(within(zjj).getByText('收起原文'));
  await settle();
  expect(within(zjj).queryByText(`原文：${WRITTEN}`)).toBeNull();
  // 12345's duty is the product's own Simplified words: nothing to toggle there.
  expect(screen.getAllByText('查看原文')).toHaveLength(1);
});
