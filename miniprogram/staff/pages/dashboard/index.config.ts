export default definePageConfig({
  navigationBarTitleText: '统计与通报',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
