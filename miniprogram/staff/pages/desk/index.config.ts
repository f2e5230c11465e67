export default definePageConfig({
  navigationBarTitleText: '业主群警务台',
});
