/**
 * 统计与通报: the jurisdiction's 三率 of the latest month with its change on the month before, the
 * 三率 by month and the ranking as charts (views, not a chart library: see TrendChart.tsx); then 响应率, 解决率, 满意率, 按时办结率, ack/resolve times (P50/P90) and overdue counts by
 * department, street, category or month, ranked like a monthly ranking table (months in order, as a
 * trend), with each figure's definition from shared/metrics; the 月通报 download (XLSX/CSV) and the
 * “九不准” ledger with its sanction ladder.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { METRIC_DEFINITIONS, RANKING_RULE, RATE_KEYS, type GroupBy, type MetricKey } from '../../../../shared/metrics/definitions';
import { competitionRanks, type RankKey } from '../../../../shared/metrics/rank';
import { BulletinSection } from '../../components/BulletinSection';
import { ErrorText, Section } from '../../components/Field';
import { LedgerSection } from '../../components/LedgerSection';
import { OverdueRectifications } from '../../components/OverdueRectifications';
import { callTicket, loadMe } from '../../lib/api';
import { formatMinutes, formatPercent } from '../../lib/format';
import { DASHBOARD_GROUPS, RANK_CHOICES, RATE_PARTS, rowName } from '../../lib/metrics';
import { monthOf } from '../../lib/period';
import { Segmented, TextScale } from '../../../ui';
import { headline, lastMonthWithTickets, trendRows } from './chart-data';
import { Headline } from './Headline';
import { RankingBars } from './RankingBars';
import { TrendChart } from './TrendChart';
import type { Me, MetricsAnswer } from '../../lib/types';
import '../../styles.css';
import './index.css';

function Metric({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <View className='metric'>
      <Text className='metric__label'>{label}</Text>
      <Text className='metric__value'>{value}</Text>
      {sub ? <Text className='staff-muted'>{sub}</Text> : null}
    </View>
  );
}

const DEFINITION_ORDER: readonly MetricKey[] = [...RATE_KEYS, 'ackMinutes', 'resolveMinutes', 'overdueOpen'];

/** Who may export a bulletin (usecases/bulletin.ts bulletinScope) and read the ledger (usecases/ledger.ts). */
const BULLETIN_ROLES = ['leadership', 'admin', 'street', 'department', 'police'];
const LEDGER_ROLES = ['leadership', 'admin', 'street', 'department'];

