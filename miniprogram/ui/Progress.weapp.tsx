/** weapp progress bar: <van-progress> (declare 'van-progress': '/vant/progress/index'). */
import type { ProgressProps } from './types';

export function Progress({ percent }: ProgressProps) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return <van-progress percentage={p} show-pivot={false} stroke-width='6' />;
}
