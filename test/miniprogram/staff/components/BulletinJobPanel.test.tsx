/**
 * 月通报 made in the background (issue 17 §3) on the 统计与通报 page, the network faked at fetch:
 * 后台生成 polls ticket.bulletinJob with the chosen jurisdiction and month, shows 生成中 n/N as the
 * server answers each step, then 下载已生成通报 saves the XLSX under its Chinese name (H5: the local
 * runtime answers its bytes, saved through a blob URL and a temporary <a download>).
 */
import { render, screen, waitFor } from '@testing-library/react';
import DashboardPage from '../../../../miniprogram/staff/pages/dashboard/index';
import type { LedgerAnswer, MetricsAnswer } from '../../../../miniprogram/staff/lib/types';
import type { BulletinJobAnswer } from '../../../../miniprogram/staff/lib/bulletin-job';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions';
import { setPageQuery } from '../../support/taro';
import { choices, click, fakeNetwork, pick, Refusal, settle, signIn } from '../support';
import { captureDownloads, readBlob } from '../downloads';

const METRICS: MetricsAnswer = { rows: [], definitions: METRIC_DEFINITIONS, tickets: 0 };
const LEDGER: LedgerAnswer = { year: 2026, companies: [] };

const downloads = captureDownloads();
beforeEach(() => signIn({ id: 'u-lead-1', name: '周主任', roles: ['leadership'] }));

/** The server's answers, one per poll; each poll waits until the test releases it. */
function jobServer(answers: BulletinJobAnswer[]) {
  const releases: Array<() => void> = [];
  let n = 0;
  return {
    handler: () =>
      new Promise<BulletinJobAnswer>((resolve) => {
        const answer = answers[Math.min(n, answers.length - 1)]!;
        n += 1;
        releases.push(() => resolve(answer));
      }),
    /** Answers the next waiting poll. */
    async release() {
      await waitFor(() => expect(releases.length).toBeGreaterThan(0));
      releases.shift()!();
      await settle();
    },
  };
}

const job = (step: number, state: BulletinJobAnswer['state'], extra: Partial<BulletinJobAnswer> = {}): BulletinJobAnswer => ({
  jobId: 'bulletin:yongning:2026-10:all',
  state,
  step,
  steps: 3,
  filename: '永宁县月通报-2026-10.xlsx',
  fileType: 'xlsx',
  ...extra,
});

async function openDashboard(routes: Parameters<typeof fakeNetwork>[0]) {
  const net = fakeNetwork({ 'ticket.metrics': () => METRICS, 'ticket.ledger': () => LEDGER, ...routes });
  setPageQuery({}, '/staff/pages/dashboard/index');
  render(<DashboardPage />);
  await settle();
  const yongning = choices('辖区').find((c) => c.text === '永宁县');
  if (yongning) await click(yongning.el);
  await pick('通报月份', '2026-10');
  return net;
}

describe('dashboard 月通报, made in the background', () => {
  it('shows 生成中 n/N as each poll advances the job, then saves the finished XLSX', async () => {
    const xlsx = Buffer.from('PK-xlsx-bytes').toString('base64');
    const server = jobServer([job(0, 'queued'), job(1, 'running'), job(2, 'running'), job(3, 'done', { xlsxBase64: xlsx })]);
    const net = await openDashboard({ 'ticket.bulletinJob': server.handler });

    await click('后台生成');
    await server.release();
    expect(screen.getByText('生成中 0/3')).toBeTruthy();
    await server.release();
    expect(screen.getByText('生成中 1/3')).toBeTruthy();
    await server.release();
    expect(screen.getByText('生成中 2/3')).toBeTruthy();
    expect(screen.queryByText('下载已生成通报')).toBeNull();
    await server.release();
    expect(screen.getByText('已生成 永宁县月通报-2026-10.xlsx')).toBeTruthy();
    expect(screen.queryByText(/生成中/)).toBeNull();

    const polls = net.ticketCalls('bulletinJob');
    expect(polls).toHaveLength(4);
    expect(polls.every((c) => c.data.jurisdiction === 'yongning' && c.data.month === '2026-10')).toBe(true);

    await click('下载已生成通报');
    expect(downloads.saved).toEqual([{ href: 'blob:fake-1', download: '永宁县月通报-2026-10.xlsx' }]);
    expect(await readBlob(downloads.blobs[0]!)).toBe('PK-xlsx-bytes');
    expect(screen.getByText('已下载 永宁县月通报-2026-10.xlsx')).toBeTruthy();
  });

  it('shows the refusal and offers no file', async () => {
    await openDashboard({
      'ticket.bulletinJob': () => {
        throw new Refusal('AUTH.FORBIDDEN', '仅领导小组办公室、街道和部门可以导出本辖区的月通报');
      },
    });
    await click('后台生成');
    expect(screen.getByText('仅领导小组办公室、街道和部门可以导出本辖区的月通报')).toBeTruthy();
    expect(screen.queryByText('下载已生成通报')).toBeNull();
    expect(downloads.saved).toEqual([]);
  });

  it('marks a finished file 已过期 and makes it again with 重新生成, the previous file offered until the new one is done', async () => {
    const old = Buffer.from('PK-old-bytes').toString('base64');
    const fresh = Buffer.from('PK-new-bytes').toString('base64');
    const previous = { finishedAt: '2026-11-01T02:00:00.000Z', xlsxBase64: old };
    const server = jobServer([
      job(3, 'done', { xlsxBase64: old, finishedAt: '2026-11-01T02:00:00.000Z', stale: true }),
      job(0, 'queued', { previous }),
      job(1, 'running', { previous }),
      job(2, 'running', { previous }),
      job(3, 'done', { xlsxBase64: fresh, finishedAt: '2026-11-05T02:00:00.000Z' }),
    ]);
    const net = await openDashboard({ 'ticket.bulletinJob': server.handler });

    await click('后台生成');
    await server.release();
    expect(screen.getByText('已生成 永宁县月通报-2026-10.xlsx（2026-11-01 10:00）')).toBeTruthy();
    expect(screen.getByText('已过期：本月数据在生成后有更新，请重新生成')).toBeTruthy();

    await click('重新生成');
    await server.release();
    expect(screen.getByText('生成中 0/3')).toBeTruthy();
    expect(screen.queryByText('下载已生成通报')).toBeNull();
    // The previous file while the new one is made.
    await click('下载上一版');
    expect(downloads.saved).toEqual([{ href: 'blob:fake-1', download: '永宁县月通报-2026-10.xlsx' }]);
    expect(await readBlob(downloads.blobs[0]!)).toBe('PK-old-bytes');
    await server.release();
    await server.release();
    await server.release();
    expect(screen.getByText('已生成 永宁县月通报-2026-10.xlsx（2026-11-05 10:00）')).toBeTruthy();
    expect(screen.queryByText(/已过期/)).toBeNull();
    expect(screen.queryByText('下载上一版')).toBeNull();
    await click('下载已生成通报');
    expect(await readBlob(downloads.blobs[1]!)).toBe('PK-new-bytes');

    // Only the first poll of 重新生成 asks for it; the others only advance the job.
    expect(net.ticketCalls('bulletinJob').map((c) => c.data.regenerate ?? null)).toEqual([null, true, null, null, null]);
  });

  it('says so when the job failed', async () => {
    await openDashboard({ 'ticket.bulletinJob': () => job(1, 'failed', { error: 'INTERNAL' }) });
    await click('后台生成');
    expect(screen.getByText('通报生成失败，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('下载已生成通报')).toBeNull();
  });
});
