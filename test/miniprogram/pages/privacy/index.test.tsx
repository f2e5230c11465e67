import { render, screen } from '@testing-library/react';
import PrivacyPage from '../../../../miniprogram/pages/privacy/index';

describe('privacy policy page', () => {
  it('states in Chinese what is collected and why: location, photos, phone, the WeChat identity', () => {
    render(<PrivacyPage />);
    expect(screen.getByText('小区吹哨隐私政策')).toBeTruthy();
    const text = document.body.textContent ?? '';
    for (const item of ['位置信息', '照片', '联系电话', '微信身份标识', '谁能看到', '保存', '删除']) expect(text).toContain(item);
    expect(text).toMatch(/一天后自动删除/);
  });
});
