/**
 * The report page in jsdom against a fake backend: global fetch is replaced by an in-memory gateway
 * (support/fake-backend.ts), everything above it — transport, drafts, page — is the real code.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CATEGORIES, URGENT_CATEGORIES } from '../../../../shared/taxonomy/categories';
import ReportPage from '../../../../miniprogram/pages/report/index';
import { DRAFT_STORAGE_KEY, type ReportDraft } from '../../../../miniprogram/drafts';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle, typeInto } from '../../support/render';
import { estateInfo, submitAnswer } from '../../support/resident-fixtures';
import { setPageQuery } from '../../support/taro';

const ESTATE = estateInfo();

let backend: FakeBackend;

async function renderPage(): Promise<ReturnType<typeof render>> {
  const view = render(<ReportPage />);
  await settle();
  return view;
}

function tileOf(label: string): HTMLElement {
  const tile = screen.getByText(label).closest('.category-tile');
  if (!(tile instanceof HTMLElement)) throw new Error(`no tile for ${label}`);
  return tile;
}

function storedDraft(): ReportDraft | null {
  const value = Taro.getStorageSync(DRAFT_STORAGE_KEY) as ReportDraft | '';
  return value || null;
}

function button(text: string | RegExp): HTMLElement {
  const el = screen.getByText(text).closest('taro-button-core');
  if (!(el instanceof HTMLElement)) throw new Error(`no button ${String(text)}`);
  return el;
}

/** Picks 飞线充电 and writes a valid description. */
async function fillValidReport(container: HTMLElement): Promise<void> {
  await clickAndSettle(tileOf('车辆乱停乱放'));
  await typeInto(container, 'description', '地库B区消防通道口长期停放私家车');
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend().on('report.estateByScene', (data) => (data.scene === ESTATE.sceneCode ? ESTATE : new FakeBackendError('NOT_FOUND', '小区不存在', undefined, 404)));
  backend.on('report.nearby', { items: [] });
  setPageQuery({});
});

afterEach(() => backend.restore());

describe('report page: estate from the QR scene', () => {
  it('decodes the weapp scene (URL-encoded) and shows the estate the backend names', async () => {
    setPageQuery({ scene: encodeURIComponent(ESTATE.sceneCode) });
    await renderPage();
    expect(await screen.findByText('锦绣花园')).toBeTruthy();
    expect(backend.callsOf('report.estateByScene')[0]?.data).toEqual({ scene: ESTATE.sceneCode });
  });

  it('takes the same code from the H5 URL (?estate=)', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    await renderPage();
    expect(await screen.findByText('锦绣花园')).toBeTruthy();
  });

  it('refuses an unreadable scene without asking the backend, and offers the estate picker', async () => {
    setPageQuery({ scene: encodeURIComponent('不是小区码') });
    await renderPage();
    expect(screen.getByText('二维码无法识别，请选择您所在的小区')).toBeTruthy();
    expect(screen.getByText('选择小区')).toBeTruthy();
    expect(backend.callsOf('report.estateByScene')).toHaveLength(0);
  });

  it('says so when the code names no estate', async () => {
    setPageQuery({ scene: 'yn-unknown' });
    await renderPage();
    expect(await screen.findByText('没有找到这个小区，请选择您所在的小区')).toBeTruthy();
  });

  it('asks to scan or pick an estate when opened without one', async () => {
    await renderPage();
    expect(screen.getByText('请扫描小区公告栏上的二维码，或选择您所在的小区')).toBeTruthy();
  });

  it('falls back to the estate position when the phone gives no location, and says so', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    await renderPage();
    expect(await screen.findByText('未能获取手机定位，已使用小区位置')).toBeTruthy();
  });
});

