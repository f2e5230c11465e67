export default definePageConfig({
  navigationBarTitleText: '绑定工作人员账号',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
