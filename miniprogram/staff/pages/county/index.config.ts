export default definePageConfig({
  navigationBarTitleText: '县区上线与责任清单',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
