export default definePageConfig({
  navigationBarTitleText: '公告牌海报',
});
