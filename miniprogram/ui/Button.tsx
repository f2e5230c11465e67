/** H5 (and jest) rendering of the project's button: Taro's own Button; Vant does not render in H5. */
import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from './types';
import './button-h5.css';

const TARO_TYPE = { primary: 'primary', default: 'default', danger: 'warn' } as const;

export function Button({ children, type = 'default', size = 'normal', plain, loading, disabled, formType, onClick }: ButtonProps) {
  return (
    <TaroButton
      type={TARO_TYPE[type]}
      size={size === 'small' ? 'mini' : 'default'}
      // React writes `false` on a custom element as the attribute "false", which [disabled] styles still match.
      plain={plain || undefined}
      loading={loading || undefined}
      disabled={disabled || undefined}
      formType={formType}
      onClick={() => {
        if (!disabled && !loading) onClick?.();
      }}
    >
      {children}
    </TaroButton>
  );
}
