/**
 * 我的上报: the report still on the device (草稿 / 待发送, with 立即发送), then the resident's tickets
 * with their state chips and overdue marks (report.listMine, paged). In H5 the signed-in demo user
 * and a sign-out; in weapp the identity is the WeChat account.
 */
import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { clearSession, getSessionUser, getToken, photoUrl, type SessionUser } from '../../api';
import { shanghaiDateTime } from '../../../shared/sla/calendar';
import { getCategory } from '../../../shared/taxonomy/categories';
import { devSignOut } from '../../components/dev-signin';
import { friendlyMessage, isUnauthenticated } from '../../components/errors';
import { go, PAGES, replace, toast } from '../../components/nav';
import { rolesText } from '../../components/roles';
import { residentApi, type TicketSummary } from '../../components/resident-api';
import { StateChip } from '../../components/StateChip';
import { clearDraft, hasContent, loadDraft, onConnectivityBack, sendDraft, sendPendingDraft, type ReportDraft, type SendOutcome } from '../../drafts';
import { Button, Tag } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

const PAGE_SIZE = 20;
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function MinePage() {
  const [user, setUser] = useState<SessionUser | null>(() => getSessionUser());
  const [draft, setDraft] = useState<ReportDraft | null>(() => loadDraft());
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<{ text: string; signIn: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const [draftMessage, setDraftMessage] = useState<string | null>(null);
  const loadingMore = useRef(false);

  const load = async () => {
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    try {
      const page = await residentApi.listMine({ limit: PAGE_SIZE });
      setItems(page.items);
      setNext(page.next);
      setStatus('ready');
      setError(null);
    } catch (err) {
      setStatus('error');
      setError({ text: friendlyMessage(err), signIn: isUnauthenticated(err) });
    }
  };

  const loadMore = async () => {
    if (!next || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await residentApi.listMine({ limit: PAGE_SIZE, after: next });
      setItems((prev) => [...prev, ...page.items]);
      setNext(page.next);
    } catch (err) {
      toast(friendlyMessage(err));
    } finally {
      loadingMore.current = false;
    }
  };

  const afterSend = (outcome: SendOutcome | null) => {
    setDraft(loadDraft());
    if (!outcome) return;
    if (outcome.kind === 'sent') {
      setDraftMessage(null);
      toast(`已发送，工单编号 ${outcome.answer.ticket.no}`);
      void load();
    } else {
      setDraftMessage(outcome.message);
    }
  };

  const sendNow = async () => {
    const current = loadDraft();
    if (!current || sending) return;
    setSending(true);
    try {
      afterSend(await sendDraft(current));
    } finally {
      setSending(false);
    }
  };

  useDidShow(() => {
    setUser(getSessionUser());
    setDraft(loadDraft());
    void load();
    void sendPendingDraft().then(afterSend);
  });

  useEffect(() => onConnectivityBack(() => void sendPendingDraft().then(afterSend)), []);

  const signOut = () => {
    const token = getToken();
    if (token) void devSignOut(token);
    clearSession();
    // The next person on this device must not find the previous user's report.
    clearDraft();
    setDraft(null);
    setUser(null);
    void replace(PAGES.signin);
  };

  const pendingDraft = draft && hasContent(draft) ? draft : null;

  return (
    <View className='mine'>
      {!IS_WEAPP ? (
        <View className='card mine__user'>
          {user ? (
            <View className='row row--between'>
              <Text>
                当前登录：{user.name}（{rolesText(user.roles)}）
              </Text>
              <Text className='link' onClick={signOut}>
                退出登录
              </Text>
            </View>
          ) : (
            <View className='row row--between'>
              <Text className='muted'>未登录</Text>
              <Text className='link' onClick={() => void go(PAGES.signin)}>
                登录演示账号
              </Text>
            </View>
          )}
        </View>
      ) : null}

      {pendingDraft ? (
        <View className='list-item mine__draft'>
          <View className='row row--between'>
            <Text className='list-item__title'>{pendingDraft.category ? getCategory(pendingDraft.category).label : '未选择问题类型'}</Text>
            <Tag type={pendingDraft.status === 'pending' ? 'warning' : 'default'}>{pendingDraft.status === 'pending' ? '待发送' : '草稿'}</Tag>
          </View>
          <Text className='list-item__meta'>{pendingDraft.description.slice(0, 60) || '（未填写描述）'}</Text>
          {draftMessage ?? pendingDraft.lastError ? <Text className='list-item__meta mine__draft-error'>{draftMessage ?? pendingDraft.lastError}</Text> : null}
          <View className='actions__item'>
            {pendingDraft.status === 'pending' ? (
              <Button type='primary' disabled={sending} onClick={() => void sendNow()}>
                {sending ? '正在发送…' : '立即发送'}
              </Button>
            ) : (
              <Button onClick={() => void go(PAGES.report)}>
                继续填写
              </Button>
            )}
          </View>
        </View>
      ) : null}

      {status === 'loading' ? <Text className='muted'>正在加载…</Text> : null}
      {status === 'error' && error ? (
        <View className='banner banner--error'>
          <Text>{error.text}</Text>
          {error.signIn ? (
            <Text className='link' onClick={() => void go(PAGES.signin)}>
              {' '}
              去登录
            </Text>
          ) : (
            <Text className='link' onClick={() => void load()}>
              {' '}
              重试
            </Text>
          )}
        </View>
      ) : null}

      {status === 'ready' && items.length === 0 ? (
        <View className='card mine__empty'>
          <Text className='muted'>还没有上报记录。</Text>
        </View>
      ) : null}

      {items.map((item) => (
        <View key={item.id} className='list-item mine__item' data-ticket={item.id} onClick={() => void go(PAGES.ticket, { id: item.id })}>
          <View className='row mine__row'>
            {item.photo ? <Image className='mine__thumb' src={photoUrl(item.photo)} mode='aspectFill' /> : null}
            <View className='mine__body'>
              <View className='row row--between'>
                <Text className='list-item__title mine__title'>{item.categoryLabel}</Text>
                <StateChip state={item.state} units={item.assignedUnitNames ?? []} />
              </View>
              {item.descriptionLine ? <Text className='mine__line'>{item.descriptionLine}</Text> : null}
            </View>
          </View>
          <View className='row mine__meta'>
            <Text className='list-item__meta'>
              {item.no} · {shanghaiDateTime(item.createdAt)}
            </Text>
            {item.overdue ? (
              <View className='mine__overdue'>
                <Tag type='danger' plain>
                  超时
                </Tag>
              </View>
            ) : null}
          </View>
        </View>
      ))}

      {next ? (
        <View className='actions__item'>
          <Button block plain onClick={() => void loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}

      <View className='actions__item'>
        <Button type='primary' block onClick={() => void go(PAGES.report)}>
          上报新问题
        </Button>
      </View>
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(MinePage);
