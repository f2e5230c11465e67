import { ApiError } from '../../../miniprogram/api/errors';
import { fieldErrorsOf, friendlyMessage, GENERIC_ERROR } from '../../../miniprogram/components/errors';

describe('friendlyMessage', () => {
  it('gives a Chinese sentence per stable code', () => {
    expect(friendlyMessage(new ApiError('NETWORK', 'x'))).toBe('网络不给力，请稍后重试');
    expect(friendlyMessage(new ApiError('AUTH.UNAUTHENTICATED', '请先登录'))).toBe('请先登录后再操作');
    expect(friendlyMessage(new ApiError('TICKET.VERSION_CONFLICT', 'ticket t-1 version 3 != 4'))).toBe('工单刚刚有了新进展，已为您刷新，请确认后再操作');
  });

  it('passes on the server’s Chinese sentence where it is written for people', () => {
    expect(friendlyMessage(new ApiError('CONTENT.REJECTED', '内容未通过安全检查：含有敏感词'))).toBe('内容未通过安全检查：含有敏感词');
    expect(friendlyMessage(new ApiError('TICKET.WINDOW_CLOSED', '已超过可申请重办的期限'))).toBe('已超过可申请重办的期限');
  });

  it('never shows a raw error', () => {
    expect(friendlyMessage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(GENERIC_ERROR);
    expect(friendlyMessage(new ApiError('SOMETHING.NEW', 'stack trace at foo.js:1'))).toBe(GENERIC_ERROR);
    expect(friendlyMessage('boom')).toBe(GENERIC_ERROR);
  });
});

describe('fieldErrorsOf', () => {
  it('maps INPUT.INVALID issues to their top-level field, first issue wins, non-Chinese text replaced', () => {
    const err = new ApiError('INPUT.INVALID', '输入有误', [
      { path: 'description', message: '请至少用5个字描述问题' },
      { path: 'description', message: '不能超过500字' },
      { path: 'photos.3', message: 'Invalid' },
      { path: 'estateId', message: 'String must contain at least 1 character(s)' },
    ]);
    expect(fieldErrorsOf(err, { estateId: '请先选择小区' })).toEqual({ description: '请至少用5个字描述问题', photos: '请检查此项', estateId: '请先选择小区' });
  });

  it('is empty for other errors', () => {
    expect(fieldErrorsOf(new ApiError('NETWORK', 'x'))).toEqual({});
  });
});
