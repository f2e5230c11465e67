/**
 * weapp rendering of the project's button: <van-button>. Every page that renders it declares
 * 'van-button': '/vant/button/index' in its usingComponents. Props are written out one by one
 * (no spread) because Taro collects a third-party component's attributes from the literal keys.
 */
import { PALETTE } from './palette';
import type { ButtonProps } from './types';

export function Button({ children, type = 'default', size = 'normal', block, plain, loading, disabled, formType, onClick }: ButtonProps) {
  return (
    <van-button
      type={type}
      // Vant's own primary/danger fills are too light for white text (PALETTE: ≥ 4.5:1).
      color={type === 'default' ? undefined : PALETTE[type]}
      size={size}
      block={block}
      plain={plain}
      loading={loading}
      disabled={disabled}
      form-type={formType}
      onClick={() => onClick?.()}
    >
      {children}
    </van-button>
  );
}
