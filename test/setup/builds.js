/**
 * jest global setup: the production weapp and H5 builds, once per run, before any test starts, so
 * that the build-output checks, the browser stories and the production-path harness (test/production)
 * read the same fresh output and no two webpack runs compete for the 2 cores. Skipped when the
 * selected tests need no build (a run limited to, say, test/shared) or with SKIP_MINIPROGRAM_BUILD=1
 * (then dist/ must already exist).
 * The weapp build gets a CloudBase env id (TARO_APP_CLOUD_ENV, test/setup/cloud-env.js) as a deployable
 * build must: without one every wx.cloud call of the build answers CONFIG.CLOUD_ENV_MISSING.
 * Plain CommonJS: jest loads global setup outside the projects' TypeScript transform.
 */
const { execFile } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { promisify } = require('node:util');
const { buildCloudEnv } = require('./cloud-env');

const ROOT = join(__dirname, '..', '..');
const NEEDS_BUILD = /miniprogram|e2e|production/;

async function build(type) {
  rmSync(join(ROOT, 'dist', type), { recursive: true, force: true });
  const started = performance.now();
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', type], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...(type === 'weapp' ? { TARO_APP_CLOUD_ENV: buildCloudEnv() } : {}) },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  return Math.round(performance.now() - started);
}

module.exports = async function globalSetup(config) {
  const selection = [config.testPathPattern || '', ...(config.nonFlagArgs || [])].join(' ').trim();
  if (selection && !NEEDS_BUILD.test(selection)) return;
  if (process.env.SKIP_MINIPROGRAM_BUILD === '1') return;
  // The production-path harness alone needs only the weapp build.
  const types = selection && !/miniprogram|e2e/.test(selection) ? ['weapp'] : ['weapp', 'h5'];
  for (const type of types) {
    const ms = await build(type);
    process.stdout.write(`\n[setup] ${type} production build: ${(ms / 1000).toFixed(1)} s\n`);
  }
};
