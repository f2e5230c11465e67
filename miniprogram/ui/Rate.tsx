/** H5 (and jest) stars: one tappable ★/☆ per point, each with an aria-label "n星". */
import { Text, View } from '@tarojs/components';
import type { RateProps } from './types';
import './ui.css';

export function Rate({ value, count = 5, readonly, onChange }: RateProps) {
  return (
    <View className='ui-rate'>
      {Array.from({ length: count }, (_, i) => i + 1).map((score) => (
        <Text
          key={score}
          className={`ui-rate__star${score <= value ? ' ui-rate__star--on' : ''}`}
          aria-label={`${score}星`}
          onClick={() => {
            if (!readonly) onChange?.(score);
          }}
        >
          {score <= value ? '★' : '☆'}
        </Text>
      ))}
    </View>
  );
}
