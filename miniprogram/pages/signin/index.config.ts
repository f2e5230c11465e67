export default definePageConfig({
  navigationBarTitleText: '演示账号登录',
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
