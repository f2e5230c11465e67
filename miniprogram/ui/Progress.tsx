/** H5 (and jest) progress bar. */
import { View } from '@tarojs/components';
import type { ProgressProps } from './types';
import './ui.css';

export function Progress({ percent }: ProgressProps) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <View className='ui-progress' aria-valuenow={p}>
      <View className='ui-progress__bar' style={{ width: `${p}%` }} />
    </View>
  );
}
