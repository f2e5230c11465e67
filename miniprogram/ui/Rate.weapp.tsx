/** weapp stars: <van-rate> (declare 'van-rate': '/vant/rate/index'; it uses van-icon). */
import type { RateProps } from './types';

export function Rate({ value, count = 5, readonly, onChange }: RateProps) {
  return <van-rate value={value} count={count} readonly={readonly} size='48rpx' onChange={(event: { detail: number }) => onChange?.(event.detail)} />;
}
