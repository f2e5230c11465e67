/**
 * weapp icon: <van-icon>. Every page that renders it declares 'van-icon': '/vant/icon/index' in its
 * usingComponents. Sizes are rpx, as the rest of the page (design px of a 750-wide page).
 */
import type { IconProps } from './types';

const RPX = { small: '32rpx', medium: '48rpx', large: '64rpx' } as const;

export function Icon({ name, size = 'medium', color, className }: IconProps) {
  return <van-icon name={name} size={RPX[size]} color={color} custom-class={className} />;
}
