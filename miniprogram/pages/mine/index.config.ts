export default definePageConfig({
  navigationBarTitleText: '我的上报',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-tag': '/vant/tag/index',
  },
});
