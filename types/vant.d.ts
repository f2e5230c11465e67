/**
 * @vant/weapp custom components as JSX intrinsic elements. They exist only in the weapp build
 * (copied by config/vant.ts and declared in each page's usingComponents); only miniprogram/ui/*.weapp.tsx
 * renders them. Multi-word properties are written in kebab-case, as WXML expects.
 */
import type { ReactNode } from 'react';

interface VanCommonProps {
  children?: ReactNode;
  className?: string;
  'custom-class'?: string;
}

export interface VanButtonProps extends VanCommonProps {
  type?: 'default' | 'primary' | 'info' | 'warning' | 'danger';
  size?: 'normal' | 'large' | 'small' | 'mini';
  text?: string;
  color?: string;
  icon?: string;
  block?: boolean;
  plain?: boolean;
  round?: boolean;
  square?: boolean;
  loading?: boolean;
  disabled?: boolean;
  'loading-text'?: string;
  'form-type'?: 'submit' | 'reset';
  'open-type'?: string;
  onClick?: (event: unknown) => void;
}

export interface VanIconProps extends VanCommonProps {
  name: string;
  size?: string;
  color?: string;
  dot?: boolean;
  info?: string | number;
  onClick?: (event: unknown) => void;
}

export interface VanTagProps extends VanCommonProps {
  type?: 'default' | 'primary' | 'success' | 'warning' | 'danger';
  size?: 'medium' | 'large';
  color?: string;
  plain?: boolean;
  round?: boolean;
  mark?: boolean;
}

/** change's event.detail is the new value. */
export interface VanSwitchProps extends VanCommonProps {
  checked?: boolean;
  disabled?: boolean;
  loading?: boolean;
  size?: string;
  'active-color'?: string;
  onChange?: (event: { detail: boolean }) => void;
}

/** change's event.detail is the new score. */
export interface VanRateProps extends VanCommonProps {
  value?: number;
  count?: number;
  size?: string;
  readonly?: boolean;
  disabled?: boolean;
  onChange?: (event: { detail: number }) => void;
}

export interface VanProgressProps extends VanCommonProps {
  percentage?: number;
  'stroke-width'?: string | number;
  'show-pivot'?: boolean;
  color?: string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'van-button': VanButtonProps;
      'van-icon': VanIconProps;
      'van-tag': VanTagProps;
      'van-switch': VanSwitchProps;
      'van-rate': VanRateProps;
      'van-progress': VanProgressProps;
    }
  }
}
