/**
 * UI primitives: pages import from here, never from @vant/weapp or Taro's Button directly. Each X.tsx
 * renders with plain Taro components (H5, jest); X.weapp.tsx renders Vant in the weapp build, and the
 * page that shows it declares the van-* tag named in that file's comment in its usingComponents.
 */
export { Button } from './Button';
export { Icon } from './Icon';
export { Tag } from './Tag';
export { Switch } from './Switch';
export { Rate } from './Rate';
export { Progress } from './Progress';
export { TextArea, TextField } from './TextField';
export { Segmented } from './Segmented';
export { TextScale, useTextScaleOnDocument } from './TextScale';
export { textScaleFor } from './text-scale';
export type { SegmentedOption, SegmentedProps } from './Segmented';
export type { ButtonProps, IconProps, ProgressProps, RateProps, SwitchProps, TagProps, TextAreaProps, TextFieldProps } from './types';
