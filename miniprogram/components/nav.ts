/**
 * Page navigation that never throws at the resident: a failed navigateTo (page stack full, unknown
 * route) falls back to redirectTo. Page paths are those of app.config.ts.
 */
import Taro from '@tarojs/taro';

export const PAGES = {
  report: '/pages/report/index',
  mine: '/pages/mine/index',
  ticket: '/pages/ticket/index',
  noticeboard: '/pages/noticeboard/index',
  estates: '/pages/estates/index',
  signin: '/pages/signin/index',
  poster: '/pages/poster/index',
  share: '/pages/share/index',
  privacy: '/pages/privacy/index',
  staffHome: '/staff/pages/home/index',
} as const;

export function pageUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export async function go(path: string, query: Record<string, string | undefined> = {}): Promise<void> {
  const url = pageUrl(path, query);
  try {
    await Taro.navigateTo({ url });
  } catch {
    try {
      await Taro.redirectTo({ url });
    } catch {
      // Nowhere to go (e.g. outside a booted app): stay on the page.
    }
  }
}

export async function replace(path: string, query: Record<string, string | undefined> = {}): Promise<void> {
  const url = pageUrl(path, query);
  try {
    await Taro.redirectTo({ url });
  } catch {
    await go(path, query);
  }
}

/** Tap-to-call; a refusal or a desktop browser without a dialer is not an error. */
export async function call(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch {
    // The resident cancelled.
  }
}

export function toast(title: string): void {
  try {
    void Taro.showToast({ title, icon: 'none', duration: 2500 });
  } catch {
    // No toast host (tests outside an app): the page shows its own message as well.
  }
}

/** A way back from a dead end (access denied, not found): the previous page, else `fallback`. */
export async function back(fallback: string = PAGES.mine): Promise<void> {
  let depth = 0;
  try {
    depth = Taro.getCurrentPages().length;
  } catch {
    depth = 0;
  }
  if (depth > 1) {
    try {
      await Taro.navigateBack({ delta: 1 });
      return;
    } catch {
      // No page to go back to: fall through.
    }
  }
  await replace(fallback);
}
