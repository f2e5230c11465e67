/**
 * 三率 by month as column charts drawn with views (one chart per rate, a column per month, its value
 * written above it): the same in weapp and H5, readable as text, and nothing added to the subpackage.
 */
import { Text, View } from '@tarojs/components';
import { METRIC_DEFINITIONS, type MetricsRow } from '../../../../shared/metrics/definitions';
import { formatPercent } from '../../lib/format';
import { HEADLINE_RATES } from './chart-data';

export function TrendChart({ rows }: { rows: readonly MetricsRow[] }) {
  return (
    <View className='dash-trend'>
      {HEADLINE_RATES.map((key) => (
        <View key={key} className='dash-trend__chart'>
          <Text className='dash-trend__title'>{METRIC_DEFINITIONS[key].label}</Text>
          <View className='dash-trend__columns'>
            {rows.map((row) => {
              const rate = row.rates[key];
              const pct = rate === null ? 0 : Math.round(Math.min(1, Math.max(0, rate)) * 1000) / 10;
              return (
                <View key={row.key} className='dash-trend__column'>
                  <Text className='dash-trend__value'>{formatPercent(rate)}</Text>
                  <View className='dash-trend__well'>
                    {rate === null ? null : <View className='dash-trend__bar' style={{ height: `${pct}%` }} />}
                  </View>
                  <Text className='dash-trend__month'>{`${Number(row.key.slice(5, 7))}月`}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
