/**
 * 工单公示 (?id=<ticket id>): what a neighbour sees of a ticket shared into the owner group —
 * report.publicView, with no personal data (photos only when the reporter allowed them) — and
 * 我也遇到了 to add their voice (report.meToo).
 */
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useLoad, useShareAppMessage } from '@tarojs/taro';
import { shanghaiDateTime } from '../../../shared/sla/calendar';
import { friendlyMessage, isUnauthenticated } from '../../components/errors';
import { back, go, PAGES } from '../../components/nav';
import { PhotoStrip } from '../../components/PhotoStrip';
import { residentApi, type PublicTicket } from '../../components/resident-api';
import { StateChip } from '../../components/StateChip';
import { Button } from '../../ui';
import { withTextScale } from '../../ui/withTextScale';
import '../../components/components.css';
import './index.css';

function SharePage() {
  const [item, setItem] = useState<PublicTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string; signIn?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const idRef = useRef<string | null>(null);

  useLoad((query: Record<string, string | undefined>) => {
    const id = query.id ?? null;
    idRef.current = id;
    if (!id) {
      setError('没有指定要查看的问题');
      return;
    }
    residentApi
      .publicView({ ticketId: id })
      .then(setItem)
      .catch((err: unknown) => setError(friendlyMessage(err)));
  });

  useShareAppMessage(() => ({ title: '小区问题办理进度', path: `${PAGES.share}?id=${encodeURIComponent(idRef.current ?? '')}` }));

  const meToo = async () => {
    if (!item) return;
    setBusy(true);
    try {
      const answer = await residentApi.meToo({ ticketId: item.id });
      setItem({ ...item, meToo: answer.meToo });
      setNotice({ type: 'ok', text: answer.added ? '已附议，感谢您的反映' : '您已经附议过这个问题' });
    } catch (err) {
      setNotice({ type: 'error', text: friendlyMessage(err), signIn: isUnauthenticated(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!item) {
    return (
      <View className='share'>
        {error ? (
          <View className='banner banner--error'>
            <Text>{error}</Text>
          </View>
        ) : (
          <Text className='muted'>正在加载…</Text>
        )}
        {error ? (
          <View className='actions__item'>
            <Button type='primary' block onClick={() => void back(PAGES.report)}>
              返回
            </Button>
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className='share'>
      <View className='card'>
        <View className='row row--between'>
          <Text className='share__category'>{item.categoryLabel}</Text>
          <StateChip state={item.state} />
        </View>
        <Text className='muted share__meta'>
          工单编号 {item.no} · {shanghaiDateTime(item.createdAt)} 上报
        </Text>
        <Text className='muted share__meta'>最近更新 {shanghaiDateTime(item.updatedAt)}</Text>
        <Text className='share__count'>{item.meToo > 0 ? `已有${item.meToo}位居民附议` : '暂无其他居民附议'}</Text>
        {item.description ? <Text className='share__text'>{item.description}</Text> : null}
        <PhotoStrip ids={item.photos} title={item.afterPhotos?.length ? '上报照片' : undefined} />
      </View>

      {item.state === 'closed' && (item.resolution || item.afterPhotos?.length) ? (
        <View className='card share__fix'>
          <Text className='card__title'>办理结果</Text>
          {item.resolution ? <Text className='share__text'>{item.resolution}</Text> : null}
          <PhotoStrip ids={item.afterPhotos ?? []} title='整改后照片' />
        </View>
      ) : null}

      {notice ? (
        <View className={`banner banner--${notice.type}`}>
          <Text>{notice.text}</Text>
          {notice.signIn ? (
            <Text className='link' onClick={() => void go(PAGES.signin)}>
              {' '}
              去登录
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='actions__item'>
        <Button type='primary' block disabled={busy} onClick={() => void meToo()}>
          {busy ? '正在附议…' : '我也遇到了'}
        </Button>
      </View>
      <View className='actions__item'>
        <Button block plain onClick={() => void go(PAGES.noticeboard, item.estateId ? { estate: item.estateId } : {})}>
          查看小区公告栏
        </Button>
      </View>
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(SharePage);
