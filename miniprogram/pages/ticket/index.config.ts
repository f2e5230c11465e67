export default definePageConfig({
  navigationBarTitleText: '工单详情',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  enableShareAppMessage: true,
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-icon': '/vant/icon/index',
    'van-tag': '/vant/tag/index',
    'van-rate': '/vant/rate/index',
    'van-switch': '/vant/switch/index',
  },
});
