import type { ReactNode } from 'react';

/** The project's button: one API, rendered by Vant in weapp (Button.weapp.tsx) and by Taro's Button in H5. */
export interface ButtonProps {
  children?: ReactNode;
  /** danger is for irreversible or urgent actions. */
  type?: 'primary' | 'default' | 'danger';
  size?: 'normal' | 'small';
  block?: boolean;
  plain?: boolean;
  loading?: boolean;
  disabled?: boolean;
  formType?: 'submit' | 'reset';
  onClick?: () => void;
}
