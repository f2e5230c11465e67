export default definePageConfig({
  navigationBarTitleText: '选择小区',
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
