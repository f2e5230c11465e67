/**
 * Taro build config for both targets: `taro build --type weapp` → dist/weapp, `--type h5` → dist/h5.
 * Sources live in miniprogram/ (not Taro's default src/), and the pure domain in shared/ is compiled in.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import { cloudDefines, cloudSettings, cloudWarnings } from './cloud';
import { VANT_COMPONENTS, vantCopyPatterns } from './vant';

const root = path.resolve(__dirname, '..');
const taroEnv = process.env.TARO_ENV ?? 'weapp';
const nodeEnv = process.env.NODE_ENV ?? 'production';
const outputRoot = `dist/${taroEnv}`;
const shared = path.resolve(root, 'shared');
const sourceDir = path.resolve(root, 'miniprogram');
/** TARO_APP_CLOUD_ENV and TARO_APP_ID (config/cloud.ts): .env files or the build's environment. */
const cloud = cloudSettings(process.env);
if (taroEnv === 'weapp' && nodeEnv === 'production') for (const warning of cloudWarnings(cloud)) console.warn(`[weapp] ${warning}`);

/**
 * webpack's own filesystem cache. Taro's `cache.enable` hard-codes src/app.config and fails with
 * sourceRoot 'miniprogram' (TOOLCHAIN.md). A change to any build input listed here drops the cache.
 */
const useFilesystemCache = (chain: Chain): void => {
  chain.cache({
    type: 'filesystem',
    cacheDirectory: path.resolve(root, '.cache', 'webpack'),
    name: `${taroEnv}-${nodeEnv}`,
    // The cloud env is compiled into the bundle: another env is another cache.
    version: JSON.stringify(cloudDefines(cloud)),
    buildDependencies: {
      config: [
        path.resolve(__dirname, 'index.ts'),
        path.resolve(__dirname, 'vant.ts'),
        path.resolve(__dirname, 'cloud.ts'),
        path.resolve(root, 'babel.config.js'),
        path.resolve(root, 'miniprogram', 'app.config.ts'),
      ],
    },
  });
};

/**
 * TypeScript and JSX (automatic runtime, react/jsx-runtime) are compiled by esbuild before Taro's
 * babel-loader sees the file: babel-preset-taro's React path needs @babel/preset-react, which is not
 * installed (babel.config.js). Babel still runs afterwards for preset-env and the runtime helpers.
 */
const compileJsxWithEsbuild = (chain: Chain): void => {
  chain.module
    .rule('esbuild-tsx')
    .test(/\.[cm]?[jt]sx?$/)
    .include.add(sourceDir)
    .add(shared)
    .end()
    .enforce('pre')
    .use('esbuild')
    .loader('esbuild-loader')
    .options({ jsx: 'automatic', target: 'esnext' });
};

const config: UserConfigExport<'webpack5'> = {
  projectName: 'xiaoqu-chuishao',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'miniprogram',
  outputRoot,
  plugins: [],
  env: cloudDefines(cloud),
  copy: {
    // Vant is weapp-only: H5 renders the plain Taro primitives (miniprogram/ui/*.tsx).
    // sitemap.json (app.config sitemapLocation) is not copied by Taro itself, nor is the map marker's
    // icon (a <map> marker's iconPath names a package file: staff/components/PlaceMap.weapp.tsx).
    patterns:
      taroEnv === 'weapp'
        ? [
            ...vantCopyPatterns(VANT_COMPONENTS, root, outputRoot),
            { from: 'miniprogram/sitemap.json', to: `${outputRoot}/sitemap.json` },
            { from: 'miniprogram/staff/assets/map-marker.png', to: `${outputRoot}/staff/assets/map-marker.png` },
          ]
        : [],
    options: {},
  },
  framework: 'react',
  compiler: 'webpack5',
  logger: { quiet: true, stats: false },
  mini: {
    compile: { include: [shared] },
    postcss: {
      pxtransform: {
        enable: true,
        // Vant's own rpx/px sizes are right already; converting them renders Vant too small.
        config: { selectorBlackList: [/van-/] },
      },
    },
    webpackChain(chain) {
      compileJsxWithEsbuild(chain);
      useFilesystemCache(chain);
    },
  },
  h5: {
    compile: { include: [shared] },
    publicPath: '/',
    staticDirectory: 'static',
    // Hash routing: the H5 build is served as static files by local/ without server-side rewrites.
    router: { mode: 'hash' },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[contenthash:8].js',
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
    },
    webpackChain(chain) {
      compileJsxWithEsbuild(chain);
      useFilesystemCache(chain);
    },
  },
};

export default defineConfig<'webpack5'>(config);
