/** Dependency direction (DESIGN.md §3): miniprogram → shared; cloudfunctions → shared; local → cloudfunctions, shared.
 *  shared/ imports nothing of the others, no SDK, no Node built-ins. */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ may import only itself and the pure libraries zod, dayjs, chinese-days.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|dayjs|chinese-days)/'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'miniprogram-only-shared',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^(cloudfunctions|local|test)/' },
    },
    {
      name: 'cloudfunctions-not-local-or-ui',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(local|miniprogram|test)/' },
    },
    {
      name: 'local-not-ui-source',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^(miniprogram|test)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
