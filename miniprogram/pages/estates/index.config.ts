export default definePageConfig({
  navigationBarTitleText: '选择小区',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
