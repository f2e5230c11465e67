/** The likely categories for what the resident typed, as chips above the grid; tapping one selects it. */
import { Text, View } from '@tarojs/components';
import type { CategoryCode } from '../../../shared/taxonomy/categories';
import type { CategorySuggestion } from './suggestions';

export function SuggestionChips({ items, selected, disabled, onSelect }: { items: CategorySuggestion[]; selected: CategoryCode | null; disabled?: boolean; onSelect: (code: CategoryCode) => void }) {
  if (items.length === 0) return null;
  return (
    <View className='report__suggest' aria-label='根据描述推荐的问题类型'>
      <Text className='report__suggest-title'>根据您的描述，可能是：</Text>
      <View className='report__chips'>
        {items.map((s) => (
          <Text
            key={s.category}
            className={`report__chip${selected === s.category ? ' report__chip--selected' : ''}`}
            data-suggest={s.category}
            onClick={() => {
              if (!disabled) onSelect(s.category);
            }}
          >
            {s.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
