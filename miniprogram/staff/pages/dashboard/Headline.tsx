/** The jurisdiction's 三率 of the latest month with tickets, each with its change on the month before. */
import { Text, View } from '@tarojs/components';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions';
import { formatPercent } from '../../lib/format';
import { monthLabel } from '../../lib/period';
import { changeLabel, type Headline as HeadlineData } from './chart-data';

export function Headline({ data }: { data: HeadlineData }) {
  return (
    <View className='dash-headline'>
      <Text className='dash-headline__title'>{monthLabel(data.month)} 三率</Text>
      <View className='dash-headline__figures'>
        {data.figures.map((f) => (
          <View key={f.key} className='dash-headline__figure'>
            <Text className='dash-headline__label'>{METRIC_DEFINITIONS[f.key].label}</Text>
            <Text className='dash-headline__value'>{formatPercent(f.value)}</Text>
            {/* Up or down in words as well as the arrow: colour alone says nothing to some readers. */}
            <Text className={`dash-headline__change${f.change === null || f.change === 0 ? '' : f.change > 0 ? ' dash-headline__change--up' : ' dash-headline__change--down'}`}>
              {f.change === null || f.change === 0 ? '' : f.change > 0 ? '↑ ' : '↓ '}
              {changeLabel(f.change, f.value)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
