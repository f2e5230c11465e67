/**
 * 工作台: the signed-in staff member, counts that open the right queue, entries per role, and the
 * unread hand-overs (交办) with mark-read.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { OutboxMessage } from '../../../../shared/domain/outbox';
import { Button } from '../../../ui';
import { ErrorText, Section } from '../../components/Field';
import { OutboxBanner } from '../../components/OutboxBanner';
import { useStaffOutbox } from '../../components/useStaffOutbox';
import { go, staffPaths } from '../../components/navigation';
import { callTicket } from '../../lib/api';
import { governanceEntries } from '../../lib/governance';
import { assessmentEntries } from '../../lib/assessment';
import { countyEntries } from '../../lib/county';
import { formatTime } from '../../lib/format';
import { cardViews, entriesFor, roleLabel } from '../../lib/roles';
import type { HomeAnswer } from '../../lib/types';
import '../../styles.css';

export default function StaffHomePage() {
  const [home, setHome] = useState<HomeAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      setHome(await callTicket<HomeAnswer>('home'));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : '加载失败');
    }
  }

  useDidShow(() => void load());
  // Staff actions kept on the phone (weak signal): sent when the app shows and when the network returns.
  const outbox = useStaffOutbox(undefined, () => void load());
  const banner = <OutboxBanner items={outbox.items} sending={outbox.sending} onRetry={() => void outbox.flush()} onDiscard={outbox.discard} showTicket />;

  async function markRead(ids: string[]) {
    try {
      await callTicket('markRead', { ids });
      setHome((h) =>
        h ? { ...h, unread: h.unread.filter((m) => !ids.includes(m.id)), counts: { ...h.counts, unread: Math.max(0, h.counts.unread - ids.length) } } : h,
      );
      // The answer lists the newest unread hand-overs only; once those are read, the older ones are read in.
      if (home && home.counts.unread > home.unread.length && home.unread.every((m) => ids.includes(m.id))) void load();
    } catch (err) {
      setError(err instanceof Error ? err.message : '操作失败');
    }
  }

  function open(message: OutboxMessage) {
    void markRead([message.id]);
    if (message.ticketId) go(staffPaths.ticket(message.ticketId));
  }

  if (!home) {
    return (
      <View className='staff'>
        {banner}
        <ErrorText error={error} />
        {error ? (
          <Button block onClick={() => go(staffPaths.signin)}>
            登录
          </Button>
        ) : (
          <Text className='staff-muted'>加载中…</Text>
        )}
      </View>
    );
  }

  const roles = home.user.roles;
  // Each counter opens the list it counts (the backend's view; an older backend's from the roles).
  const views = home.views ?? cardViews(roles);
  // A count the backend stopped at its safety cap is shown as at least that many (N+), never as the truth.
  const atLeast = (n: number, capped: boolean | undefined) => `${n}${capped ? '+' : ''}`;
  const cards = [
    { key: 'new', label: '新工单', value: atLeast(home.counts.new, home.truncated), url: staffPaths.queue(views.new), alert: false },
    { key: 'dueSoon', label: '即将超时', value: atLeast(home.counts.dueSoon, home.truncated), url: staffPaths.queue(views.dueSoon), alert: home.counts.dueSoon > 0 },
    { key: 'overdue', label: '已超时', value: atLeast(home.counts.overdue, home.truncated), url: staffPaths.queue(views.overdue), alert: home.counts.overdue > 0 },
    { key: 'unread', label: '未读交办', value: String(home.counts.unread), url: '', alert: home.counts.unread > 0 },
  ];

  return (
    <View className='staff staff-home'>
      {banner}
      <Section>
        <Text className='staff-user__name'>{home.user.name ?? '工作人员'}</Text>
        <View className='staff-user__roles'>
          {roles.map((r) => (
            <Text key={r} className='staff-tag'>
              {roleLabel(r)}
            </Text>
          ))}
        </View>
      </Section>

      <View className='staff-counts'>
        {cards.map((c) => (
          <View key={c.key} className={`staff-count staff-count--${c.key}${c.alert ? ' staff-count--alert' : ''}`} onClick={() => (c.url ? go(c.url) : undefined)}>
            <Text className='staff-count__value'>{c.value}</Text>
            <Text className='staff-count__label'>{c.label}</Text>
          </View>
        ))}
      </View>

      <Section title='我的工作'>
        {[...entriesFor(roles, staffPaths), ...governanceEntries(roles), ...assessmentEntries(roles), ...countyEntries(roles)].map((e) => (
          <View key={e.url} className='staff-link' onClick={() => go(e.url)}>
            <Text>{e.label}</Text>
            <Text className='staff-muted'>›</Text>
          </View>
        ))}
      </Section>

      <Section title='未读交办消息'>
        {home.unread.length ? (
          <View>
            {home.unread.map((m) => (
              <View key={m.id} className='staff-message'>
                <View onClick={() => open(m)}>
                  <Text className='staff-message__title'>{m.title}</Text>
                  <Text className='staff-message__body'>{m.body}</Text>
                  <Text className='staff-muted'>{formatTime(m.createdAt)}</Text>
                </View>
                <Button size='small' plain onClick={() => void markRead([m.id])}>
                  标为已读
                </Button>
              </View>
            ))}
            <Button block onClick={() => void markRead(home.unread.map((m) => m.id))}>
              全部标为已读
            </Button>
          </View>
        ) : (
          <Text className='staff-muted'>没有未读的交办消息</Text>
        )}
      </Section>
      <ErrorText error={error} />
    </View>
  );
}
