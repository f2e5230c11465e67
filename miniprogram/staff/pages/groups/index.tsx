/**
 * 业主群绑定 (issue 6 §1): a community/street officer picks one of their estates, sees its owner groups
 * (ticket.groups) and unbinds one, or binds a group: in weapp the group chat the binding card was
 * opened in (its cloudID, shared into the group from this page), in the local runtime one of the
 * estate's demo groups. Police and grid workers may look; only street officers bind. A police
 * officer sees the groups of all their estates first (MyEstateGroups), each opening the desk.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button } from '../../../ui';
import { ChoiceList, ErrorText, Field, Section, TextInput } from '../../components/Field';
import { go, staffPaths } from '../../components/navigation';
import { callTicket, loadEstates, loadMe } from '../../lib/api';
import { friendlyError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { GROUP_SOURCE, enteredGroupRef } from '../../lib/groupEntry';
import { estatesInScope } from '../../lib/scope';
import type { DemoGroupView, EstateItem, Me, OwnerGroupView, ResolvedGroup } from '../../lib/types';
import { unitName } from '../../lib/units';
import '../../styles.css';
import { MyEstateGroups } from './MyEstateGroups';

const LAST_ESTATE_KEY = 'xqcs.staff.groups.estate';
/** How many estates are listed before the officer narrows by name. */
const SHOWN = 12;

