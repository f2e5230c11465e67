/**
 * jest: @swc/jest for speed; type-checking runs separately (`npm run typecheck`).
 * Two projects: everything runs in node, except the mini-program page tests (test/miniprogram/**\/*.test.tsx),
 * which render Taro components in jsdom and need Taro's ESM packages transformed.
 */
const swcOptions = { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } };
const swc = ['@swc/jest', swcOptions];
// Plain JavaScript from node_modules is parsed as ECMAScript (parsing it as TSX misreads some `<` expressions).
const swcJs = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript', jsx: true } } }];

const shared = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'mjs', 'cjs'],
};

module.exports = {
  testTimeout: 30000,
  // The production weapp and H5 builds, once, before the suites that read them (test/setup/builds.ts).
  globalSetup: '<rootDir>/test/setup/builds.js',
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/test/bench/', '/test/e2e/', '/test/miniprogram/.*\\.test\\.tsx$'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      // Browser stories (Chromium + the local runtime); `npm test` runs them in band after the rest.
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      ...shared,
      displayName: 'miniprogram-dom',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': swc, '^.+\\.(m|c)?jsx?$': swcJs },
      // @tarojs/* ship ES modules.
      transformIgnorePatterns: [],
      moduleNameMapper: {
        // The React build of Taro's components (@tarojs/components-react fails: `_index10` before initialization).
        '^@tarojs/components$': '@tarojs/components/lib/react/index',
        // Taro's H5 API plus page hooks that work without a booted Taro app.
        '^@tarojs/taro$': '<rootDir>/test/miniprogram/support/taro.ts',
        '\\.css$': '<rootDir>/test/miniprogram/support/style-stub.ts',
      },
      // Build-time constants that Taro's webpack config would define.
      globals: {
        ENABLE_INNER_HTML: false,
        ENABLE_ADJACENT_HTML: false,
        ENABLE_SIZE_APIS: false,
        ENABLE_TEMPLATE_CONTENT: false,
        ENABLE_MUTATION_OBSERVER: false,
        ENABLE_CLONE_NODE: false,
        ENABLE_CONTAINS: false,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
    },
  ],
};
