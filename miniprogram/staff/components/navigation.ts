/** Staff page paths (miniprogram/app.config.ts, subpackage 'staff'). */
import Taro from '@tarojs/taro';
import type { QueueView } from '../lib/types';

export const staffPaths = {
  home: '/staff/pages/home/index',
  queue: (view: QueueView) => `/staff/pages/queue/index?view=${view}`,
  ticket: (id: string) => `/staff/pages/ticket/index?id=${encodeURIComponent(id)}`,
  dashboard: '/staff/pages/dashboard/index',
  desk: '/staff/pages/desk/index',
  groups: '/staff/pages/groups/index',
  signin: '/pages/signin/index',
};

/** Opens a page; a failed navigation (e.g. no router in a test) is not an error worth a crash. */
export function go(url: string): void {
  try {
    void Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
  } catch {
    // ignore
  }
}