export default function DashboardPage() {
  const [groupBy, setGroupBy] = useState<Exclude<GroupBy, 'all'>>('department');
  const [rankBy, setRankBy] = useState<RankKey>('responseRate');
  const [answer, setAnswer] = useState<MetricsAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  /** The scope's month rows (headline, trend chart, bulletin month); null until they arrive or if refused. */
  const [months, setMonths] = useState<MetricsAnswer['rows'] | null>(null);
  const trend = groupBy === 'month';

  useEffect(() => {
    let live = true;
    void loadMe().then((user) => live && setMe(user));
    return () => {
      live = false;
    };
  }, []);
  const roles = me?.roles ?? [];

  useEffect(() => {
    let live = true;
    setLoading(true);
    callTicket<MetricsAnswer>('metrics', trend ? { groupBy } : { groupBy, rankBy })
      .then((a) => {
        if (!live) return;
        setAnswer(a);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : '加载失败'))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [groupBy, rankBy, trend]);

  // After the grouping's request, so that the page's first metrics call stays the ranking's.
  useEffect(() => {
    let live = true;
    callTicket<MetricsAnswer>('metrics', { groupBy: 'month' })
      .then((a) => live && setMonths(a.rows))
      .catch(() => live && setMonths(null));
    return () => {
      live = false;
    };
  }, []);

  const ranks = answer && !trend ? competitionRanks(answer.rows, rankBy) : null;
  const currentMonth = monthOf(Date.now());
  const top = months ? headline(months, currentMonth) : null;
  const trendMonths = months ? trendRows(months, currentMonth) : [];
  const bulletinMonth = months ? lastMonthWithTickets(months, currentMonth) : null;

  return (
    <>
      {/* First node of the page: weapp's page-meta carries the WeChat font-size setting (ui/TextScale). */}
      <TextScale />
      <View className='staff staff-dashboard'>
      {top ? <Headline data={top} /> : null}
      {trendMonths.length ? (
        <Section title='三率月度趋势'>
          <TrendChart rows={trendMonths} />
        </Section>
      ) : null}

      <View className='tabs'>
        {DASHBOARD_GROUPS.map((g) => (
          <View key={g.key} className={`tabs__item${g.key === groupBy ? ' tabs__item--on' : ''}`} onClick={() => setGroupBy(g.key)}>
            <Text>{g.label}</Text>
          </View>
        ))}
      </View>

      {trend ? (
        <Text className='staff-muted'>按月趋势（按上报月份统计）</Text>
      ) : (
        <Section title='排名依据'>
          <Segmented label='排名依据' options={RANK_CHOICES} value={rankBy} onChange={setRankBy} />
        </Section>
      )}

      <ErrorText error={error} />
      {loading && !answer ? <Text className='staff-muted'>统计中…</Text> : null}
      {answer ? <Text className='staff-muted'>统计范围内工单 {answer.tickets} 件</Text> : null}
      {answer && !answer.rows.length ? <View className='staff-empty'>暂无数据</View> : null}
      {answer && ranks && answer.rows.length ? (
        <Section title={`${RANK_CHOICES.find((c) => c.key === rankBy)?.label ?? ''}排名`}>
          <RankingBars rows={answer.rows} rankBy={rankBy} groupBy={groupBy} ranks={ranks} />
        </Section>
      ) : null}

      {answer?.rows.map((row) => (
        <View key={row.key} className='metric-row'>
          <View className='metric-row__head'>
            {/* Equal figures share a rank (1, 1, 3); a row without the figure has none. */}
            {ranks ? <Text className='metric-row__rank'>{ranks.get(row.key) ?? '—'}</Text> : null}
            <Text className='metric-row__name'>{rowName(groupBy, row.key)}</Text>
            <Text className='staff-muted'>工单 {row.counts.tickets} 件</Text>
          </View>
          <View className='metric-grid'>
            {RATE_KEYS.map((k) => {
              const [num, den] = RATE_PARTS[k](row.counts);
              return <Metric key={k} label={METRIC_DEFINITIONS[k].label} value={formatPercent(row.rates[k])} sub={den ? `${num}/${den}` : undefined} />;
            })}
            <Metric label={`${METRIC_DEFINITIONS.ackMinutes.label} P50`} value={formatMinutes(row.ackMinutes.p50)} />
            <Metric label={`${METRIC_DEFINITIONS.ackMinutes.label} P90`} value={formatMinutes(row.ackMinutes.p90)} />
            <Metric label={`${METRIC_DEFINITIONS.resolveMinutes.label} P50`} value={formatMinutes(row.resolveMinutes.p50)} />
            <Metric label={`${METRIC_DEFINITIONS.resolveMinutes.label} P90`} value={formatMinutes(row.resolveMinutes.p90)} />
            <Metric label={METRIC_DEFINITIONS.overdueOpen.label} value={`${row.counts.overdueOpen} 件`} />
          </View>
          {row.missedAck?.length ? (
            <Text className='metric-row__missed'>
              未报到 {row.missedAck.length} 件：{row.missedAck.join('、')}
            </Text>
          ) : null}
        </View>
      ))}

      {roles.some((r) => BULLETIN_ROLES.includes(r)) ? <BulletinSection grants={me?.grants ?? null} suggestedMonth={bulletinMonth} /> : null}
      {roles.some((r) => LEDGER_ROLES.includes(r)) ? <LedgerSection /> : null}
      {roles.some((r) => LEDGER_ROLES.includes(r)) ? <OverdueRectifications /> : null}

      <Section title='指标口径'>
        {DEFINITION_ORDER.map((k) => (
          <Text key={k} className='definition'>
            <Text className='definition__label'>{METRIC_DEFINITIONS[k].label}：</Text>
            {METRIC_DEFINITIONS[k].definition}
          </Text>
        ))}
        <Text className='definition'>{RANKING_RULE}</Text>
      </Section>
    </View>
    </>
  );
}
