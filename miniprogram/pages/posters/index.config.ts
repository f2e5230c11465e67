export default definePageConfig({
  navigationBarTitleText: '打印全部海报',
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
