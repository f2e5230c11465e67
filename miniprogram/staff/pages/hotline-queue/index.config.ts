export default definePageConfig({
  navigationBarTitleText: '12345工单催办督办',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
