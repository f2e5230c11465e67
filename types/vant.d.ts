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

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'van-button': VanButtonProps;
    }
  }
}
