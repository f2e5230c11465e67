/**
 * The deploy plan: which @cloudbase/manager-node calls, with which arguments, put the declared
 * resources (resources.ts) and the function bundles (dist/cloudfunctions) into one CloudBase
 * environment. Building the plan touches no network; applyPlan runs it against a manager.
 *
 * Method names and argument shapes are those of @cloudbase/manager-node 5.6.5 (types/ and lib/):
 * - database.createCollectionIfNotExists(name), database.checkIndexExists(name, indexName),
 *   database.updateCollection(name, { CreateIndexes }) → tcb UpdateTable;
 * - commonService().call({ Action: 'ModifySafeRule', Param: { EnvId, CollectionName, AclTag, Rule } })
 *   for a collection's custom security rule (tcb ModifySafeRule,
 *   https://cloud.tencent.com/document/api/876/128959; the manager-node "Security Rules" page says
 *   these calls go through commonService, and CloudBase's own MCP tool writeSecurityRule does the same);
 * - storage.setStorageAcl('CUSTOM', rule) → tcb ModifyStorageSafeRule;
 * - functions.createFunction({ func, functionRootPath, force: true }): creates the function, or with
 *   `force` updates its code, then its configuration, then its triggers (lib/function/index.js).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type CloudBase from '@cloudbase/manager-node';
import { FUNCTIONS } from '../_build/bundle';
import { parseTemplateIds } from '../../shared/notify/subscribe-templates';
import { declaredCollections, STORAGE_RULE, type IndexDeclaration, type SecurityRule } from './resources';

/** The cloud functions, in deploy order: the list the bundler builds. */
export const FUNCTION_NAMES = FUNCTIONS;

/** Runtimes CloudBase offers that this code is built for (Nodejs16.13 is past end of life). */
export const RUNTIME = 'Nodejs18.15';

/**
 * Variables of the deployer's environment copied into every function's environment when set
 * (read by cloudfunctions/_adapters/cloudbase/main.ts).
 */
export const FUNCTION_ENV_PASSTHROUGH = ['SUBSCRIBE_TEMPLATES', 'REPORTS_PER_HOUR'] as const;

const ROOT = resolve(__dirname, '..', '..');
export const FUNCTION_ROOT = join(ROOT, 'dist', 'cloudfunctions');

type Manager = CloudBase;
type CreateFunctionParam = Parameters<Manager['functions']['createFunction']>[0];
type CloudFunction = CreateFunctionParam['func'];
type CreateIndex = NonNullable<Parameters<Manager['database']['updateCollection']>[1]['CreateIndexes']>[number];
type StorageRule = NonNullable<Parameters<Manager['storage']['setStorageAcl']>[1]>;

/** UpdateTable's MgoKeySchema also takes MgoIsSparse (tencentcloud tcb v20180608), which manager-node's type omits. */
export type IndexRequest = CreateIndex & { MgoKeySchema: CreateIndex['MgoKeySchema'] & { MgoIsSparse: boolean } };

export interface ModifySafeRule {
  Action: 'ModifySafeRule';
  Param: { EnvId: string; CollectionName: string; AclTag: 'CUSTOM'; Rule: string };
}

export type DeployStep =
  | { kind: 'collection'; call: 'database.createCollectionIfNotExists'; args: [collection: string] }
  | {
      kind: 'index';
      /** Skipped when `database.checkIndexExists(collection, index)` says it exists. */
      call: 'database.updateCollection';
      args: [collection: string, info: { CreateIndexes: [IndexRequest] }];
      index: string;
    }
  | { kind: 'database-rule'; call: 'commonService.call'; args: [ModifySafeRule]; collection: string }
  | { kind: 'storage-rule'; call: 'storage.setStorageAcl'; args: ['CUSTOM', StorageRule] }
  | { kind: 'function'; call: 'functions.createFunction'; args: [CreateFunctionParam]; name: string };

/** A function's config.json as this repository writes it (also read by WeChat DevTools). */
export interface FunctionConfig {
  runtime: string;
  memorySize: number;
  timeout: number;
  permissions?: { openapi?: string[] };
  triggers?: Array<{ name: string; type: string; config: string }>;
}

export function readFunctionConfig(name: string, root = ROOT): FunctionConfig {
  const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8')) as Partial<FunctionConfig>;
  if (config.runtime !== RUNTIME) throw new Error(`cloudfunctions/${name}/config.json: runtime must be ${RUNTIME}, not ${String(config.runtime)}`);
  if (typeof config.memorySize !== 'number' || typeof config.timeout !== 'number') {
    throw new Error(`cloudfunctions/${name}/config.json: memorySize and timeout must be set`);
  }
  return config as FunctionConfig;
}

export function indexRequest(index: IndexDeclaration): IndexRequest {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map(([field, direction]) => ({ Name: field, Direction: String(direction) })),
      MgoIsUnique: index.unique === true,
      MgoIsSparse: index.sparse === true,
    },
  };
}

function ruleText(rule: SecurityRule): string {
  return JSON.stringify(rule);
}

