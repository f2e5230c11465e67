export default definePageConfig({
  navigationBarTitleText: '小区公告栏',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-tag': '/vant/tag/index',
  },
});
