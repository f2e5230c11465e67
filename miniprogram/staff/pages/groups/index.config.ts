export default definePageConfig({
  navigationBarTitleText: '业主群绑定',
});
