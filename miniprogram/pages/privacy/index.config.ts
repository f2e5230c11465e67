export default definePageConfig({
  navigationBarTitleText: '隐私政策',
  // Taro writes <page-meta> into the page's WXML only with this; ui/TextScale sets its page-style (large text).
  enablePageMeta: true,
});
