/** The category grid of the report page: every category of shared/taxonomy with its icon; urgent ones marked 紧急. */
import { Text, View } from '@tarojs/components';
import { CATEGORIES, type CategoryCode } from '../../shared/taxonomy/categories';
import { Icon } from '../ui';
import './components.css';

export interface CategoryGridProps {
  selected: CategoryCode | null;
  /** Show only the selected category (with a link to change it), so the rest of the form is in reach. */
  collapsed?: boolean;
  disabled?: boolean;
  onSelect: (code: CategoryCode) => void;
  onExpand?: () => void;
}

export function CategoryGrid({ selected, collapsed, disabled, onSelect, onExpand }: CategoryGridProps) {
  const shown = collapsed && selected ? CATEGORIES.filter((cat) => cat.code === selected) : CATEGORIES;
  return (
    <View className='category-grid'>
      {shown.map((cat) => (
        <View
          key={cat.code}
          className={['category-tile', cat.urgent ? 'category-tile--urgent' : '', selected === cat.code ? 'category-tile--selected' : ''].join(' ')}
          data-code={cat.code}
          onClick={() => {
            if (!disabled) onSelect(cat.code);
          }}
        >
          <Icon name={cat.icon} color={cat.urgent ? '#ee0a24' : selected === cat.code ? '#1989fa' : '#7d9ec0'} />
          <View className='category-tile__body'>
            <Text className='category-tile__label'>{cat.label}</Text>
            {cat.urgent ? <Text className='category-tile__badge'>紧急</Text> : null}
          </View>
        </View>
      ))}
      {collapsed && selected && !disabled ? (
        <View className='category-grid__change'>
          <Text className='link' onClick={onExpand}>
            更换问题类型
          </Text>
        </View>
      ) : null}
    </View>
  );
}
