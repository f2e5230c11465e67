/** UI primitives: pages import from here, never from @vant/weapp or Taro's Button directly. */
export { Button } from './Button';
export type { ButtonProps } from './types';
