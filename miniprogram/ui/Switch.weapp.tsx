/** weapp switch: the label row with <van-switch> (declare 'van-switch': '/vant/switch/index'). */
import { Text, View } from '@tarojs/components';
import type { SwitchProps } from './types';
import './ui.css';

export function Switch({ checked, label, hint, disabled, onChange }: SwitchProps) {
  return (
    <View className='ui-switch'>
      <View className='ui-switch__text'>
        <Text className='ui-switch__label'>{label}</Text>
        {hint ? <Text className='ui-switch__hint'>{hint}</Text> : null}
      </View>
      <van-switch checked={checked} disabled={disabled} size='40rpx' onChange={(event: { detail: boolean }) => onChange?.(event.detail)} />
    </View>
  );
}
