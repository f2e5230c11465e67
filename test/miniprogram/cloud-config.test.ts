/**
 * The weapp build's cloud settings (config/cloud.ts): the env id reaches the bundle as
 * process.env.TARO_APP_CLOUD_ENV, and TARO_APP_ID replaces `touristappid` in the output's
 * project.config.json. The latter is Taro's own step (@tarojs/cli presets/files/generateProjectConfig.js,
 * Taro ≥ 3.6.9: "在构建输出 dist/project.config.json 文件前, 会将 appid 字段修改为 TARO_APP_ID 的值"),
 * run here on the repository's root project.config.json, which is the file Taro copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cloudDefines, cloudSettings, cloudWarnings } from '../../config/cloud';

const root = path.resolve(__dirname, '..', '..');

describe('config/cloud', () => {
  it('defines TARO_APP_CLOUD_ENV for the client from the environment (trimmed), empty when unset', () => {
    expect(cloudDefines(cloudSettings({ TARO_APP_CLOUD_ENV: ' prod-1g2h3j4k ' })).TARO_APP_CLOUD_ENV).toBe('"prod-1g2h3j4k"');
    expect(cloudDefines(cloudSettings({})).TARO_APP_CLOUD_ENV).toBe('""');
  });

  it('compiles in the same SUBSCRIBE_TEMPLATES the deploy gives the notify function, and the client reads its ids', () => {
    const json = '{"staffTodo":"xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE","residentProgress":"Qq8Zk3vPr0aLm2N5tY7uW1xE4rT6yU9iO0pA2sD4fG6"}';
    const defines = cloudDefines(cloudSettings({ SUBSCRIBE_TEMPLATES: json }));
    // DefinePlugin replaces process.env.TARO_APP_SUBSCRIBE_TEMPLATES with this literal.
    expect(JSON.parse(defines.TARO_APP_SUBSCRIBE_TEMPLATES as string)).toBe(json);
    expect(cloudDefines(cloudSettings({})).TARO_APP_SUBSCRIBE_TEMPLATES).toBe('""');
    // A build-only override wins over the deploy's value.
    expect(cloudSettings({ SUBSCRIBE_TEMPLATES: json, TARO_APP_SUBSCRIBE_TEMPLATES: '{}' }).subscribeTemplates).toBe('{}');
  });

  it('stops a build whose SUBSCRIBE_TEMPLATES is not JSON', () => {
    expect(() => cloudSettings({ SUBSCRIBE_TEMPLATES: "{staffTodo: 'abc'}" })).toThrow(SyntaxError);
  });

  it('warns about a production weapp build without env, AppID or subscribe templates', () => {
    expect(cloudWarnings(cloudSettings({ TARO_APP_CLOUD_ENV: 'prod-1', TARO_APP_ID: 'wx0123456789abcdef', SUBSCRIBE_TEMPLATES: '{"staffTodo":"xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE"}' }))).toEqual([]);
    const warnings = cloudWarnings(cloudSettings({}));
    expect(warnings.join('\n')).toContain('TARO_APP_CLOUD_ENV');
    expect(warnings.join('\n')).toContain('touristappid');
    expect(warnings.join('\n')).toContain('SUBSCRIBE_TEMPLATES');
  });

  it('config/index.ts passes the defines to Taro (env)', () => {
    const source = fs.readFileSync(path.join(root, 'config', 'index.ts'), 'utf8');
    expect(source).toMatch(/env: cloudDefines\(cloud\)/);
  });
});

describe('Taro writes TARO_APP_ID into dist/weapp/project.config.json', () => {
  type Method = (opts: { srcConfigName: string; distConfigName: string }) => void;

  function runGenerateProjectConfig(): Record<string, unknown> {
    let method: Method | undefined;
    let written: string | undefined;
    const ctx = {
      runOpts: {},
      paths: { appPath: root, sourcePath: path.join(root, 'miniprogram'), outputPath: path.join(root, 'dist', 'weapp') },
      helper: { printLog: () => undefined, processTypeEnum: {}, fs: { existsSync: fs.existsSync, readJSONSync: (p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as unknown } },
      initialConfig: { logger: { quiet: true } },
      registerMethod: (_name: string, fn: Method) => void (method = fn),
      writeFileToDist: ({ content }: { filePath: string; content: string }) => void (written = content),
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('@tarojs/cli/dist/presets/files/generateProjectConfig') as { default: (c: typeof ctx) => void }).default(ctx);
    method!({ srcConfigName: 'project.config.json', distConfigName: 'project.config.json' });
    return JSON.parse(written!) as Record<string, unknown>;
  }

  const saved = process.env.TARO_APP_ID;
  afterEach(() => {
    if (saved === undefined) delete process.env.TARO_APP_ID;
    else process.env.TARO_APP_ID = saved;
  });

  it('replaces touristappid with TARO_APP_ID and points miniprogramRoot at the output itself', () => {
    process.env.TARO_APP_ID = 'wx0123456789abcdef';
    const out = runGenerateProjectConfig();
    expect(out.appid).toBe('wx0123456789abcdef');
    expect(out.miniprogramRoot).toBe('./');
  });

  it('keeps touristappid only when no AppID is configured', () => {
    delete process.env.TARO_APP_ID;
    expect(runGenerateProjectConfig().appid).toBe('touristappid');
  });
});