function remembered(): string | null {
  try {
    const v: unknown = Taro.getStorageSync(LAST_ESTATE_KEY);
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}

function remember(estateId: string): void {
  try {
    Taro.setStorageSync(LAST_ESTATE_KEY, estateId);
  } catch {
    // not worth an error
  }
}

export default function OwnerGroupsPage() {
  const [me, setMe] = useState<Me | null>(null);
  const [estates, setEstates] = useState<EstateItem[] | null>(null);
  const [query, setQuery] = useState('');
  const [estateId, setEstateId] = useState<string | null>(null);
  const [groups, setGroups] = useState<OwnerGroupView[] | null>(null);
  const [demos, setDemos] = useState<DemoGroupView[]>([]);
  const [entered, setEntered] = useState<{ ref: { cloudId: unknown }; bound: ResolvedGroup | null } | null>(null);
  const [groupName, setGroupName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLoad((q: Record<string, string | undefined>) => {
    const wanted = q.estateId ? decodeURIComponent(q.estateId) : remembered();
    void Promise.all([loadEstates(), loadMe()]).then(([all, user]) => {
      const mine = estatesInScope(all, user?.grants ?? null);
      setMe(user);
      setEstates(mine);
      const first = mine.find((e) => e.id === wanted) ?? (mine.length === 1 ? mine[0] : undefined);
      if (first) setEstateId(first.id);
    });
    void readEnteredGroup();
  });

  /** weapp: the group chat this page was opened from (the binding card), and its estate if already bound. */
  async function readEnteredGroup() {
    const ref = await enteredGroupRef();
    if (!ref) return;
    let bound: ResolvedGroup | null = null;
    try {
      bound = await callTicket<ResolvedGroup>('resolveGroup', ref);
      setGroupName(bound.name);
    } catch {
      // not bound yet (GROUP.NOT_BOUND) or unreadable: binding will say which
    }
    setEntered({ ref, bound });
  }

  async function loadGroups(id: string) {
    setError(null);
    try {
      const [list, demo] = await Promise.all([
        callTicket<{ items: OwnerGroupView[] }>('groups', { estateId: id }),
        GROUP_SOURCE === 'demo' ? callTicket<{ items: DemoGroupView[] }>('demoGroups', { estateId: id }) : Promise.resolve({ items: [] }),
      ]);
      setGroups(list.items);
      setDemos(demo.items);
    } catch (err) {
      setGroups(null);
      setDemos([]);
      setError(friendlyError(err, '加载失败'));
    }
  }

  useEffect(() => {
    if (!estateId) return;
    remember(estateId);
    setGroups(null);
    setDemos([]);
    setDone(null);
    setConfirming(null);
    void loadGroups(estateId);
  }, [estateId]);

  const estate = estates?.find((e) => e.id === estateId) ?? null;

  useShareAppMessage(() => ({
    title: estate ? `「${estate.name}」业主群绑定卡片（社区工作人员在群内打开）` : '业主群绑定卡片',
    path: estate ? `${staffPaths.groups}?estateId=${encodeURIComponent(estate.id)}` : staffPaths.groups,
  }));

  async function run(key: string, work: () => Promise<string>) {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      if (estateId) await loadGroups(estateId);
    } catch (err) {
      setError(friendlyError(err));
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  }

  const bindDemo = (demo: DemoGroupView) =>
    run(demo.demoGroupId, async () => {
      const answer = await callTicket<{ group: OwnerGroupView }>('bindGroup', { estateId: demo.estateId, demoGroupId: demo.demoGroupId });
      return `已绑定「${answer.group.name}」`;
    });

  const bindEntered = () =>
    run('entered', async () => {
      if (!estateId || !entered) throw new Error('请先选择小区');
      if (!groupName.trim()) throw new Error('请填写群名称');
      const answer = await callTicket<{ group: OwnerGroupView }>('bindGroup', { estateId, ...entered.ref, name: groupName.trim() });
      setEntered({ ...entered, bound: { id: answer.group.id, estateId: answer.group.estateId, estateName: estate?.name ?? null, name: answer.group.name } });
      return `已绑定「${answer.group.name}」`;
    });

  const unbind = (group: OwnerGroupView) =>
    run(group.id, async () => {
      await callTicket('unbindGroup', { groupId: group.id });
      return `已解绑「${group.name}」`;
    });

  const binder = me?.roles.includes('street') ?? false;
  const q = query.trim();
  const listed = (estates ?? []).filter((e) => !q || e.name.includes(q) || e.address.includes(q));
  const estateChoices = listed.slice(0, SHOWN).map((e) => ({ key: e.id, label: e.name, hint: unitName(e.townshipId) }));
  if (estate && !estateChoices.some((c) => c.key === estate.id)) estateChoices.unshift({ key: estate.id, label: estate.name, hint: unitName(estate.townshipId) });
  const boundIds = new Set((groups ?? []).filter((g) => g.active).map((g) => g.id));

  return (
    <View className='staff staff-groups'>
      {me?.roles.includes('police') ? <MyEstateGroups estates={estates} /> : null}
      <Section title='选择小区'>
        {estates === null ? <Text className='staff-muted'>加载中…</Text> : null}
        {estates !== null && !estates.length ? <Text className='staff-muted'>没有可管理的小区</Text> : null}
        {(estates?.length ?? 0) > SHOWN ? (
          <Field label='按名称查找'>
            <TextInput value={query} onChange={setQuery} placeholder='小区名称或地址' />
          </Field>
        ) : null}
        <Field label='小区'>
          <ChoiceList choices={estateChoices} selected={estateId ? [estateId] : []} onToggle={setEstateId} />
        </Field>
      </Section>

      {estate ? (
        <Section title={`${estate.name}的业主群`}>
          {groups === null ? null : groups.length ? (
            groups.map((g) => (
              <View key={g.id} className='group-row'>
                <View className='group-row__head'>
                  <Text className='group-row__name'>{g.name}</Text>
                  <Text className={`staff-tag${g.active ? '' : ' staff-tag--off'}`}>{g.active ? '已绑定' : '已解绑'}</Text>
                </View>
                <Text className='staff-muted'>
                  绑定于 {formatTime(g.boundAt)}
                  {g.unboundAt ? `，解绑于 ${formatTime(g.unboundAt)}` : ''}
                </Text>
                {g.active && binder ? (
                  confirming === g.id ? (
                    <View className='ticket-row__tools'>
                      <Button size='small' onClick={() => setConfirming(null)}>
                        取消
                      </Button>
                      <Button size='small' type='danger' loading={busy === g.id} onClick={() => void unbind(g)}>
                        确认解绑
                      </Button>
                    </View>
                  ) : (
                    <Button size='small' plain onClick={() => setConfirming(g.id)}>
                      解绑
                    </Button>
                  )
                ) : null}
              </View>
            ))
          ) : (
            <Text className='staff-muted'>尚未绑定业主群</Text>
          )}
        </Section>
      ) : null}

      {estate && binder ? (
        <Section title='绑定业主群'>
          {GROUP_SOURCE === 'demo' ? (
            <View>
              <Text className='staff-muted'>本地演示环境没有真实微信群：请选择本小区的演示群完成绑定。</Text>
              {demos.map((d) => {
                const bound = d.bound || boundIds.has(d.groupId);
                return (
                  <View key={d.demoGroupId} className='group-row'>
                    <View className='group-row__head'>
                      <Text className='group-row__name'>{d.name}</Text>
                      {bound ? <Text className='staff-tag'>已绑定</Text> : null}
                    </View>
                    {bound ? null : (
                      <Button size='small' type='primary' loading={busy === d.demoGroupId} onClick={() => void bindDemo(d)}>
                        绑定此群
                      </Button>
                    )}
                  </View>
                );
              })}
            </View>
          ) : entered ? (
            <View>
              <Text className='detail__line'>
                {entered.bound ? `当前群已绑定到「${entered.bound.estateName ?? entered.bound.estateId}」` : '当前群尚未绑定小区'}
              </Text>
              <Field label='群名称' required>
                <TextInput value={groupName} onChange={setGroupName} maxlength={40} placeholder='例如：锦绣花园业主群' />
              </Field>
              <Button type='primary' block loading={busy === 'entered'} onClick={() => void bindEntered()}>
                将当前群绑定到{estate.name}
              </Button>
            </View>
          ) : (
            <Text className='detail__line'>请点击右上角「…」将本页转发到该小区的业主群，再在群内点开卡片完成绑定。</Text>
          )}
        </Section>
      ) : null}

      {me && !binder ? <Text className='staff-muted'>仅社区/街道工作人员可以绑定或解绑业主群。</Text> : null}
      {done ? <Text className='detail__line'>{done}</Text> : null}
      <ErrorText error={error} />
      {me?.roles.includes('police') ? (
        <Button block onClick={() => go(staffPaths.desk)}>
          前往业主群警务台
        </Button>
      ) : null}
    </View>
  );
}
