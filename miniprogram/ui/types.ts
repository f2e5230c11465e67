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

/** An icon by its Vant icon name (weapp: <van-icon>; H5: a plain glyph, since Vant's icon font is weapp-only). */
export interface IconProps {
  name: string;
  /** small 32, medium 48, large 64 design px (750 wide). */
  size?: 'small' | 'medium' | 'large';
  color?: string;
  /** H5 only: the glyph to draw instead of the built-in one for `name`. */
  glyph?: string;
  className?: string;
}

/** A small status chip (state of a ticket, 紧急, 超时). */
export interface TagProps {
  children?: ReactNode;
  type?: 'default' | 'primary' | 'success' | 'warning' | 'danger';
  plain?: boolean;
}

/** An on/off switch with its label on the left; `onChange` receives the new value. */
export interface SwitchProps {
  checked: boolean;
  label: string;
  /** A second line under the label. */
  hint?: string;
  disabled?: boolean;
  onChange?: (checked: boolean) => void;
}

/** 1–n stars; `onChange` receives the new score. */
export interface RateProps {
  value: number;
  count?: number;
  readonly?: boolean;
  onChange?: (value: number) => void;
}

/** A thin progress bar, 0–100. */
export interface ProgressProps {
  percent: number;
}

/** A labelled one-line input with its error under it. */
export interface TextFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxlength?: number;
  error?: string;
  disabled?: boolean;
  /** Marks the field for tests and styles: rendered as data-field. */
  name?: string;
  onChange?: (value: string) => void;
}

/** A labelled multi-line input with a "n/max" counter and its error under it. */
export interface TextAreaProps {
  label?: string;
  value: string;
  maxlength: number;
  placeholder?: string;
  error?: string;
  disabled?: boolean;
  name?: string;
  /**
   * What happens to input past `maxlength`: 'cut' (the platform's own limit, silently) or 'refuse'
   * (the change is not taken and the field says by how much it was over, e.g. 已超出 1,500 字).
   */
  overLimit?: 'cut' | 'refuse';
  onChange?: (value: string) => void;
}
