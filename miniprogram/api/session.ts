/** The local runtime's dev sign-in token (H5 only; weapp identity is the WeChat context). */
import Taro from '@tarojs/taro';

const KEY = 'xqcs.session';

export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
}

export function getToken(): string | null {
  try {
    const s = Taro.getStorageSync(KEY) as { token?: string } | '';
    return s && s.token ? s.token : null;
  } catch {
    return null;
  }
}

export function getSessionUser(): SessionUser | null {
  try {
    const s = Taro.getStorageSync(KEY) as { user?: SessionUser } | '';
    return s && s.user ? s.user : null;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: SessionUser): void {
  Taro.setStorageSync(KEY, { token, user });
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}
