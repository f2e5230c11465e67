/**
 * The staff subscribe button's request (weapp, miniprogram/staff/lib/subscribe.weapp.ts): WeChat's
 * requestSubscribeMessage with the configured staff templates (at most 3), answered per template id
 * with 'accept' | 'reject' | 'ban' | 'filter' (wx.requestSubscribeMessage document); H5 asks nothing.
 */
const requestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (...args: unknown[]) => requestSubscribeMessage(...args) } }));

import * as h5 from '../../../miniprogram/staff/lib/subscribe';
import * as weapp from '../../../miniprogram/staff/lib/subscribe.weapp';
import { residentTemplateIds } from '../../../miniprogram/components/subscribe-config';

beforeEach(() => requestSubscribeMessage.mockReset());

describe('staff subscribe request', () => {
  it('weapp: asks for the given staff templates and reports whether one was accepted', async () => {
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-staff': 'accept' });
    expect(await weapp.requestStaffSubscription(['tmpl-staff'])).toBe('accepted');
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-staff'] });
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-staff': 'reject' });
    expect(await weapp.requestStaffSubscription(['tmpl-staff'])).toBe('rejected');
    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' });
    expect(await weapp.requestStaffSubscription(['tmpl-staff'])).toBe('unavailable');
  });

  it('weapp: the staff templates are the build\'s SUBSCRIBE_TEMPLATES (TARO_APP_SUBSCRIBE_TEMPLATES), and nothing is asked when none is configured', async () => {
    expect(weapp.CAN_SUBSCRIBE).toBe(true);
    const saved = process.env.TARO_APP_SUBSCRIBE_TEMPLATES;
    try {
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = JSON.stringify({ staffTodo: 'tmplStaffTodo0001', residentProgress: 'tmplResident0001' });
      expect(weapp.staffTemplateIds()).toEqual(['tmplStaffTodo0001']);
      expect(residentTemplateIds()).toEqual(['tmplResident0001']);
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = '';
      expect(weapp.staffTemplateIds()).toEqual([]);
      expect(residentTemplateIds()).toEqual([]);
      // A placeholder is not an id: asked for, WeChat would answer 'filter' for every user.
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = JSON.stringify({ staffTodo: 'REPLACE WITH ID' });
      expect(weapp.staffTemplateIds()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TARO_APP_SUBSCRIBE_TEMPLATES;
      else process.env.TARO_APP_SUBSCRIBE_TEMPLATES = saved;
    }
    expect(await weapp.requestStaffSubscription([])).toBe('unavailable');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('H5: nothing to subscribe to', async () => {
    expect(h5.CAN_SUBSCRIBE).toBe(false);
    expect(await h5.requestStaffSubscription(['x'])).toBe('unavailable');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
