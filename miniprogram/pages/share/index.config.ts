export default definePageConfig({
  navigationBarTitleText: '工单公示',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  enableShareAppMessage: true,
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-tag': '/vant/tag/index',
  },
});
