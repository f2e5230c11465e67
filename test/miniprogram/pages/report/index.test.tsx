/** The report page in jsdom: the category grid comes from shared/taxonomy and marks urgent categories. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CATEGORIES, URGENT_CATEGORIES } from '../../../../shared/taxonomy/categories';
import ReportPage from '../../../../miniprogram/pages/report/index';
import { setPageQuery } from '../../support/taro';

/** Taro's web components upgrade asynchronously; let pending work settle inside act(). */
async function renderPage(): Promise<ReturnType<typeof render>> {
  const view = render(<ReportPage />);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return view;
}

function tileOf(label: string): HTMLElement {
  const tile = screen.getByText(label).closest('.category-tile');
  if (!(tile instanceof HTMLElement)) throw new Error(`no tile for ${label}`);
  return tile;
}

describe('report page', () => {
  beforeEach(() => setPageQuery({}));

  it('renders one tile per category with its Chinese label', async () => {
    const { container } = await renderPage();
    expect(container.querySelectorAll('.category-tile')).toHaveLength(CATEGORIES.length);
    for (const cat of CATEGORIES) {
      expect(screen.getByText(cat.label)).toBeTruthy();
    }
  });

  it('marks exactly the urgent categories with 紧急', async () => {
    const { container } = await renderPage();
    expect(screen.getAllByText('紧急')).toHaveLength(URGENT_CATEGORIES.length);
    expect(container.querySelectorAll('.category-tile--urgent')).toHaveLength(URGENT_CATEGORIES.length);
    for (const cat of CATEGORIES) {
      expect(within(tileOf(cat.label)).queryByText('紧急') !== null).toBe(cat.urgent);
    }
  });

  it('shows the estate code from the QR scene, URL-decoded', async () => {
    setPageQuery({ scene: encodeURIComponent('E-0001/一期') });
    await renderPage();
    expect(screen.getByText('小区编号：E-0001/一期')).toBeTruthy();
  });

  it('asks to scan the noticeboard code when no scene is given', async () => {
    await renderPage();
    expect(screen.getByText('未识别小区：请扫描小区公告栏上的二维码')).toBeTruthy();
  });

  it('shows the emergency number first for a danger-to-life category, and none for others', async () => {
    await renderPage();
    expect(screen.queryByText(/请立即拨打/)).toBeNull();
    expect(screen.getByText('请先选择问题类型')).toBeTruthy();

    fireEvent.click(tileOf('飞线充电'));
    expect(screen.getByText(/情况危急请立即拨打 119/)).toBeTruthy();
    expect(screen.getByText('下一步：飞线充电')).toBeTruthy();
    expect(tileOf('飞线充电').className).toContain('category-tile--selected');

    fireEvent.click(tileOf('车辆乱停乱放'));
    expect(screen.queryByText(/请立即拨打/)).toBeNull();
    expect(screen.getByText('下一步：车辆乱停乱放')).toBeTruthy();
  });
});