describe('report page: category grid', () => {
  it('renders one tile per category with its Chinese label, and marks exactly the urgent ones 紧急', async () => {
    const { container } = await renderPage();
    expect(container.querySelectorAll('.category-tile')).toHaveLength(CATEGORIES.length);
    expect(screen.getAllByText('紧急')).toHaveLength(URGENT_CATEGORIES.length);
    for (const cat of CATEGORIES) {
      expect(within(tileOf(cat.label)).queryByText('紧急') !== null).toBe(cat.urgent);
    }
  });

  it('shows 119/110 with a call button for a danger-to-life category, and none for others', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    await renderPage();
    expect(screen.queryByText(/请立即拨打/)).toBeNull();

    await clickAndSettle(tileOf('飞线充电'));
    expect(screen.getByText(/情况危急请立即拨打119\/110/)).toBeTruthy();
    expect(tileOf('飞线充电').className).toContain('category-tile--selected');
    await clickAndSettle(button('立即拨打 119'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '119' });

    // The grid folds to the chosen category; 更换问题类型 opens it again.
    expect(screen.queryByText('车辆乱停乱放')).toBeNull();
    await clickAndSettle(screen.getByText('更换问题类型'));
    await clickAndSettle(tileOf('车辆乱停乱放'));
    expect(screen.queryByText(/请立即拨打/)).toBeNull();
    call.mockRestore();
  });
});

describe('report page: validation', () => {
  it('names the missing category and the too-short description next to their fields, and sends nothing', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await typeInto(container, 'description', '太乱');
    await clickAndSettle(button('提交'));

    const categoryCard = container.querySelector('[data-field="category"]') as HTMLElement;
    const descriptionField = container.querySelector('[data-field="description"]') as HTMLElement;
    expect(within(categoryCard).getByText('请选择问题类别')).toBeTruthy();
    expect(within(descriptionField).getByText('请至少用5个字描述问题')).toBeTruthy();
    expect(backend.callsOf('report.submit')).toHaveLength(0);
    expect(backend.callsOf('report.nearby')).toHaveLength(0);
  });

  it('lists every problem at once in the banner and scrolls the first invalid field into view', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'pageScrollTo:ok' } as never);
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await typeInto(container, 'description', '太乱');
    await clickAndSettle(button('提交'));
    expect(screen.getByText('还有2项需要补充：1. 请至少用5个字描述问题；2. 请选择问题类别')).toBeTruthy();
    expect(screen.queryByText('请按提示补充后再提交')).toBeNull();
    // The first invalid field in the form's order is the description (the form starts with it), far above the banner.
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '[data-field="description"]' }));

    // Fixing a field drops its error at once, and the banner counts what is left.
    await clickAndSettle(tileOf('车辆乱停乱放'));
    const categoryCard = container.querySelector('[data-field="category"]') as HTMLElement;
    expect(within(categoryCard).queryByText('请选择问题类别')).toBeNull();
    expect(screen.getByText('还有1项需要补充：请至少用5个字描述问题')).toBeTruthy();
    await typeInto(container, 'description', '地库B区消防通道口长期停放私家车');
    expect(screen.queryByText(/还有\d项需要补充/)).toBeNull();
    scroll.mockRestore();
  });

  it('refuses a paste over 500 characters with the count, and keeps what was there', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await typeInto(container, 'description', '地库B区消防通道口长期停放私家车');
    await typeInto(container, 'description', '长'.repeat(2000));
    const descriptionField = container.querySelector('[data-field="description"]') as HTMLElement;
    expect(within(descriptionField).getByText('已超出 1,500 字，最多 500 字')).toBeTruthy();
    expect(within(descriptionField).getByText('16/500')).toBeTruthy();
    expect(storedDraft()?.description).toBe('地库B区消防通道口长期停放私家车');
    // Exactly 500 is taken, and the message goes.
    await typeInto(container, 'description', '长'.repeat(500));
    expect(within(descriptionField).queryByText(/已超出/)).toBeNull();
    expect(storedDraft()?.description).toHaveLength(500);
  });

  it('checks the optional phone number only when one is given', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    await typeInto(container, 'contactPhone', '12345');
    await clickAndSettle(button('提交'));
    const phoneField = container.querySelector('[data-field="contactPhone"]') as HTMLElement;
    expect(within(phoneField).getByText('手机号格式不正确')).toBeTruthy();
    expect(backend.callsOf('report.submit')).toHaveLength(0);
  });

  it('shows the server’s INPUT.INVALID issues next to their fields', async () => {
    backend.on('report.submit', new FakeBackendError('INPUT.INVALID', '输入有误，请检查后重试', [{ path: 'description', message: '内容含有不允许的字符' }]));
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    await clickAndSettle(button('提交'));
    const descriptionField = container.querySelector('[data-field="description"]') as HTMLElement;
    await waitFor(() => expect(within(descriptionField).getByText('内容含有不允许的字符')).toBeTruthy());
    // A refusal is not 待发送: the draft is back to editing, still on the device.
    expect(storedDraft()?.status).toBe('editing');
  });
});

