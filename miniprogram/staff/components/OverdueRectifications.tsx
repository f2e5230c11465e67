/**
 * 逾期未整改 on the leadership dashboard (issue 20 §1: "Overdue notices appear in the sweep and on
 * dashboards"): the 整改通知 the sweep has marked overdue, in the caller's scope (the backend's
 * `rectifications` filters notice by notice), most overdue first, counted per township, each opening
 * the estate's 整改台账. Hidden for a user the ledger refuses (AUTH.*), e.g. a property company.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { unitName } from '../../../shared/governance/names';
import { shanghaiDate } from '../../../shared/sla/calendar';
import { loadEstateNames } from '../lib/api';
import { friendlyError, isAuthRefusal } from '../lib/errors';
import { callGovernance, governancePaths, type NoticeList, type NoticeView } from '../lib/governance';
import { ErrorText, Section } from './Field';
import { go } from './navigation';
import './OverdueRectifications.css';

const DAY_MS = 86_400_000;

/** Whole days past the deadline at `now` (at least 1 once overdue). */
export function daysOverdue(deadline: string, now: number): number {
  return Math.max(1, Math.ceil((now - Date.parse(deadline)) / DAY_MS));
}

/** Counts per township (属地), largest first, then by name. */
export function byTownship(items: readonly NoticeView[]): Array<{ townshipId: string; name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const n of items) if (n.townshipId) counts.set(n.townshipId, (counts.get(n.townshipId) ?? 0) + 1);
  return [...counts.entries()]
    .map(([townshipId, count]) => ({ townshipId, name: unitName(townshipId), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
}

export function OverdueRectifications({ now = Date.now() }: { now?: number }) {
  const [items, setItems] = useState<NoticeView[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([callGovernance<NoticeList>('rectifications', { statuses: ['overdue'] }), loadEstateNames()])
      .then(([list, estateNames]) => {
        if (!live) return;
        setItems([...list.items].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.no.localeCompare(b.no)));
        setNames(estateNames);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (isAuthRefusal(err)) setHidden(true);
        else setError(friendlyError(err, '逾期整改通知加载失败'));
      });
    return () => {
      live = false;
    };
  }, []);

  if (hidden) return null;
  const townships = items ? byTownship(items) : [];
  return (
    <Section title='逾期未整改的整改通知'>
      <ErrorText error={error} />
      {items === null && !error ? <Text className='staff-muted'>加载中…</Text> : null}
      {items && !items.length ? <Text className='staff-muted'>暂无逾期未整改的整改通知</Text> : null}
      {items && items.length ? (
        <>
          <Text className='overdue-rect__total'>共 {items.length} 件逾期未整改</Text>
          {townships.length ? <Text className='staff-muted'>{townships.map((t) => `${t.name} ${t.count} 件`).join('，')}</Text> : null}
          {items.map((n) => (
            <View key={n.id} className='overdue-rect' onClick={() => go(`${governancePaths.ledger}?estateId=${encodeURIComponent(n.estateId)}`)}>
              <View className='overdue-rect__head'>
                <Text className='overdue-rect__estate'>{names.get(n.estateId) ?? n.estateId}</Text>
                <Text className='staff-tag staff-tag--overdue'>逾期 {daysOverdue(n.deadline, now)} 天</Text>
              </View>
              <Text className='overdue-rect__problem'>{n.problem}</Text>
              <Text className='staff-muted'>
                {n.no} · {unitName(n.issuerUnitId)}下达 · 时限 {shanghaiDate(n.deadline)}
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </Section>
  );
}
