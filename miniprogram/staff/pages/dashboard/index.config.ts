export default definePageConfig({
  navigationBarTitleText: '统计与通报',
});
