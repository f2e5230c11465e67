export default definePageConfig({
  navigationBarTitleText: '业主群绑定',
  // The binding card: the officer forwards this page into the owner group and opens it there.
  enableShareAppMessage: true,
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
