/**
 * "My tickets" in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts):
 * state chips and overdue marks, the 待发送 draft sent from here, the signed-in user and sign-out.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MinePage from '../../../../miniprogram/pages/mine/index';
import type { TicketSummary } from '../../../../miniprogram/components/resident-api';
import { getSessionUser, saveSession } from '../../../../miniprogram/api';
import { DRAFT_STORAGE_KEY, newDraft, saveDraft } from '../../../../miniprogram/drafts';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle } from '../../support/render';
import { estateInfo, submitAnswer } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';

let backend: FakeBackend;

function summary(overrides: Partial<TicketSummary>): TicketSummary {
  return {
    id: 't-1',
    no: 'YN-20261123-0001',
    version: 1,
    category: 'parking',
    categoryLabel: '车辆乱停乱放',
    state: 'submitted',
    priority: 'normal',
    estateId: 'yongning.e.jinxiu',
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
    deadlines: [],
    escalation: 0,
    lead: [],
    assignedUnits: [],
    holder: { kind: 'grid', ids: [] },
    meToo: 0,
    overdue: false,
    descriptionLine: '',
    photo: null,
    assignedUnitNames: [],
    ...overrides,
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  setPageQuery({}, '/pages/mine/index');
});

afterEach(() => backend.restore());

it('lists the tickets with their state chips and marks the overdue ones', async () => {
  backend.on('report.listMine', {
    items: [
      summary({ id: 't-1', state: 'whistled', overdue: true, assignedUnitNames: ['县综合执法局'], descriptionLine: '车辆长期占用消防通道', photo: 'f-photo-1' }),
      summary({ id: 't-2', no: 'YN-20261123-0002', categoryLabel: '飞线充电', state: 'closed' }),
    ],
    next: null,
  });
  const { container } = render(<MinePage />);
  await settle();
  const rows = await waitFor(() => {
    const found = container.querySelectorAll('.mine__item');
    expect(found).toHaveLength(2);
    return [...found] as HTMLElement[];
  });
  // Resident words, not the staff steps (已吹哨 / 已关闭).
  expect(within(rows[0] as HTMLElement).getByText('已派单给县综合执法局')).toBeTruthy();
  expect(within(rows[0] as HTMLElement).queryByText('已吹哨')).toBeNull();
  expect(within(rows[0] as HTMLElement).getByText('超时')).toBeTruthy();
  expect(within(rows[0] as HTMLElement).getByText('车辆长期占用消防通道')).toBeTruthy();
  expect(rows[0]?.querySelector('.mine__thumb')).not.toBeNull();
  expect(within(rows[1] as HTMLElement).getByText('已完成')).toBeTruthy();
  expect(rows[1]?.querySelector('.mine__thumb')).toBeNull();
  expect(within(rows[1] as HTMLElement).queryByText('超时')).toBeNull();
  expect(within(rows[1] as HTMLElement).getByText('YN-20261123-0002 · 2026-11-23 10:00')).toBeTruthy();
  expect(backend.callsOf('report.listMine')[0]?.data).toEqual({ limit: 20 });
});

it('shows the 待发送 report and sends it with its own idempotency key', async () => {
  const estate = estateInfo();
  const draft = { ...newDraft({ id: estate.id, name: estate.name, sceneCode: estate.sceneCode, location: estate.location }), category: 'parking' as const, description: '车辆堵住了消防通道入口', status: 'pending' as const };
  saveDraft(draft);
  backend.on('report.listMine', { items: [], next: null });
  // Offline when the page shows: the automatic retry fails and the draft stays.
  backend.offline = true;
  render(<MinePage />);
  await settle();
  expect(await screen.findByText('待发送')).toBeTruthy();
  expect(screen.getByText('车辆堵住了消防通道入口')).toBeTruthy();

  backend.offline = false;
  backend.on('report.submit', submitAnswer({ no: 'YN-20261123-0099' }));
  const send = screen.getByText('立即发送').closest('taro-button-core') as HTMLElement;
  await clickAndSettle(send);
  await waitFor(() => expect(Taro.getStorageSync(DRAFT_STORAGE_KEY)).toBeFalsy());
  expect(backend.callsOf('report.submit').map((c) => c.data.idempotencyKey)).toEqual([draft.idempotencyKey]);
  expect(screen.queryByText('待发送')).toBeNull();
});

it('shows the signed-in demo user and signs out', async () => {
  saveSession('token-1', { id: 'u-1', name: '张伟', roles: ['resident'] });
  const estate = estateInfo();
  saveDraft({ ...newDraft({ id: estate.id, name: estate.name, sceneCode: estate.sceneCode, location: estate.location }), description: '张伟没写完的草稿' });
  backend.on('report.listMine', { items: [], next: null });
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<MinePage />);
  await settle();
  expect(screen.getByText('当前登录：张伟（居民）')).toBeTruthy();
  expect(screen.getByText('张伟没写完的草稿')).toBeTruthy();
  await clickAndSettle(screen.getByText('退出登录'));
  expect(getSessionUser()).toBeNull();
  // The previous user's draft does not stay on the device.
  expect(Taro.getStorageSync(DRAFT_STORAGE_KEY)).toBeFalsy();
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/signin/index' });
  redirect.mockRestore();
});

it('asks to sign in when the backend answers AUTH.UNAUTHENTICATED', async () => {
  backend.on('report.listMine', new FakeBackendError('AUTH.UNAUTHENTICATED', 'unauthenticated', undefined, 401));
  render(<MinePage />);
  await settle();
  expect(await screen.findByText('请先登录后再操作')).toBeTruthy();
  expect(screen.getByText('去登录', { exact: false })).toBeTruthy();
});
