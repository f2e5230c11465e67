export default definePageConfig({
  navigationBarTitleText: '物业企业考核',
  // Vant components the page renders through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
