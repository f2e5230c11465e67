/**
 * 业主群警务台: the police officer's estates' tickets in police-relevant categories and those shared
 * into an owner group (view 'police-desk'); claim, public reply, mediation record and hand-over in place.
 * One owner group can be chosen (its estate's police tickets and the ones shared into it): in weapp
 * the group chat the mini-program was opened from, else any bound group of the officer's estates.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, useLoad } from '@tarojs/taro';
import { ChoiceList, ErrorText, Field } from '../../components/Field';
import { InlineActions } from '../../components/InlineActions';
import { go, staffPaths } from '../../components/navigation';
import { TicketRow } from '../../components/TicketRow';
import { useNow } from '../../components/useNow';
import { callTicket, loadEstateNames, type StaffAction } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import { enteredGroupRef } from '../../lib/groupEntry';
import type { DeskAnswer, ResolvedGroup } from '../../lib/types';
import '../../styles.css';

const DESK_ACTIONS: readonly StaffAction[] = ['claim', 'reply', 'mediate', 'handover'];
const ALL = '__all__';

type DeskGroup = NonNullable<DeskAnswer['groups']>[number];

/** Groups known so far, by id: a filtered answer lists only its estate's groups, so lists are merged. */
function mergeGroups(known: readonly DeskGroup[], more: readonly DeskGroup[]): DeskGroup[] {
  const byId = new Map(known.map((g) => [g.id, g]));
  for (const g of more) byId.set(g.id, g);
  return [...byId.values()];
}

export default function PoliceDeskPage() {
  /** undefined until decided; null: every group of the officer's estates. */
  const [groupId, setGroupId] = useState<string | null | undefined>(undefined);
  const [groups, setGroups] = useState<DeskGroup[]>([]);
  const [entered, setEntered] = useState<ResolvedGroup | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [answer, setAnswer] = useState<DeskAnswer | null>(null);
  const [estates, setEstates] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const now = useNow();

  /** weapp: the bound group the mini-program was opened from, if any. */
  async function fromEnteredGroup() {
    const ref = await enteredGroupRef();
    if (!ref) {
      setGroupId(null);
      return;
    }
    try {
      const group = await callTicket<ResolvedGroup>('resolveGroup', ref);
      setEntered(group);
      setGroups((known) => mergeGroups(known, [{ id: group.id, estateId: group.estateId, name: group.name }]));
      setGroupId(group.id);
    } catch (err) {
      setNotice(friendlyError(err, '无法识别当前业主群，已显示全部涉警工单'));
      setGroupId(null);
    }
  }

  useLoad((q: Record<string, string | undefined>) => {
    if (q.groupId) setGroupId(q.groupId);
    else void fromEnteredGroup();
  });

  async function load(id: string | null) {
    try {
      const [queue, names] = await Promise.all([
        callTicket<DeskAnswer>('queue', { view: 'police-desk', limit: 100, ...(id ? { groupId: id } : {}) }),
        loadEstateNames(),
      ]);
      setAnswer(queue);
      setEstates(names);
      setGroups((known) => mergeGroups(known, queue.groups ?? []));
      setError(null);
    } catch (err) {
      setError(friendlyError(err, '加载失败'));
    }
  }

  useEffect(() => {
    if (groupId !== undefined) void load(groupId);
  }, [groupId]);
  useDidShow(() => {
    if (groupId !== undefined) void load(groupId);
  });

  const estateName = (id: string | null) => (id ? estates.get(id) || id : '未关联小区');
  const choices = [
    { key: ALL, label: '全部业主群' },
    ...groups.map((g) => ({ key: g.id, label: g.name, hint: `${estateName(g.estateId)}${entered?.id === g.id ? ' · 当前群' : ''}` })),
  ];
  const items = answer?.items ?? [];
  return (
    <View className='staff staff-desk'>
      <Text className='staff-section__title'>业主群警务台</Text>
      <Text className='staff-muted'>辖区小区的纠纷、治安、停车、消防通道等涉警工单及业主群转发的工单</Text>
      {entered ? <Text className='detail__line'>从业主群「{entered.name}」打开</Text> : null}
      {notice ? <Text className='staff-warning'>{notice}</Text> : null}
      {groupId !== undefined ? (
        <Field label='业主群'>
          <ChoiceList choices={choices} selected={[groupId ?? ALL]} onToggle={(k) => setGroupId(k === ALL ? null : k)} />
        </Field>
      ) : null}
      <View className='staff-link' onClick={() => go(staffPaths.groups)}>
        <Text>已绑定的业主群</Text>
        <Text className='staff-muted'>›</Text>
      </View>
      <ErrorText error={error} />
      {answer && !items.length ? <View className='staff-empty'>暂无涉警工单</View> : null}
      {items.map((item) => (
        <TicketRow key={item.id} item={item} estate={estateName(item.estateId)} now={now} onOpen={() => go(staffPaths.ticket(item.id))}>
          <InlineActions ticketId={item.id} only={DESK_ACTIONS} onDone={() => groupId !== undefined && void load(groupId)} />
        </TicketRow>
      ))}
    </View>
  );
}
