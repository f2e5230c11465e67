export default definePageConfig({
  navigationBarTitleText: '工单公示',
});
