export default definePageConfig({
  navigationBarTitleText: '六公开公示',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
