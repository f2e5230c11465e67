/**
 * Babel (through Taro's babel-loader) compiles miniprogram/ and shared/ for both builds: preset-env
 * down to Taro's default targets, class properties, decorators, @babel/runtime helpers.
 *
 * JSX and TypeScript are compiled before Babel by esbuild-loader (config/index.ts, an `enforce: 'pre'`
 * rule): babel-preset-taro's `framework: 'react'` requires its peer @babel/preset-react, which is not in
 * package.json. With a non-React framework name the preset skips that require and stays otherwise the
 * same. Once @babel/preset-react is a devDependency, set `framework: 'react'` and drop the esbuild rule.
 */
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'jsx-compiled-by-esbuild',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
