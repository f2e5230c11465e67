export default definePageConfig({
  navigationBarTitleText: '小区分类与执法进小区',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
