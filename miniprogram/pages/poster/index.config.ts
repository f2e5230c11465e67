export default definePageConfig({
  navigationBarTitleText: '公告牌海报',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
