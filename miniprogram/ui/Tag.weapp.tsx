/** weapp chip: <van-tag> (declare 'van-tag': '/vant/tag/index' in the page's usingComponents), in PALETTE colours. */
import { PALETTE } from './palette';
import type { TagProps } from './types';

export function Tag({ children, type = 'default', plain }: TagProps) {
  return (
    <van-tag type={type} plain={plain} color={PALETTE[type]} round>
      {children}
    </van-tag>
  );
}
