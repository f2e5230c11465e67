export default definePageConfig({
  navigationBarTitleText: '小区公告栏',
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-tag': '/vant/tag/index',
  },
});