export interface PlanInput {
  envId: string;
  /** The deployer's environment (for FUNCTION_ENV_PASSTHROUGH). */
  env?: NodeJS.ProcessEnv;
  /** Which parts; all by default. */
  only?: ReadonlyArray<'database' | 'storage' | 'functions'>;
  functionRoot?: string;
}

export function buildPlan(input: PlanInput): DeployStep[] {
  const only = new Set(input.only ?? ['database', 'storage', 'functions']);
  const steps: DeployStep[] = [];
  if (only.has('database')) {
    const collections = declaredCollections();
    for (const c of collections) steps.push({ kind: 'collection', call: 'database.createCollectionIfNotExists', args: [c.name] });
    for (const c of collections) {
      for (const index of c.indexes) {
        steps.push({ kind: 'index', call: 'database.updateCollection', args: [c.name, { CreateIndexes: [indexRequest(index)] }], index: index.name });
      }
    }
    for (const c of collections) {
      steps.push({
        kind: 'database-rule',
        call: 'commonService.call',
        collection: c.name,
        args: [{ Action: 'ModifySafeRule', Param: { EnvId: input.envId, CollectionName: c.name, AclTag: 'CUSTOM', Rule: ruleText(c.rule) } }],
      });
    }
  }
  if (only.has('storage')) {
    steps.push({ kind: 'storage-rule', call: 'storage.setStorageAcl', args: ['CUSTOM', { read: STORAGE_RULE.read, write: STORAGE_RULE.write }] });
  }
  if (only.has('functions')) {
    const envVariables: Record<string, string> = {};
    for (const name of FUNCTION_ENV_PASSTHROUGH) {
      const value = input.env?.[name];
      if (value !== undefined && value !== '') envVariables[name] = value;
    }
    // Template ids the function could never send with stop the deploy rather than every message.
    const templates = parseTemplateIds(envVariables.SUBSCRIBE_TEMPLATES);
    if (!templates.ok) throw new Error(templates.error);
    for (const name of FUNCTION_NAMES) {
      const config = readFunctionConfig(name);
      const func: CloudFunction = {
        name,
        runtime: config.runtime,
        memorySize: config.memorySize,
        timeout: config.timeout,
        handler: 'index.main',
        // CloudBase installs @cloudbase/node-sdk from the bundle's package.json.
        installDependency: true,
        triggers: config.triggers ?? [],
        ...(Object.keys(envVariables).length > 0 ? { envVariables } : {}),
      };
      steps.push({ kind: 'function', call: 'functions.createFunction', name, args: [{ func, functionRootPath: input.functionRoot ?? FUNCTION_ROOT, force: true }] });
    }
  }
  return steps;
}

/** The part of the manager the plan uses (a fake implements just this in tests). */
export interface PlanManager {
  database: Pick<Manager['database'], 'createCollectionIfNotExists' | 'checkIndexExists' | 'updateCollection'>;
  storage: Pick<Manager['storage'], 'setStorageAcl'>;
  functions: Pick<Manager['functions'], 'createFunction'>;
  commonService(): Pick<ReturnType<Manager['commonService']>, 'call'>;
}

/** One line per step, for the deployer (and --dry-run). */
export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case 'collection':
      return `collection ${step.args[0]}: create if missing`;
    case 'index': {
      const schema = step.args[1].CreateIndexes[0].MgoKeySchema;
      const keys = schema.MgoIndexKeys.map((k) => `${k.Name} ${k.Direction === '-1' ? 'desc' : 'asc'}`).join(', ');
      return `index ${step.args[0]}.${step.index} (${keys})${schema.MgoIsUnique ? ' unique' : ''}${schema.MgoIsSparse ? ' sparse' : ''}: create if missing`;
    }
    case 'database-rule':
      return `database rule ${step.collection}: ${step.args[0].Param.Rule}`;
    case 'storage-rule':
      return `storage rule: ${JSON.stringify(step.args[1])}`;
    case 'function': {
      const f = step.args[0].func;
      return `function ${f.name}: ${String(f.runtime)}, ${String(f.memorySize)} MB, ${String(f.timeout)} s, triggers ${JSON.stringify(f.triggers ?? [])}, code ${join(step.args[0].functionRootPath ?? '', f.name)}`;
    }
  }
}

/** Runs the plan in order; an index that exists (by name) is left as it is. */
export async function applyPlan(steps: readonly DeployStep[], manager: PlanManager, log: (line: string) => void = console.log): Promise<void> {
  for (const step of steps) {
    switch (step.kind) {
      case 'collection':
        await manager.database.createCollectionIfNotExists(...step.args);
        break;
      case 'index': {
        const { Exists } = await manager.database.checkIndexExists(step.args[0], step.index);
        if (Exists) {
          log(`index ${step.args[0]}.${step.index}: exists, left as it is (drop it in the console to change its keys)`);
          continue;
        }
        await manager.database.updateCollection(...step.args);
        break;
      }
      case 'database-rule':
        await manager.commonService().call(step.args[0]);
        break;
      case 'storage-rule':
        await manager.storage.setStorageAcl(...step.args);
        break;
      case 'function':
        await manager.functions.createFunction(...step.args);
        break;
    }
    log(`done: ${describeStep(step)}`);
  }
}
