export default definePageConfig({
  navigationBarTitleText: '责任清单管理',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
