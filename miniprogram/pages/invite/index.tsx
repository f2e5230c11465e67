/**
 * 绑定工作人员账号 (?code=<invitation code>, or ?scene=<code> from a mini-program code): the staff
 * member confirms, report.redeemInvitation binds the WeChat account of this call (the server takes
 * the openid from the WeChat context, never from the page) to the staff record the admin created,
 * and the page goes on to the staff home. Binding needs a tap: opening a link alone binds nothing.
 */
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { ApiError, callFunction, getSessionUser, getToken, saveSession } from '../../api';
import { friendlyMessage } from '../../components/errors';
import { PAGES, replace } from '../../components/nav';
import { rolesText } from '../../components/roles';
import { Button } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

interface Redeemed {
  userId: string;
  name: string;
  roles: string[];
}

const CODE_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;
/** How long the result stays on screen before the staff home opens. */
const SHOW_RESULT_MS = 1500;

/** The code of the link (`code`) or of a mini-program code (`scene`, URL-encoded by WeChat). */
export function inviteCode(query: Record<string, string | undefined>): string | null {
  const raw = query.code ?? (query.scene !== undefined ? safeDecode(query.scene) : undefined);
  const code = raw?.trim() ?? '';
  return CODE_SHAPE.test(code) ? code : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The server's sentences for invitations are written for the staff member; others get the usual text. */
function inviteMessage(err: unknown): string {
  if (err instanceof ApiError && (err.code.startsWith('INVITE.') || err.code === 'RATE.LIMITED') && /[\u4e00-\u9fa5]/.test(err.message)) return err.message;
  return friendlyMessage(err);
}

/**
 * weapp: restart the mini-program on the staff home, so that nothing remembered about the caller
 * (such as the photo upload prefix of the resident record) outlives the binding; elsewhere, or
 * where restartMiniProgram is missing (base library < 3.0.1), open the staff home.
 */
async function openStaffHome(): Promise<void> {
  const wxApi = (globalThis as { wx?: { restartMiniProgram?: (o: { path: string }) => void } }).wx;
  if (process.env.TARO_ENV === 'weapp' && typeof wxApi?.restartMiniProgram === 'function') {
    try {
      wxApi.restartMiniProgram({ path: PAGES.staffHome });
      return;
    } catch {
      // Fall through to a plain navigation.
    }
  }
  await replace(PAGES.staffHome);
}

function InvitePage() {
  const [code, setCode] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Redeemed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useLoad((query: Record<string, string | undefined>) => {
    setCode(inviteCode(query));
    setLoaded(true);
  });

  const bind = async () => {
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await callFunction<Redeemed>('report', 'redeemInvitation', { code });
      setDone(answer);
      // H5 keeps the signed-in user for the page guards; weapp has no session to update.
      const token = getToken();
      if (token && getSessionUser()) saveSession(token, { id: answer.userId, name: answer.name, roles: answer.roles });
      timer.current = setTimeout(() => void openStaffHome(), SHOW_RESULT_MS);
    } catch (err) {
      setError(inviteMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className='invite'>
        <View className='banner banner--ok'>
          <Text>绑定成功</Text>
        </View>
        <View className='card'>
          <Text className='invite__title'>{done.name}</Text>
          <Text className='invite__line'>身份：{rolesText(done.roles)}</Text>
          <Text className='invite__line muted'>以后用这个微信打开小程序，即以工作人员身份登录。正在进入工作台…</Text>
        </View>
        <View className='invite__actions'>
          <Button
            type='primary'
            block
            onClick={() => {
              if (timer.current) clearTimeout(timer.current);
              void openStaffHome();
            }}
          >
            进入工作台
          </Button>
        </View>
      </View>
    );
  }

  if (loaded && !code) {
    return (
      <View className='invite'>
        <View className='banner banner--error'>
          <Text>没有找到有效的邀请码，请重新扫描管理员提供的二维码</Text>
        </View>
      </View>
    );
  }

  return (
    <View className='invite'>
      <View className='card'>
        <Text className='invite__title'>绑定工作人员账号</Text>
        <Text className='invite__line'>管理员邀请您使用工作人员账号。确认后，当前微信将绑定到该账号，以后打开小程序即以工作人员身份办理工单。</Text>
        <Text className='invite__line muted'>如果您曾用这个微信以居民身份反映过问题，这些问题会继续办理，但绑定后不再显示在“我的上报”中。</Text>
        <Text className='invite__line muted'>邀请码只能使用一次，请勿转发给他人。</Text>
      </View>
      {error ? (
        <View className='banner banner--error'>
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className='invite__actions'>
        <Button type='primary' block loading={busy} disabled={busy || !code} onClick={() => void bind()}>
          确认绑定
        </Button>
      </View>
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(InvitePage);
