export default definePageConfig({
  navigationBarTitleText: '公告牌海报',
  usingComponents: {
    'van-button': '/vant/button/index',
  },
});
