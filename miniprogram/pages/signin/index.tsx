/**
 * 演示账号登录 (H5, local runtime only): the demo users of GET /api/dev/users grouped by role, a tap
 * signs in (POST /api/dev/signin) and keeps the token (saveSession). Residents go on to the report
 * page, staff to their home in the staff subpackage. In weapp the identity is the WeChat account.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { getSessionUser, saveSession } from '../../api';
import { ROLES } from '../../../shared/domain/roles';
import { devSignIn, DevSignInError, fetchDemoUsers, groupByRole, type DemoUser } from '../../components/dev-signin';
import { PAGES, replace } from '../../components/nav';
import { isStaff, roleText, rolesText } from '../../components/roles';
import { Button } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function SignInPage() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const current = getSessionUser();

  const load = async () => {
    setError(null);
    try {
      setUsers(await fetchDemoUsers());
    } catch (err) {
      setError(err instanceof DevSignInError ? err.message : '加载演示账号失败，请稍后再试');
    }
  };

  useLoad(() => {
    if (!IS_WEAPP) void load();
  });

  const signIn = async (user: DemoUser) => {
    setBusy(user.id);
    setError(null);
    try {
      const session = await devSignIn(user);
      saveSession(session.token, session.user);
      await replace(isStaff(session.user.roles) ? PAGES.staffHome : PAGES.report);
    } catch (err) {
      setError(err instanceof DevSignInError ? err.message : '登录失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  if (IS_WEAPP) {
    return (
      <View className='signin'>
        <View className='card'>
          <Text className='card__title'>使用微信身份</Text>
          <Text className='muted'>小程序直接使用您的微信身份，无需另外登录。演示账号只在本地演示环境（浏览器）中使用。</Text>
        </View>
        <Button type='primary' block onClick={() => void replace(PAGES.report)}>
          去上报问题
        </Button>
      </View>
    );
  }

  return (
    <View className='signin'>
      <View className='banner banner--info'>
        <Text>本地演示环境：选择一个演示账号登录。正式小程序使用微信身份。</Text>
      </View>
      {current ? (
        <Text className='muted signin__current'>
          当前登录：{current.name}（{rolesText(current.roles)}）
        </Text>
      ) : null}
      {error ? (
        <View className='banner banner--error'>
          <Text>{error}</Text>
          <Text className='link' onClick={() => void load()}>
            {' '}
            重试
          </Text>
        </View>
      ) : null}
      {users === null && !error ? <Text className='muted'>正在加载演示账号…</Text> : null}
      {users?.length === 0 ? <Text className='muted'>没有可用的演示账号</Text> : null}
      {users
        ? groupByRole(users, ROLES).map((group) => (
            <View key={group.role} className='card signin__group' data-role={group.role}>
              <Text className='card__title'>{roleText(group.role)}</Text>
              {group.users.map((user) => (
                <View key={user.id} className='signin__user' data-user={user.id} onClick={() => void signIn(user)}>
                  <View className='signin__who'>
                    <Text className='signin__name'>{user.name}</Text>
                    {user.detail ? <Text className='muted'>{user.detail}</Text> : null}
                  </View>
                  <Text className='link'>{busy === user.id ? '正在登录…' : '登录'}</Text>
                </View>
              ))}
            </View>
          ))
        : null}
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(SignInPage);
