/** The printable poster in jsdom (H5 branch) against a fake backend (global fetch replaced, support/fake-backend.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PosterPage from '../../../../miniprogram/pages/poster/index';
import { reportUrl } from '../../../../miniprogram/components/qr';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { settle } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';
import { HOTLINE_12345 } from '../../../../shared/routing/noticeboard';

// jest's jsdom lacks TextEncoder, which browsers (and the qrcode package) have.
Object.assign(globalThis, { TextEncoder });

let backend: FakeBackend;
const ESTATE = estateInfo({ sceneCode: 'e=yn000001' });
/** 002 二(二)2(2) as the document writes it (Traditional characters), and as the bundled list quotes it. */
const DOC_002 = readFileSync(join(__dirname, '../../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8');
const WRITTEN = '(2)嚴厲查處違規簽訂《物業服務合同》行為。';

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.noticeboard', {
    estate: ESTATE,
    units: [
      {
        id: 'yongning.zjj',
        name: '县住建局',
        leads: ['contract'],
        leadLabels: ['违规签订物业服务合同'],
        phone: '0951-6123456',
        contactPerson: null,
        duties: [{ source: '002_bbc741157aca8db7.txt', item: '二(二)2(2)', text: WRITTEN, categories: ['contract'] }],
        complaintPhone: '0951-6123400',
      },
    ],
    property: null,
    hotline: HOTLINE_12345,
    disclosure: [{ key: 'maintenanceFund', label: '维修资金使用', text: '2026年使用维修资金3.2万元更换水泵', updatedAt: '2026-11-20T02:00:00.000Z' }],
  });
  setPageQuery({ estate: ESTATE.id }, '/pages/poster/index');
});

afterEach(() => backend.restore());

it('draws a QR code of the H5 report URL carrying the estate’s scene code', async () => {
  const { container } = render(<PosterPage />);
  await settle();
  const url = `${window.location.origin}/#/pages/report/index?estate=e%3Dyn000001`;
  expect(reportUrl(ESTATE.sceneCode)).toBe(url);
  expect(await screen.findByText(url)).toBeTruthy();
  const image = container.querySelector('taro-image-core.poster__qr');
  expect(image?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(screen.getByText('县住建局')).toBeTruthy();
  expect(screen.getByText('0951-6123456')).toBeTruthy();
});

it('carries the same content as the noticeboard: duties, 投诉举报电话, 12345 and the 六公开 fields (issue 20 §5)', async () => {
  render(<PosterPage />);
  await settle();
  expect(await screen.findAllByText('职责：')).toHaveLength(2);
  expect(screen.getByText('投诉举报电话：0951-6123400')).toBeTruthy();
  expect(screen.getByText('12345政务服务便民热线')).toBeTruthy();
  expect(screen.getByText(HOTLINE_12345.duty, { exact: false })).toBeTruthy();
});

it('prints 002’s duty in Simplified Chinese with its item, and names the documents at the foot (paper has no 查看原文)', async () => {
  expect(DOC_002).toContain(WRITTEN);
  const { container } = render(<PosterPage />);
  await settle();
  await screen.findByText('县住建局');
  const sheet = container.querySelector('[data-poster-sheet]')!.textContent!.replace(/\s+/g, '');
  expect(sheet).toContain('（2）严厉查处违规签订《物业服务合同》行为。〔①二(二)2(2)〕');
  expect(sheet).not.toContain('嚴厲');
  expect(sheet).not.toContain('查看原文');
  // 12345's duty is 004's (奇台县's plan), the second document.
  expect(sheet).toContain(`${HOTLINE_12345.duty}〔②三(一)3〕`);
  expect(container.querySelector('[data-sources]')?.textContent?.replace(/\s+/g, '')).toBe('职责依据：①《永宁县2023年物业提升“123”专项行动工作方案》②《奇台县物业服务质量提升年活动实施方案》');
  expect(screen.getByText('维修资金使用：2026年使用维修资金3.2万元更换水泵（更新于 2026-11-20）')).toBeTruthy();
});

it('prints a list row that two units lead once, under the first; the second names its item (另见)', async () => {
  const row = { source: '002_bbc741157aca8db7.txt', item: '二(二)2(2)', text: WRITTEN, categories: ['contract'] };
  const unit = (id: string, name: string) => ({ id, name, leads: ['contract'], leadLabels: ['违规签订物业服务合同'], phone: '0951-6123456', contactPerson: null, duties: [row], complaintPhone: null });
  backend.on('report.noticeboard', { estate: ESTATE, units: [unit('yongning.zjj', '县住建局'), unit('yongning.sjj', '县市场监管局')], property: null, hotline: HOTLINE_12345, disclosure: [] });
  const { container } = render(<PosterPage />);
  await settle();
  await screen.findByText('县市场监管局');
  const text = (sel: string) => container.querySelector(sel)!.textContent!.replace(/\s+/g, '');
  expect(text('[data-unit="yongning.zjj"]')).toContain('（2）严厉查处违规签订《物业服务合同》行为。〔①二(二)2(2)〕');
  expect(text('[data-unit="yongning.sjj"]')).toContain('职责：另见〔①二(二)2(2)〕');
  expect(text('[data-poster-sheet]').split('严厉查处违规签订').length - 1).toBe(1);
});
