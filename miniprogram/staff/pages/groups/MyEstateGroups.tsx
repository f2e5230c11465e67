/**
 * 我辖区小区的业主群 (issue 18 §4): the police officer sees the owner groups of all their estates at
 * once (ticket.groups without an estate: the estates of the officer's own grants), each with its
 * estate and whether it is bound, and opens the desk on one group's tickets.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ErrorText, Section } from '../../components/Field';
import { go, staffPaths } from '../../components/navigation';
import { callTicket } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import type { EstateItem, OwnerGroupView } from '../../lib/types';

export function MyEstateGroups({ estates }: { estates: readonly EstateItem[] | null }) {
  const [groups, setGroups] = useState<OwnerGroupView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    callTicket<{ items: OwnerGroupView[] }>('groups', {})
      .then((answer) => setGroups(answer.items))
      .catch((err: unknown) => setError(friendlyError(err, '加载失败')));
  }, []);

  const nameOf = (id: string) => estates?.find((e) => e.id === id)?.name ?? id;
  // Bound groups first, then by estate, so the ones the desk works with lead.
  const sorted = [...(groups ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || nameOf(a.estateId).localeCompare(nameOf(b.estateId), 'zh-CN'));
  return (
    <Section title='我辖区小区的业主群'>
      <ErrorText error={error} />
      {groups !== null && !groups.length ? <Text className='staff-muted'>辖区小区尚未绑定业主群，可请社区/街道工作人员绑定。</Text> : null}
      {sorted.map((g) => (
        <View key={g.id} className='group-row'>
          <View className='group-row__head'>
            <Text className='group-row__name'>{g.name}</Text>
            <Text className={`staff-tag${g.active ? '' : ' staff-tag--off'}`}>{g.active ? '已绑定' : '已解绑'}</Text>
          </View>
          <Text className='staff-muted'>{nameOf(g.estateId)}</Text>
          {g.active ? (
            <View className='staff-link' onClick={() => go(`${staffPaths.desk}?groupId=${encodeURIComponent(g.id)}`)}>
              <Text>查看群内涉警工单</Text>
              <Text className='staff-muted'>›</Text>
            </View>
          ) : null}
        </View>
      ))}
    </Section>
  );
}
