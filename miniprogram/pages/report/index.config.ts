export default definePageConfig({
  navigationBarTitleText: '我要上报',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  // Vant components the page renders, directly or through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-icon': '/vant/icon/index',
    'van-switch': '/vant/switch/index',
    'van-progress': '/vant/progress/index',
  },
});
