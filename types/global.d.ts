/// <reference types="@tarojs/taro" />
/** Globals of the Taro build: defineAppConfig/definePageConfig, process.env.TARO_ENV, style imports, Vant tags. */

declare module '*.css';
declare module '*.png';
declare module '*.svg';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Replaced at build time by Taro; dead platform branches are removed. */
    TARO_ENV?: 'weapp' | 'h5';
  }
}
