/**
 * Issue 15, declarations: the report page says beside the photo and phone fields what they are for,
 * and links the in-app privacy policy (main package).
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportPage from '../../../../miniprogram/pages/report/index';
import { installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle } from '../../support/render';
import { setPageQuery } from '../../support/taro';

let backend: FakeBackend;

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
  backend.on('report.nearby', { items: [] });
  setPageQuery({});
});

afterEach(() => backend.restore());

describe('report page: purpose notes and the privacy policy', () => {
  it('explains beside the photos and the phone number what they are used for', async () => {
    render(<ReportPage />);
    await settle();
    const photos = document.querySelector('[data-field="photos"]');
    expect(photos?.textContent).toMatch(/用途：让处置人员看清现场/);
    const phoneNote = screen.getByText(/用途：仅供处置人员联系您核实情况/);
    // Right after the phone field, in the same card.
    expect(phoneNote.previousElementSibling?.textContent ?? '').toContain('联系电话');
  });

  it('links the privacy policy page', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    render(<ReportPage />);
    await settle();
    await clickAndSettle(screen.getByText('《隐私政策》'));
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
  });
});
