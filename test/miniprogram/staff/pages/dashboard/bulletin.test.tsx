/**
 * 统计与通报 page, 月通报 and “九不准”台账 with the network faked at fetch: the bulletin download goes to
 * GET /api/bulletin with the sign-in token, the chosen jurisdiction and month, and is saved through a
 * blob URL; the ledger shows per company the distinct items, their count and the ladder step.
 */
import { render, screen } from '@testing-library/react';
import DashboardPage from '../../../../../miniprogram/staff/pages/dashboard/index';
import type { LedgerAnswer, MetricsAnswer } from '../../../../../miniprogram/staff/lib/types';
import { METRIC_DEFINITIONS } from '../../../../../shared/metrics/definitions';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, pick, Refusal, settle, signIn, type FileAnswer } from '../../support';
import { captureDownloads, readBlob } from '../../downloads';

const METRICS: MetricsAnswer = { rows: [], definitions: METRIC_DEFINITIONS, tickets: 0 };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function bulletinFile(params: URLSearchParams): FileAnswer {
  const name = `永宁县月通报-${params.get('month')}.${params.get('format')}`;
  return {
    body: params.get('format') === 'csv' ? '\uFEFF指标,数值\n响应率,75.0%' : 'PK-xlsx-bytes',
    headers: {
      'Content-Type': params.get('format') === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      'Content-Disposition': `attachment; filename="bulletin-yongning-${params.get('month')}.${params.get('format')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  };
}

const LEDGER: LedgerAnswer = {
  year: 2026,
  companies: [
    {
      companyId: 'yongning.pc.jinxiu',
      companyName: '锦绣物业服务有限公司',
      year: 2026,
      count: 2,
      breaches: 3,
      items: [
        { item: 3, entries: [{ item: 3 }, { item: 3 }] },
        { item: 5, entries: [{ item: 5 }] },
      ],
    },
  ],
};

/** What the browser was asked to save: the <a download> clicks and their blobs. */
const downloads = captureDownloads();

beforeEach(() => {
  jest.restoreAllMocks();
  signIn({ id: 'u-lead-1', name: '周主任', roles: ['leadership'] });
});

async function openDashboard(routes: Parameters<typeof fakeNetwork>[0] = {}, files: Parameters<typeof fakeNetwork>[1] = { bulletin: bulletinFile }) {
  const net = fakeNetwork({ 'ticket.metrics': () => METRICS, 'ticket.ledger': () => LEDGER, ...routes }, files);
  setPageQuery({}, '/staff/pages/dashboard/index');
  render(<DashboardPage />);
  await settle();
  return net;
}

/** jsdom's Blob has no text(): read it as the browser's FileReader would. */
/** 'YYYY-MM' of the month before now, Beijing time, computed here without the page's helpers. */
function lastMonthInBeijing(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth(); // 0-based: this is last month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

describe('dashboard 月通报 (fetch faked)', () => {
  it('downloads the XLSX of the chosen jurisdiction and month with the sign-in token and saves it under its Chinese name', async () => {
    const net = await openDashboard();
    const yongning = choices('辖区').find((c) => c.text === '永宁县');
    expect(yongning).toBeTruthy();
    await click(yongning!.el);
    await pick('通报月份', '2026-10');
    expect(screen.getByText('2026年10月')).toBeTruthy();

    await click('下载XLSX');
    expect(net.downloads).toHaveLength(1);
    const [download] = net.downloads;
    expect(download!.url.startsWith('/api/bulletin?')).toBe(true);
    expect(Object.fromEntries(download!.params)).toEqual({ jurisdiction: 'yongning', month: '2026-10', format: 'xlsx' });
    expect(download!.authorization).toBe('Bearer test-token');
    expect(downloads.saved).toEqual([{ href: 'blob:fake-1', download: '永宁县月通报-2026-10.xlsx' }]);
    expect(await readBlob(downloads.blobs[0]!)).toBe('PK-xlsx-bytes');
    expect(screen.getByText('已下载 永宁县月通报-2026-10.xlsx')).toBeTruthy();
    // The anchor is temporary.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('downloads the CSV, by default of last month', async () => {
    const net = await openDashboard();
    await click('下载CSV');
    expect(net.downloads[0]!.params.get('format')).toBe('csv');
    expect(net.downloads[0]!.params.get('month')).toBe(lastMonthInBeijing());
    expect(downloads.saved[0]?.download).toBe(`永宁县月通报-${lastMonthInBeijing()}.csv`);
  });

  it('shows the refusal of a user who may not export the jurisdiction, and saves nothing', async () => {
    await openDashboard(
      {},
      {
        bulletin: () => {
          throw new Refusal('AUTH.FORBIDDEN', '仅领导小组办公室、街道和部门可以导出本辖区的月通报');
        },
      },
    );
    await click('下载XLSX');
    expect(screen.getByText('仅领导小组办公室、街道和部门可以导出本辖区的月通报')).toBeTruthy();
    expect(downloads.saved).toEqual([]);
  });

  it('offers only the jurisdictions of the user’s grants when the home answer carries them', async () => {
    await openDashboard({
      'ticket.home': () => ({
        user: { id: 'u-lead-1', name: '周主任', roles: ['leadership'], grants: [{ role: 'leadership', jurisdiction: 'yongning' }] },
        counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 },
        unread: [],
      }),
    });
    // One jurisdiction: no choice to make.
    expect(screen.queryByText('辖区')).toBeNull();
    expect(screen.getByText('下载XLSX')).toBeTruthy();
  });
});

describe('dashboard “九不准”台账 (fetch faked)', () => {
  it('shows per company the distinct items, the count and the ladder step with the measures in force', async () => {
    const net = await openDashboard();
    expect(net.ticketCalls('ledger')[0]?.data).toEqual({ year: Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) });
    expect(screen.getByText('锦绣物业服务有限公司')).toBeTruthy();
    expect(screen.getByText('累计违反 2 条')).toBeTruthy();
    expect(screen.getByText('本年度共认定 3 次')).toBeTruthy();
    expect(screen.getByText('第3条 “不准”从业人员不按岗位统一着装（2次）')).toBeTruthy();
    expect(screen.getByText('第5条 “不准”泄露业主个人信息资料')).toBeTruthy();
    expect(screen.getByText('第2档 · 累计违反2条：降星')).toBeTruthy();
    const measures = [...document.querySelectorAll('.ledger-ladder__measure')].map((m) => m.textContent);
    expect(measures).toEqual([
      '· 从严扣除信用分值（详见附件1）（第1档）',
      '· 约谈企业负责人（第1档）',
      '· 责令限期整改（第1档）',
      '· 建议更换项目经理人（第1档）',
      '· 物业服务质量星级化评定采取“降星”',
    ]);
    expect(screen.queryByText(/依法清退/)).toBeNull();
  });

  it('asks for another assessment year', async () => {
    const net = await openDashboard();
    await pick('考核年度', '2025');
    expect(net.ticketCalls('ledger').at(-1)?.data).toEqual({ year: 2025 });
  });

  it('hides the ledger from a user the backend refuses it to', async () => {
    await openDashboard({
      'ticket.ledger': () => {
        throw new Refusal('AUTH.FORBIDDEN', '仅领导小组办公室、住建部门、属地街道和物业服务企业本身可以查看“九不准”台账');
      },
    });
    await settle();
    expect(screen.queryByText('“九不准”台账')).toBeNull();
    expect(screen.queryByText(/仅领导小组办公室、住建部门/)).toBeNull();
  });

  it('does not ask police officers for the ledger; they still get the bulletin', async () => {
    signIn({ id: 'u-police-1', name: '马警官', roles: ['police'] });
    const net = await openDashboard();
    expect(net.ticketCalls('ledger')).toHaveLength(0);
    expect(screen.getByText('下载XLSX')).toBeTruthy();
  });
});
