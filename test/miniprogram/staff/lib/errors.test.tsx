// jsdom project (.tsx): these modules reach miniprogram/api, whose Taro import needs the page-test setup.
import { ApiError } from '../../../../miniprogram/api';
import { FRIENDLY_ERRORS, friendlyError, isAuthRefusal } from '../../../../miniprogram/staff/lib/errors';

describe('friendlyError', () => {
  it('words the group refusals and the scope refusal our way', () => {
    for (const code of ['GROUP.FOREIGN', 'GROUP.UNRESOLVED', 'GROUP.NOT_BOUND', 'AUTH.OUT_OF_SCOPE']) {
      expect(friendlyError(new ApiError(code, 'server text'))).toBe(FRIENDLY_ERRORS[code]);
    }
    expect(friendlyError(new ApiError('AUTH.OUT_OF_SCOPE', '该工单不在您的管辖范围内'))).toBe('该小区不在您的管辖范围内');
  });

  it('keeps a Chinese server message of other codes, and never shows English', () => {
    expect(friendlyError(new ApiError('LEDGER.ALREADY_CONFIRMED', '该工单已认定违反“九不准”第4条'))).toBe('该工单已认定违反“九不准”第4条');
    expect(friendlyError(new ApiError('INTERNAL', 'boom'), '加载失败')).toBe('加载失败');
    expect(friendlyError(new Error('Network request failed'))).toBe('操作失败，请稍后重试');
  });

  it('tells AUTH refusals apart', () => {
    expect(isAuthRefusal(new ApiError('AUTH.FORBIDDEN', '无权'))).toBe(true);
    expect(isAuthRefusal(new ApiError('GROUP.FOREIGN', 'x'))).toBe(false);
    expect(isAuthRefusal(new Error('AUTH.FORBIDDEN'))).toBe(false);
  });
});
