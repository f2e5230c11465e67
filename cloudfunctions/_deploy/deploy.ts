/**
 * `npm run deploy [-- --dry-run] [-- --only=database,storage,functions]`
 *
 * Puts this repository into one CloudBase environment with @cloudbase/manager-node (the management
 * SDK the CloudBase CLI itself uses): the collections, indexes and security rules declared in
 * cloudfunctions/_deploy/resources.ts, the storage rule, and the five functions from their esbuild
 * bundles (dist/cloudfunctions, built here first) with the runtime, memory, timeout and timer
 * triggers of each cloudfunctions/<name>/config.json. Safe to run again: collections and indexes that
 * exist are kept, rules and functions are overwritten.
 *
 * Environment: TCB_ENV_ID (the CloudBase environment id), TENCENTCLOUD_SECRETID,
 * TENCENTCLOUD_SECRETKEY (an API key of the Tencent Cloud account; TENCENTCLOUD_SESSIONTOKEN for a
 * temporary key). Optional, copied into the functions: SUBSCRIBE_TEMPLATES, REPORTS_PER_HOUR.
 * `--dry-run` prints the plan and touches no network (the env id may then be missing).
 */
import { bundleFunctions } from '../_build/bundle';
import { applyPlan, buildPlan, describeStep, type PlanInput, type PlanManager } from './plan';

type Part = NonNullable<PlanInput['only']>[number];
const PARTS: readonly Part[] = ['database', 'storage', 'functions'];

export interface DeployArgs {
  dryRun: boolean;
  only: Part[];
}

export function parseArgs(argv: readonly string[]): DeployArgs {
  const args: DeployArgs = { dryRun: false, only: [...PARTS] };
  for (const arg of argv) {
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg.startsWith('--only=')) {
      const parts = arg.slice('--only='.length).split(',');
      for (const p of parts) if (!PARTS.includes(p as Part)) throw new Error(`--only: unknown part ${p} (one of ${PARTS.join(', ')})`);
      args.only = parts as Part[];
    } else throw new Error(`unknown argument ${arg} (--dry-run, --only=${PARTS.join(',')})`);
  }
  return args;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set (see docs/DEPLOY.md)`);
  return value;
}

export async function deploy(argv: readonly string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const args = parseArgs(argv);
  if (args.dryRun) {
    const steps = buildPlan({ envId: env.TCB_ENV_ID || '<TCB_ENV_ID>', env, only: args.only });
    log(`dry run: ${steps.length} steps, nothing sent`);
    for (const step of steps) log(describeStep(step));
    return;
  }
  const envId = required(env, 'TCB_ENV_ID');
  const secretId = required(env, 'TENCENTCLOUD_SECRETID');
  const secretKey = required(env, 'TENCENTCLOUD_SECRETKEY');
  const steps = buildPlan({ envId, env, only: args.only });
  if (args.only.includes('functions')) {
    for (const s of await bundleFunctions()) log(`bundled ${s.name}: ${(s.bytes / 1024).toFixed(1)} KB`);
  }
  // Loaded only for a real deploy: the management SDK is large and dry runs need none of it.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ secretId, secretKey, envId, ...(env.TENCENTCLOUD_SESSIONTOKEN ? { token: env.TENCENTCLOUD_SESSIONTOKEN } : {}) });
  const planManager: PlanManager = {
    database: manager.database,
    storage: manager.storage,
    functions: manager.functions,
    commonService: () => manager.commonService(),
  };
  await applyPlan(steps, planManager, log);
  log(`deployed to ${envId}`);
  if (args.only.includes('functions')) {
    // manager-node's function deploy does not read config.json's permissions.openapi.
    log('next: upload each function once from WeChat DevTools so that the open-API permissions of its config.json apply (docs/DEPLOY.md §4)');
  }
}

// Node's typing of `require`: miniprogram-api-typings (pulled in by Taro's types) declares a global one without `main`.
if ((require as unknown as NodeJS.Require).main === module) {
  deploy(process.argv.slice(2), process.env, (line) => console.log(line)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