describe('report page: the offline draft', () => {
  it('keeps a failed submit as 待发送 and retries with the same idempotency key; clears the draft after success', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);

    // Saved from the first input on.
    expect(storedDraft()?.description).toBe('地库B区消防通道口长期停放私家车');
    const key = storedDraft()?.idempotencyKey;
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    backend.offline = true;
    await clickAndSettle(button('提交'));
    await waitFor(() => expect(storedDraft()?.status).toBe('pending'));
    expect(storedDraft()?.idempotencyKey).toBe(key);
    expect(screen.getByText('待发送 · 网络不给力，报告已保存在手机上，网络恢复后会自动发送')).toBeTruthy();
    expect(backend.callsOf('report.submit')).toHaveLength(0);

    backend.offline = false;
    backend.on('report.submit', (data) => submitAnswer({ no: 'YN-20261123-0042', description: String(data.description) }));
    await clickAndSettle(button('立即重试发送'));

    await screen.findByText('YN-20261123-0042');
    const submits = backend.callsOf('report.submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]?.data.idempotencyKey).toBe(key);
    expect(submits[0]?.data).toMatchObject({ estateId: ESTATE.id, category: 'parking', description: '地库B区消防通道口长期停放私家车' });
    expect(storedDraft()).toBeNull();
  });

  it('sends a 待发送 draft by itself when the network comes back, with the same key, and sends it once', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    backend.offline = true;
    await clickAndSettle(button('提交'));
    await waitFor(() => expect(storedDraft()?.status).toBe('pending'));
    const key = storedDraft()?.idempotencyKey;

    backend.offline = false;
    backend.on('report.submit', submitAnswer({ no: 'YN-20261123-0043' }));
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    await screen.findByText('YN-20261123-0043');
    expect(backend.callsOf('report.submit').map((c) => c.data.idempotencyKey)).toEqual([key]);
    expect(storedDraft()).toBeNull();
  });

  it('restores a 待发送 draft when the page opens again and retries it on show', async () => {
    setPageQuery({ estate: ESTATE.sceneCode });
    const first = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(first.container);
    backend.offline = true;
    await clickAndSettle(button('提交'));
    await waitFor(() => expect(storedDraft()?.status).toBe('pending'));
    const key = storedDraft()?.idempotencyKey;
    first.unmount();

    backend.offline = false;
    backend.on('report.submit', submitAnswer({ no: 'YN-20261123-0044' }));
    setPageQuery({});
    await renderPage();
    await screen.findByText('YN-20261123-0044');
    expect(backend.callsOf('report.submit').map((c) => c.data.idempotencyKey)).toEqual([key]);
  });
});

