export default definePageConfig({
  navigationBarTitleText: '我要上报',
  // Vant components the page renders, directly or through miniprogram/ui (copied by config/vant.ts).
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-icon': '/vant/icon/index',
    'van-switch': '/vant/switch/index',
    'van-progress': '/vant/progress/index',
  },
});
