/**
 * The staff subscribe button's request (weapp, miniprogram/staff/lib/subscribe.weapp.ts): WeChat's
 * requestSubscribeMessage with the configured staff templates (at most 3), answered per template id
 * with 'accept' | 'reject' | 'ban' | 'filter' (wx.requestSubscribeMessage document); H5 asks nothing.
 */
const requestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (...args: unknown[]) => requestSubscribeMessage(...args) } }));

import * as h5 from '../../../miniprogram/staff/lib/subscribe';
import * as weapp from '../../../miniprogram/staff/lib/subscribe.weapp';
import { SUBSCRIBE_TEMPLATES, templateIdsFor } from '../../../shared/notify/subscribe-templates';

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

  it('weapp: the templates come from the configuration (staff audience), and nothing is asked when none is configured', async () => {
    expect(weapp.CAN_SUBSCRIBE).toBe(true);
    expect(weapp.staffTemplateIds()).toEqual(templateIdsFor('staff'));
    expect(weapp.staffTemplateIds()).toEqual(Object.values(SUBSCRIBE_TEMPLATES).filter((t) => t.audience === 'staff' && t.id !== '').map((t) => t.id));
    expect(await weapp.requestStaffSubscription([])).toBe('unavailable');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('H5: nothing to subscribe to', async () => {
    expect(h5.CAN_SUBSCRIBE).toBe(false);
    expect(await h5.requestStaffSubscription(['x'])).toBe('unavailable');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
