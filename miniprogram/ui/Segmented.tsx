/**
 * Segmented control: one choice of a few, drawn as joined buttons (a radio group), the same in H5
 * and weapp (plain Taro views; Vant has no segmented control). Each option is at least 44 px tall
 * and says whether it is chosen (aria-checked), not by colour alone: the chosen one is filled.
 */
import { Text, View } from '@tarojs/components';
import './ui.css';

export interface SegmentedOption<K extends string> {
  key: K;
  label: string;
}

export interface SegmentedProps<K extends string> {
  /** What is chosen, read out with the group (e.g. 排名依据). */
  label: string;
  options: readonly SegmentedOption<K>[];
  value: K;
  onChange: (key: K) => void;
}

export function Segmented<K extends string>({ label, options, value, onChange }: SegmentedProps<K>) {
  return (
    <View className='ui-segmented' role='radiogroup' aria-label={label}>
      {options.map((o) => {
        const on = o.key === value;
        return (
          <View
            key={o.key}
            className={`ui-segmented__item${on ? ' ui-segmented__item--on' : ''}`}
            role='radio'
            aria-checked={on}
            onClick={() => {
              if (!on) onChange(o.key);
            }}
          >
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
