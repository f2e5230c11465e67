/**
 * H5 (and jest) switch: a row with the label and a drawn toggle (aria-checked), so that it looks the
 * same as Vant's and a click anywhere on the row flips it.
 */
import { Text, View } from '@tarojs/components';
import type { SwitchProps } from './types';
import './ui.css';

export function Switch({ checked, label, hint, disabled, onChange }: SwitchProps) {
  return (
    <View
      className={`ui-switch${disabled ? ' ui-switch--disabled' : ''}`}
      aria-checked={checked}
      aria-label={label}
      onClick={() => {
        if (!disabled) onChange?.(!checked);
      }}
    >
      <View className='ui-switch__text'>
        <Text className='ui-switch__label'>{label}</Text>
        {hint ? <Text className='ui-switch__hint'>{hint}</Text> : null}
      </View>
      <View className={`ui-switch__track${checked ? ' ui-switch__track--on' : ''}`}>
        <View className='ui-switch__thumb' />
      </View>
    </View>
  );
}
