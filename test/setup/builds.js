/**
 * jest global setup: the production weapp and H5 builds, once per run, before any test starts, so
 * that the build-output checks, the browser stories and the production-path harness (test/production)
 * read the same fresh output and no two webpack runs compete for the 2 cores. Skipped when the
 * selected tests need no build (a run limited to, say, test/shared) or with SKIP_MINIPROGRAM_BUILD=1
 * (then dist/ must already exist).
 * The weapp build gets a CloudBase env id (TARO_APP_CLOUD_ENV, test/setup/cloud-env.js) as a deployable
 * build must: without one every wx.cloud call of the build answers CONFIG.CLOUD_ENV_MISSING. It gets
 * subscribe-message template ids (SUBSCRIBE_TEMPLATES) too, as a deployable build does.
 * Plain CommonJS: jest loads global setup outside the projects' TypeScript transform.
 */
const { execFile } = require('node:child_process');
const { mkdirSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { setTimeout: sleep } = require('node:timers/promises');
const { join } = require('node:path');
const { promisify } = require('node:util');
const { buildCloudEnv, buildSubscribeTemplates } = require('./cloud-env');

const ROOT = join(__dirname, '..', '..');
const NEEDS_BUILD = /miniprogram|e2e|production/;

async function build(type) {
  rmSync(join(ROOT, 'dist', type), { recursive: true, force: true });
  const started = performance.now();
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', type], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...(type === 'weapp' ? { TARO_APP_CLOUD_ENV: buildCloudEnv(), SUBSCRIBE_TEMPLATES: buildSubscribeTemplates() } : {}) },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  return Math.round(performance.now() - started);
}

/**
 * One build at a time per machine: two jest runs started together (two terminals, an editor's test
 * runner) would both empty dist/<type> and write into it. mkdir is atomic; a lock older than the
 * build timeout is a crashed run's and is taken over.
 */
const LOCK = join(tmpdir(), 'xqcs-dist-build.lock');
const LOCK_STALE_MS = 12 * 60 * 1000;

async function withBuildLock(run) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

module.exports = async function globalSetup(config) {
  const selection = [config.testPathPattern || '', ...(config.nonFlagArgs || [])].join(' ').trim();
  if (selection && !NEEDS_BUILD.test(selection)) return;
  if (process.env.SKIP_MINIPROGRAM_BUILD === '1') return;
  // The production-path harness alone needs only the weapp build.
  const types = selection && !/miniprogram|e2e/.test(selection) ? ['weapp'] : ['weapp', 'h5'];
  await withBuildLock(async () => {
    for (const type of types) {
      const ms = await build(type);
      process.stdout.write(`\n[setup] ${type} production build: ${(ms / 1000).toFixed(1)} s\n`);
    }
  });
};
