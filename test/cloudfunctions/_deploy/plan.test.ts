/**
 * The deploy plan (cloudfunctions/_deploy/plan.ts): which @cloudbase/manager-node 5.6.5 calls, with
 * which arguments, `npm run deploy` makes; and the function configuration files it reads.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../../cloudfunctions/_adapters/cloudbase/collections';
import { FUNCTIONS } from '../../../cloudfunctions/_build/bundle';
import { deploy, parseArgs } from '../../../cloudfunctions/_deploy/deploy';
import { applyPlan, buildPlan, FUNCTION_ROOT, readFunctionConfig, RUNTIME, type DeployStep, type PlanManager } from '../../../cloudfunctions/_deploy/plan';
import { COLLECTION_DECLARATIONS, STORAGE_RULE } from '../../../cloudfunctions/_deploy/resources';

const ROOT = join(__dirname, '..', '..', '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

const ENV = 'xqcs-prod-1a2b3c';
const of = <K extends DeployStep['kind']>(steps: DeployStep[], kind: K) => steps.filter((s): s is Extract<DeployStep, { kind: K }> => s.kind === kind);

describe('deploy plan: database', () => {
  const steps = buildPlan({ envId: ENV, only: ['database'] });

  it('creates every collection the adapter uses, and only those', () => {
    expect(of(steps, 'collection').map((s) => s.args[0]).sort()).toEqual(Object.values(COLLECTIONS).sort());
    expect(of(steps, 'collection').every((s) => s.call === 'database.createCollectionIfNotExists')).toBe(true);
  });

  it('creates the unique indexes: ticket no, a submit\'s idempotency key on its ticket (sparse: older tickets have none), estates sceneCode, users openid (sparse: unbound staff have none), invitations openUserId (sparse: only an open invitation has it), an upload slot\'s fileId', () => {
    const unique = of(steps, 'index')
      .filter((s) => s.args[1].CreateIndexes[0].MgoKeySchema.MgoIsUnique)
      .map((s) => [s.args[0], s.args[1].CreateIndexes[0].MgoKeySchema.MgoIndexKeys.map((k) => k.Name), s.args[1].CreateIndexes[0].MgoKeySchema.MgoIsSparse]);
    expect(unique).toEqual([
      ['tickets', ['no'], false],
      ['tickets', ['idemKey'], true],
      ['estates', ['sceneCode'], false],
      ['users', ['openid'], true],
      ['invitations', ['openUserId'], true],
      ['uploads', ['fileId'], false],
    ]);
  });

  it('sends UpdateTable index requests in the shape of the API (IndexName, MgoKeySchema.MgoIndexKeys {Name, Direction})', () => {
    const queue = of(steps, 'index').find((s) => s.args[0] === 'tickets' && s.index === 'jurisdiction_createdAt');
    expect(queue).toEqual({
      kind: 'index',
      call: 'database.updateCollection',
      index: 'jurisdiction_createdAt',
      args: [
        'tickets',
        {
          CreateIndexes: [
            {
              IndexName: 'jurisdiction_createdAt',
              MgoKeySchema: { MgoIndexKeys: [{ Name: 'jurisdiction', Direction: '1' }, { Name: 'createdAt', Direction: '-1' }], MgoIsUnique: false, MgoIsSparse: false },
            },
          ],
        },
      ],
    });
    for (const s of of(steps, 'index')) expect(s.index).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('sets every collection’s security rule to functions only: {"read": false, "write": false} through ModifySafeRule', () => {
    const rules = of(steps, 'database-rule');
    expect(rules.map((s) => s.collection).sort()).toEqual(Object.values(COLLECTIONS).sort());
    for (const s of rules) {
      expect(s.call).toBe('commonService.call');
      expect(s.args[0]).toEqual({ Action: 'ModifySafeRule', Param: { EnvId: ENV, CollectionName: s.collection, AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } });
    }
  });

  it('orders the steps: collections, then indexes, then rules', () => {
    const kinds = steps.map((s) => s.kind);
    expect(kinds.lastIndexOf('collection')).toBeLessThan(kinds.indexOf('index'));
    expect(kinds.lastIndexOf('index')).toBeLessThan(kinds.indexOf('database-rule'));
  });
});

describe('deploy plan: storage rule', () => {
  it('sets the storage bucket to the custom rule with setStorageAcl', () => {
    expect(buildPlan({ envId: ENV, only: ['storage'] })).toEqual([{ kind: 'storage-rule', call: 'storage.setStorageAcl', args: ['CUSTOM', STORAGE_RULE] }]);
  });

  it('lets a user read only files they own, and write only their own files at photos/<segment>/<name>', () => {
    expect(STORAGE_RULE.read).toBe('auth.openid != null && resource.openid == auth.openid');
    expect(STORAGE_RULE.write).toMatch(/^auth\.openid != null && resource\.openid == auth\.openid && \/.*\/\.test\(resource\.path\) == true$/);
    const source = /&& \/(.*)\/\.test\(resource\.path\) == true$/.exec(STORAGE_RULE.write as string)?.[1];
    const path = new RegExp(source as string);
    expect(path.test('photos/u-7f3k2/1733390000000-a1b2c3.jpg')).toBe(true);
    expect(path.test('photos/wx.3Ao6zA/x.jpg')).toBe(true);
    expect(path.test('photos/u-7f3k2/sub/x.jpg')).toBe(false);
    expect(path.test('photos/x.jpg')).toBe(false);
    expect(path.test('exports/u-7f3k2/x.jpg')).toBe(false);
    expect(path.test('uploads/u-7f3k2/x.jpg')).toBe(false);
  });
});

describe('deploy plan: functions', () => {
  it('deploys the five bundles from dist/cloudfunctions (the bundler’s output), overwriting, with config.json’s runtime, memory, timeout and triggers', () => {
    const steps = of(buildPlan({ envId: ENV, only: ['functions'] }), 'function');
    expect(steps.map((s) => s.name)).toEqual([...FUNCTIONS]);
    expect(FUNCTION_ROOT).toBe(join(ROOT, 'dist', 'cloudfunctions'));
    for (const s of steps) {
      const config = readFunctionConfig(s.name);
      expect(s.args[0]).toEqual({
        functionRootPath: FUNCTION_ROOT,
        force: true,
        func: { name: s.name, runtime: 'Nodejs18.15', memorySize: config.memorySize, timeout: config.timeout, handler: 'index.main', installDependency: true, triggers: config.triggers ?? [] },
      });
    }
  });

  it('copies SUBSCRIBE_TEMPLATES and REPORTS_PER_HOUR into the functions only when the deployer sets them', () => {
    const templates = '{"staffTodo":"xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE"}';
    const withEnv = of(buildPlan({ envId: ENV, only: ['functions'], env: { SUBSCRIBE_TEMPLATES: templates, REPORTS_PER_HOUR: '', HOME: '/root' } }), 'function');
    for (const s of withEnv) expect(s.args[0].func.envVariables).toEqual({ SUBSCRIBE_TEMPLATES: templates });
    for (const s of of(buildPlan({ envId: ENV, only: ['functions'] }), 'function')) expect(s.args[0].func).not.toHaveProperty('envVariables');
  });

  it('refuses to deploy SUBSCRIBE_TEMPLATES the notify function could never send with (old per-kind keys, placeholders)', () => {
    expect(() => buildPlan({ envId: ENV, only: ['functions'], env: { SUBSCRIBE_TEMPLATES: '{"submitted":"tpl-1"}' } })).toThrow(/SUBSCRIBE_TEMPLATES.*submitted/);
    expect(() => buildPlan({ envId: ENV, only: ['functions'], env: { SUBSCRIBE_TEMPLATES: '{"staffTodo":"<template id>"}' } })).toThrow(/staffTodo/);
  });

  it('every function runs on Nodejs18.15 with memory and a timeout: 10–20 s for user calls, timers finish before their next run', () => {
    const limits: Record<string, [number, number]> = { report: [10, 20], ticket: [10, 20], admin: [10, 20], sweep: [30, 299], notify: [30, 59] };
    for (const name of FUNCTIONS) {
      const config = readFunctionConfig(name);
      expect(config.runtime).toBe(RUNTIME);
      expect([128, 256, 512, 1024]).toContain(config.memorySize);
      const [min, max] = limits[name] as [number, number];
      expect(config.timeout).toBeGreaterThanOrEqual(min);
      expect(config.timeout).toBeLessThanOrEqual(max);
    }
    expect(readFunctionConfig('sweep').triggers).toEqual([{ name: 'sweep-every-5-minutes', type: 'timer', config: '0 */5 * * * * *' }]);
    expect(readFunctionConfig('notify').triggers).toEqual([{ name: 'notify-every-minute', type: 'timer', config: '0 */1 * * * * *' }]);
  });

  it('cloudbaserc.json (for the CloudBase CLI) says the same as the config.json files; project.config.json points DevTools at the bundles', () => {
    const rc = readJson<{ envId: string; functionRoot: string; functions: Array<Record<string, unknown>> }>('cloudbaserc.json');
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
    expect(rc.functionRoot).toBe('./dist/cloudfunctions');
    expect(rc.functions.map((f) => f.name)).toEqual([...FUNCTIONS]);
    for (const f of rc.functions) {
      const config = readFunctionConfig(String(f.name));
      expect(f).toEqual({
        name: f.name,
        runtime: config.runtime,
        memorySize: config.memorySize,
        timeout: config.timeout,
        installDependency: true,
        handler: 'index.main',
        ...(config.triggers ? { triggers: config.triggers } : {}),
      });
    }
    const project = readJson<{ cloudfunctionRoot: string; miniprogramRoot: string }>('project.config.json');
    expect(project.cloudfunctionRoot).toBe('dist/cloudfunctions/');
    expect(join(ROOT, project.cloudfunctionRoot)).toBe(FUNCTION_ROOT + '/');
  });

  it('refuses a config.json without the runtime, memory or timeout (as the repository had them: Nodejs16.13 in cloudbaserc only)', () => {
    const root = mkdtempSync(join(tmpdir(), 'xqcs-deploy-'));
    mkdirSync(join(root, 'cloudfunctions', 'report'), { recursive: true });
    const write = (config: object) => writeFileSync(join(root, 'cloudfunctions', 'report', 'config.json'), JSON.stringify(config));
    write({ permissions: { openapi: ['security.msgSecCheck'] }, timeout: 10 });
    expect(() => readFunctionConfig('report', root)).toThrow('runtime must be Nodejs18.15, not undefined');
    write({ runtime: 'Nodejs16.13', memorySize: 256, timeout: 10 });
    expect(() => readFunctionConfig('report', root)).toThrow('runtime must be Nodejs18.15, not Nodejs16.13');
    write({ runtime: 'Nodejs18.15', timeout: 10 });
    expect(() => readFunctionConfig('report', root)).toThrow('memorySize and timeout must be set');
    write({ runtime: 'Nodejs18.15', memorySize: 256, timeout: 10 });
    expect(readFunctionConfig('report', root)).toEqual({ runtime: 'Nodejs18.15', memorySize: 256, timeout: 10 });
  });
});

