/** H5 (and jest) chip: a styled Text; Vant does not render in H5. */
import { Text } from '@tarojs/components';
import type { TagProps } from './types';
import './ui.css';

export function Tag({ children, type = 'default', plain }: TagProps) {
  return <Text className={`ui-tag ui-tag--${type}${plain ? ' ui-tag--plain' : ''}`}>{children}</Text>;
}
