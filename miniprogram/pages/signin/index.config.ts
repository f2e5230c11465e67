export default definePageConfig({
  navigationBarTitleText: '演示账号登录',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
