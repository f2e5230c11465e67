/**
 * The ranking as horizontal bars in the backend's order: rank (ties share one), name, a bar and the
 * figure written beside it. A rate's bar is its percentage of the width; times and counts are
 * measured against the largest shown.
 */
import { Text, View } from '@tarojs/components';
import type { GroupBy, MetricsRow } from '../../../../shared/metrics/definitions';
import { rankValue, type RankKey } from '../../../../shared/metrics/rank';
import { formatMinutes, formatPercent } from '../../lib/format';
import { rowName } from '../../lib/metrics';
import { barPercent, isRateKey } from './chart-data';

function figure(value: number | null, key: RankKey): string {
  if (isRateKey(key)) return formatPercent(value);
  if (key === 'overdueOpen') return value === null ? '—' : `${value} 件`;
  return formatMinutes(value);
}

export function RankingBars({ rows, rankBy, groupBy, ranks }: { rows: readonly MetricsRow[]; rankBy: RankKey; groupBy: GroupBy; ranks: ReadonlyMap<string, number | null> }) {
  const largest = Math.max(0, ...rows.map((r) => rankValue(r, rankBy) ?? 0));
  return (
    <View className='dash-bars'>
      {rows.map((row) => {
        const value = rankValue(row, rankBy);
        return (
          <View key={row.key} className='dash-bars__row'>
            <Text className='dash-bars__rank'>{ranks.get(row.key) ?? '—'}</Text>
            <View className='dash-bars__body'>
              <View className='dash-bars__head'>
                <Text className='dash-bars__name'>{rowName(groupBy, row.key)}</Text>
                <Text className='dash-bars__value'>{figure(value, rankBy)}</Text>
              </View>
              <View className='dash-bars__track'>
                {value === null ? null : <View className='dash-bars__bar' style={{ width: `${barPercent(value, rankBy, largest)}%` }} />}
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
