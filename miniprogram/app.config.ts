/** Resident flow in the main package; staff screens in the 'staff' subpackage (DESIGN.md §8). */
export default defineAppConfig({
  pages: [
    'pages/report/index',
    'pages/mine/index',
    'pages/ticket/index',
    'pages/noticeboard/index',
    'pages/estates/index',
    'pages/signin/index',
    'pages/poster/index',
    'pages/share/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/home/index', 'pages/queue/index', 'pages/ticket/index', 'pages/dashboard/index', 'pages/desk/index', 'pages/groups/index'],
    },
  ],
  window: {
    navigationBarTitleText: '小区吹哨',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundTextStyle: 'light',
  },
  // Location APIs must be declared to be callable (weapp); privacy authorisation gates them.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