describe('applyPlan against a fake of the manager-node surface', () => {
  function fakeManager(existingIndexes: string[]) {
    const calls: Array<[string, ...unknown[]]> = [];
    const manager: PlanManager = {
      database: {
        createCollectionIfNotExists: async (name: string) => {
          calls.push(['database.createCollectionIfNotExists', name]);
          return { RequestId: 'r', IsCreated: true, ExistsResult: { RequestId: 'r', Exists: false } };
        },
        checkIndexExists: async (name: string, index: string) => {
          calls.push(['database.checkIndexExists', name, index]);
          return { RequestId: 'r', Exists: existingIndexes.includes(`${name}.${index}`) };
        },
        updateCollection: async (name: string, info: unknown) => {
          calls.push(['database.updateCollection', name, info]);
          return { RequestId: 'r' };
        },
      },
      storage: {
        setStorageAcl: async (acl, rule) => {
          calls.push(['storage.setStorageAcl', acl, rule]);
          return { RequestId: 'r' };
        },
      },
      functions: {
        createFunction: async (param) => {
          calls.push(['functions.createFunction', param.func.name, param.force]);
          return { RequestId: 'r' };
        },
      },
      commonService: () => ({
        call: async (options: unknown) => {
          calls.push(['commonService.call', options]);
          return { RequestId: 'r' };
        },
      }),
    };
    return { manager, calls };
  }

  it('makes each call of the plan in order, and leaves an existing index alone', async () => {
    const { manager, calls } = fakeManager(['tickets.no_unique']);
    const steps = buildPlan({ envId: ENV });
    const lines: string[] = [];
    await applyPlan(steps, manager, (l) => lines.push(l));

    const updates = calls.filter((c) => c[0] === 'database.updateCollection');
    const indexSteps = of(steps, 'index');
    expect(updates).toHaveLength(indexSteps.length - 1);
    expect(updates.some((c) => c[1] === 'tickets' && JSON.stringify(c[2]).includes('"no_unique"'))).toBe(false);
    expect(calls.filter((c) => c[0] === 'database.checkIndexExists')).toHaveLength(indexSteps.length);
    expect(lines).toContain('index tickets.no_unique: exists, left as it is (drop it in the console to change its keys)');
    expect(calls.filter((c) => c[0] === 'commonService.call')).toHaveLength(Object.keys(COLLECTION_DECLARATIONS).length);
    expect(calls.filter((c) => c[0] === 'storage.setStorageAcl')).toEqual([['storage.setStorageAcl', 'CUSTOM', STORAGE_RULE]]);
    expect(calls.filter((c) => c[0] === 'functions.createFunction')).toEqual(FUNCTIONS.map((n) => ['functions.createFunction', n, true]));
    // Functions last: they never run against a database that is not ready.
    const firstFunction = calls.findIndex((c) => c[0] === 'functions.createFunction');
    expect(calls.slice(firstFunction).every((c) => c[0] === 'functions.createFunction')).toBe(true);
  });

  it('stops at the first failing call', async () => {
    const { manager, calls } = fakeManager([]);
    manager.database.updateCollection = async () => {
      throw new Error('[UpdateTable] InvalidParameter');
    };
    await expect(applyPlan(buildPlan({ envId: ENV }), manager, () => undefined)).rejects.toThrow('InvalidParameter');
    expect(calls.some((c) => c[0] === 'functions.createFunction' || c[0] === 'commonService.call')).toBe(false);
  });
});

