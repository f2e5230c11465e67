/**
 * `npm start`: builds the H5 app when dist/h5 is missing, then runs the local runtime.
 * Environment: PORT (8787), HOST (127.0.0.1), DATA_DIR (./data), SIMULATED_NOW, OPEN311_API_KEY,
 * REPORTS_PER_HOUR, SKIP_H5_BUILD=1 (serve the API without building the H5 app, e.g. in tests),
 * DEMO (1 by default: demo data and the dev sign-in, loopback only; DEMO=0 has neither).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listDemoUsersForConsole } from './demo/console';
import { checkDemoBind, DEFAULT_PORT, startRuntime, type Runtime } from './runtime';

const ROOT = resolve(__dirname, '..');
const H5_DIR = join(ROOT, 'dist', 'h5');

function buildH5(): Promise<boolean> {
  console.log('未找到 dist/h5/index.html，正在构建 H5 前端（npx taro build --type h5，约需 1 分钟）…');
  return new Promise((done) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

function portFromEnv(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${raw}`);
  return port;
}

/** DEMO: on unless 0/false/off/no; anything unrecognised is refused rather than guessed. */
function demoFromEnv(raw: string | undefined): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || ['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  throw new Error(`DEMO 须为 1（演示模式，默认）或 0，收到 "${raw}"`);
}

async function main(): Promise<void> {
  const demo = demoFromEnv(process.env.DEMO);
  const host = process.env.HOST || '127.0.0.1';
  // Refused before the (minute-long) H5 build: demo mode never listens beyond this machine.
  checkDemoBind(host, demo);
  if (!existsSync(join(H5_DIR, 'index.html')) && process.env.SKIP_H5_BUILD !== '1') {
    const built = await buildH5();
    if (!built) console.warn('H5 构建失败：接口照常启动，首页会提示如何构建。');
  }
  const runtime: Runtime = await startRuntime({
    dataDir: process.env.DATA_DIR || join(ROOT, 'data'),
    port: portFromEnv(),
    host,
    demo,
    simulatedNow: process.env.SIMULATED_NOW || null,
    h5Dir: H5_DIR,
    open311ApiKey: process.env.OPEN311_API_KEY || null,
  });

  console.log(`小区吹哨本地运行时已启动：${runtime.url}`);
  console.log(`  数据目录：${resolve(process.env.DATA_DIR || join(ROOT, 'data'))}`);
  console.log(`  时钟：${process.env.SIMULATED_NOW ? `模拟时间，从 ${process.env.SIMULATED_NOW} 起走` : '系统时间'}`);
  console.log(`  Open311：${process.env.OPEN311_API_KEY ? '已开放提交（api_key = OPEN311_API_KEY）' : '只读（设置 OPEN311_API_KEY 后可提交）'}`);
  if (demo) {
    console.log('  演示模式：已写入演示数据，开放演示账号登录；只接受发往本机的请求（DEMO=0 关闭）');
    console.log('可试用的演示用户（在 H5 首页选择，或 POST /api/dev/signin {"userId": "…"}）：');
    for (const line of await listDemoUsersForConsole(runtime.deps.store)) console.log(`  ${line}`);
  } else {
    console.log('  非演示模式（DEMO=0）：无演示数据、无演示账号登录；须在前面接入真实的身份认证，/api/dev/* 仅限已登录的管理员');
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在关闭…`);
    runtime.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
