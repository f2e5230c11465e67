export default definePageConfig({
  navigationBarTitleText: '业主群绑定',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
