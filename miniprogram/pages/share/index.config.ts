export default definePageConfig({
  navigationBarTitleText: '工单公示',
  enableShareAppMessage: true,
  usingComponents: {
    'van-button': '/vant/button/index',
    'van-tag': '/vant/tag/index',
  },
});