describe('report page: me too', () => {
  it('offers the open tickets nearby before submitting, and seconds one with report.meToo instead of a duplicate', async () => {
    backend.on('report.nearby', {
      items: [{ id: 't-near-1', no: 'YN-20261123-0007', category: 'parking', state: 'whistled', estateId: ESTATE.id, createdAt: '2026-11-23T02:00:00.000Z', updatedAt: '2026-11-23T02:10:00.000Z', photos: [], meToo: 2 }],
    });
    backend.on('report.meToo', { ticketId: 't-near-1', added: true, meToo: 3 });
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    await clickAndSettle(button('提交'));

    expect(await screen.findByText('附近已有相同问题')).toBeTruthy();
    expect(screen.getByText(/YN-20261123-0007 · 处理中 · 2026-11-23 10:00 上报 · 2人附议/)).toBeTruthy();
    expect(backend.callsOf('report.nearby')[0]?.data).toMatchObject({ estateId: ESTATE.id, category: 'parking' });
    expect(backend.callsOf('report.submit')).toHaveLength(0);

    await clickAndSettle(button('我也遇到了(附议)'));
    await screen.findByText(/已附议/);
    expect(backend.callsOf('report.meToo').map((c) => c.data)).toEqual([{ ticketId: 't-near-1' }]);
    // meToo 3 seconders + the reporter.
    expect(screen.getByText(/连同上报人，目前共有4位居民反映了这个问题/)).toBeTruthy();
    expect(backend.callsOf('report.submit')).toHaveLength(0);
    expect(storedDraft()).toBeNull();
  });

  it('still submits when the resident says it is not the same problem', async () => {
    backend.on('report.nearby', {
      items: [{ id: 't-near-1', no: 'YN-20261123-0007', category: 'parking', state: 'accepted', estateId: ESTATE.id, createdAt: '2026-11-23T02:00:00.000Z', updatedAt: '2026-11-23T02:00:00.000Z', photos: [], meToo: 0 }],
    });
    backend.on('report.submit', submitAnswer({ no: 'YN-20261123-0050' }));
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    await clickAndSettle(button('提交'));
    await screen.findByText('附近已有相同问题');
    await clickAndSettle(button('不是同一件事，仍然提交'));
    expect(await screen.findByText('YN-20261123-0050')).toBeTruthy();
    expect(backend.callsOf('report.meToo')).toHaveLength(0);
  });
});

describe('report page: after submit', () => {
  it('shows the ticket number, the lead units, the cited list item and the deadlines in Beijing time', async () => {
    backend.on(
      'report.submit',
      submitAnswer({
        no: 'YN-20261123-0060',
        route: {
          lead: [{ id: 'yongning.zjj', name: '县住建局' }, { id: 'yongning.gaj', name: '县公安局' }],
          responsible: [{ id: 'yongning.t.tuanjiexilu', name: '团结西路街道办事处' }],
          basis: [{ source: '002_bbc741157aca8db7.txt', item: '二(二)1(2)', text: '…' }],
        },
        deadlines: [{ step: 'triage', due: '2026-11-23T04:00:00.000Z' }],
      }),
    );
    setPageQuery({ estate: ESTATE.sceneCode });
    const { container } = await renderPage();
    await screen.findByText('锦绣花园');
    await fillValidReport(container);
    await clickAndSettle(button('提交'));
    expect(await screen.findByText('YN-20261123-0060')).toBeTruthy();
    expect(screen.getByText('县住建局、县公安局')).toBeTruthy();
    expect(screen.getByText('依据 永宁县2023年物业提升“123”专项行动工作方案 二(二)1(2)')).toBeTruthy();
    expect(screen.getByText('受理时限 2026-11-23 12:00')).toBeTruthy();
  });
});

it('removes a photo from the draft with ×', async () => {
  jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: ['blob:photo-1', 'blob:photo-2'], tempFiles: [], errMsg: 'chooseImage:ok' });
  setPageQuery({ estate: ESTATE.sceneCode });
  const { container } = await renderPage();
  await screen.findByText('锦绣花园');
  await clickAndSettle(screen.getByText(/拍照\/相册 0\/9/).closest('.photo') as HTMLElement, 80);
  await waitFor(() => expect(storedDraft()?.photos.map((p) => p.id)).toEqual(['f-1', 'f-2']));
  expect(screen.getByText(/拍照\/相册 2\/9/)).toBeTruthy();
  fireEvent.click(container.querySelectorAll('.photo__remove')[0] as Element);
  await settle();
  expect(storedDraft()?.photos.map((p) => p.id)).toEqual(['f-2']);
});
