export default definePageConfig({
  navigationBarTitleText: '小区公告栏',
});