describe('npm run deploy', () => {
  it('parses --dry-run and --only, and refuses anything else', () => {
    expect(parseArgs([])).toEqual({ dryRun: false, only: ['database', 'storage', 'functions'] });
    expect(parseArgs(['--dry-run', '--only=database,storage'])).toEqual({ dryRun: true, only: ['database', 'storage'] });
    expect(() => parseArgs(['--only=hosting'])).toThrow('unknown part hosting');
    expect(() => parseArgs(['--force'])).toThrow('unknown argument --force');
  });

  it('--dry-run prints every step and needs no secrets', async () => {
    const lines: string[] = [];
    await deploy(['--dry-run'], {}, (l) => lines.push(l));
    const steps = buildPlan({ envId: '<TCB_ENV_ID>' });
    expect(lines[0]).toBe(`dry run: ${steps.length} steps, nothing sent`);
    expect(lines).toHaveLength(steps.length + 1);
    expect(lines).toContain('database rule users: {"read":false,"write":false}');
    expect(lines).toContain('index users.openid_unique (openid asc) unique sparse: create if missing');
  });

  it('a real deploy needs the env id and both secrets before anything happens', async () => {
    await expect(deploy([], {}, () => undefined)).rejects.toThrow('TCB_ENV_ID is not set');
    await expect(deploy([], { TCB_ENV_ID: ENV }, () => undefined)).rejects.toThrow('TENCENTCLOUD_SECRETID is not set');
    await expect(deploy([], { TCB_ENV_ID: ENV, TENCENTCLOUD_SECRETID: 'id' }, () => undefined)).rejects.toThrow('TENCENTCLOUD_SECRETKEY is not set');
  });
});
