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
    // The privacy policy, linked from the report page (main package: readable before any sign-in).
    'pages/privacy/index',
    // Opened by a staff invitation's QR code or link (issue 15 §3): binds the WeChat account to a staff record.
    'pages/invite/index',
    // Every estate's poster of a jurisdiction on one print page (issue 19 §4), opened from the county page.
    'pages/posters/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/home/index', 'pages/queue/index', 'pages/ticket/index', 'pages/dashboard/index', 'pages/desk/index', 'pages/groups/index', 'pages/ledger/index', 'pages/governance/index', 'pages/companies/index', 'pages/hotline/index', 'pages/disclosure/index', 'pages/county/index', 'pages/hotline-queue/index'],
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
  // The purpose shown when WeChat asks the user for the location permission.
  permission: {
    'scope.userLocation': { desc: '用于记录上报问题的位置、推荐附近小区和工作人员到场打卡' },
  },
  __usePrivacyCheck__: true,
  // Staff pages and the sign-in page are kept out of WeChat search (miniprogram/sitemap.json, copied by config/index.ts).
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents',
});
