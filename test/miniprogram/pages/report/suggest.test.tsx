/**
 * "Describe it, we file it" on the report page (issue 16 §5), in jsdom against the fake backend
 * (support/fake-backend.ts replaces global fetch; transport, page and chips are the real code):
 * typing asks report.suggestCategory once after a pause, the three answers show as chips above the
 * grid, a tap selects one, the grid stays; offline or refused there are no chips and no error; the
 * 119 notice follows the resident's words before any category is chosen.
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportPage from '../../../../miniprogram/pages/report/index';
import { SUGGEST_DEBOUNCE_MS } from '../../../../miniprogram/pages/report/suggestions';
import { DRAFT_STORAGE_KEY, type ReportDraft } from '../../../../miniprogram/drafts';
import { CATEGORIES, getCategory, type CategoryCode } from '../../../../shared/taxonomy/categories';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle, typeInto } from '../../support/render';
import { estateInfo } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';

const ESTATE = estateInfo();
let backend: FakeBackend;

const answer = (...codes: CategoryCode[]) => codes.map((category, i) => ({ category, label: getCategory(category).label, score: 0.8 / (i + 1) }));
const chips = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('[data-suggest]'));
const pause = () => settle(SUGGEST_DEBOUNCE_MS + 150);

async function renderPage() {
  setPageQuery({ estate: ESTATE.sceneCode });
  const view = render(<ReportPage />);
  await settle();
  await screen.findByText(ESTATE.name);
  return view;
}

function storedDraft(): ReportDraft | null {
  const value = Taro.getStorageSync(DRAFT_STORAGE_KEY) as ReportDraft | '';
  return value || null;
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend().on('report.estateByScene', ESTATE);
  backend.on('report.nearby', { items: [] });
});
afterEach(() => backend.restore());

describe('report page: categories suggested from the description', () => {
  it('asks once after a pause in typing, with the last text, and shows the three answers as chips above the grid', async () => {
    backend.on('report.suggestCategory', answer('fly-wire', 'ebike-indoor', 'fire-lane'));
    const { container } = await renderPage();
    await typeInto(container, 'description', '楼上有人');
    await typeInto(container, 'description', '楼上有人飞线');
    await typeInto(container, 'description', '楼上有人飞线冲电');
    expect(backend.callsOf('report.suggestCategory')).toHaveLength(0);
    await pause();
    expect(backend.callsOf('report.suggestCategory').map((c) => c.data)).toEqual([{ text: '楼上有人飞线冲电' }]);

    expect(chips(container).map((c) => c.textContent)).toEqual(['飞线充电', '电动车进楼入户/楼道停放充电', '占用堵塞消防车道/疏散通道/安全出口']);
    expect(screen.getByText('根据您的描述，可能是：')).toBeTruthy();
    // Above the grid, and the grid is all there.
    const grid = container.querySelector('.category-grid') as HTMLElement;
    const suggest = container.querySelector('.report__suggest') as HTMLElement;
    expect(suggest.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelectorAll('.category-tile')).toHaveLength(CATEGORIES.length);
  });

  it('selects the tapped chip as the category (kept in the draft), and the grid stays available to change it', async () => {
    backend.on('report.suggestCategory', answer('clutter', 'fire-lane', 'ebike-indoor'));
    const { container } = await renderPage();
    await typeInto(container, 'description', '楼道里堆满了纸箱子和旧沙发');
    await pause();
    await clickAndSettle(container.querySelector('[data-suggest="clutter"]') as HTMLElement);

    expect(storedDraft()?.category).toBe('clutter');
    expect((container.querySelector('[data-suggest="clutter"]') as HTMLElement).className).toContain('report__chip--selected');
    expect((container.querySelector('.category-tile[data-code="clutter"]') as HTMLElement).className).toContain('category-tile--selected');
    await clickAndSettle(screen.getByText('更换问题类型'));
    expect(container.querySelectorAll('.category-tile')).toHaveLength(CATEGORIES.length);
    await clickAndSettle(container.querySelector('.category-tile[data-code="fire-lane"]') as HTMLElement);
    expect(storedDraft()?.category).toBe('fire-lane');
  });

  it('does not ask for fewer than 4 characters', async () => {
    backend.on('report.suggestCategory', answer('other', 'noise', 'dog'));
    const { container } = await renderPage();
    await typeInto(container, 'description', '太乱');
    await pause();
    expect(backend.callsOf('report.suggestCategory')).toHaveLength(0);
    expect(chips(container)).toHaveLength(0);
  });

  it('offline: no chips, no error, the grid works', async () => {
    backend.on('report.suggestCategory', answer('elevator', 'other', 'noise'));
    const { container } = await renderPage();
    backend.offline = true;
    await typeInto(container, 'description', '电梯又坏了三天了');
    await pause();
    expect(chips(container)).toHaveLength(0);
    expect(container.querySelector('.banner--error')).toBeNull();
    expect(screen.queryByText(/网络/)).toBeNull();
    await clickAndSettle(container.querySelector('.category-tile[data-code="elevator"]') as HTMLElement);
    expect(storedDraft()?.category).toBe('elevator');
  });

  it('a refused call (e.g. an older function without the action) shows no chips and no error', async () => {
    backend.on('report.suggestCategory', new FakeBackendError('ACTION.UNKNOWN', '未知操作', undefined, 400));
    const { container } = await renderPage();
    await typeInto(container, 'description', '电梯又坏了三天了');
    await pause();
    expect(backend.callsOf('report.suggestCategory')).toHaveLength(1);
    expect(chips(container)).toHaveLength(0);
    expect(container.querySelector('.banner--error')).toBeNull();
  });

  it('clears the chips when the description is emptied', async () => {
    backend.on('report.suggestCategory', answer('garbage', 'clutter', 'other'));
    const { container } = await renderPage();
    await typeInto(container, 'description', '垃圾好几天没人拉');
    await pause();
    expect(chips(container)).toHaveLength(3);
    await typeInto(container, 'description', '');
    await pause();
    expect(chips(container)).toHaveLength(0);
  });
});

describe('report page: 119 from the resident\'s words (issue 16 §5)', () => {
  it.each(['楼道里着火了', '闻到很大煤气味', '电梯里困人了'])('"%s" shows the 119 notice before any category is chosen', async (text) => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const { container } = await renderPage();
    // Even with no answer from the function: the danger words are checked on the device.
    backend.offline = true;
    expect(screen.queryByText(/请立即拨打/)).toBeNull();
    await typeInto(container, 'description', text);
    expect(screen.getByText(/情况危急请立即拨打119\/110/)).toBeTruthy();
    await clickAndSettle(screen.getByText('立即拨打 119'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '119' });
    call.mockRestore();
  });

  it('shows no notice for an everyday problem', async () => {
    const { container } = await renderPage();
    await typeInto(container, 'description', '楼道里堆满了纸箱子');
    expect(screen.queryByText(/请立即拨打/)).toBeNull();
  });
});
