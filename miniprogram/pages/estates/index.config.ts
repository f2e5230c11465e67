export default definePageConfig({
  navigationBarTitleText: '选择小区',
});
