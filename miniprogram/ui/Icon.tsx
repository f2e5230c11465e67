/**
 * H5 (and jest) icon: Vant's icon font exists only in the weapp build, so H5 draws one short glyph per
 * icon name in a round badge. Chinese characters render with any CJK font, unlike emoji or rare symbols.
 */
import { Text } from '@tarojs/components';
import type { IconProps } from './types';
import './ui.css';

/** Vant icon name → H5 glyph (the category icons of shared/taxonomy and the few the pages use). */
export const H5_GLYPHS: Readonly<Record<string, string>> = {
  'fire-o': '火',
  logistics: '车',
  'warning-o': '堵',
  'warn-o': '危',
  'umbrella-circle': '汛',
  'guide-o': '停',
  'delete-o': '垃',
  'flower-o': '绿',
  'hotel-o': '建',
  'smile-comment-o': '犬',
  'friends-o': '邻',
  'gold-coin-o': '费',
  'balance-o': '价',
  description: '约',
  revoke: '退',
  'shop-o': '营',
  'eye-o': '密',
  'shield-o': '保',
  upgrade: '梯',
  'volume-o': '噪',
  'brush-o': '装',
  'cluster-o': '水',
  'police-o': '警',
  'more-o': '他',
  'service-o': '服',
  'manager-o': '委',
  'cash-o': '金',
  'notes-o': '公',
  'bag-o': '堆',
  'label-o': '贴',
  'bulb-o': '断',
  down: '坠',
  'phone-o': '☎',
  'location-o': '位',
  photograph: '＋',
  'clock-o': '时',
  success: '✓',
  cross: '×',
  arrow: '›',
  search: '搜',
  'warning': '！',
};

export function Icon({ name, size = 'medium', color, glyph, className }: IconProps) {
  const text = glyph ?? H5_GLYPHS[name] ?? '•';
  // Sizes are classes: inline px would escape Taro's px → rem conversion in H5.
  return (
    <Text className={['ui-icon', `ui-icon--${size}`, className ?? ''].join(' ').trim()} style={color ? { background: color } : undefined}>
      {text}
    </Text>
  );
}
