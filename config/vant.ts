/**
 * Which @vant/weapp components the weapp build carries, and the copy patterns that put them (and
 * only them) into dist/weapp/vant/. Vant's CommonJS `lib` build is copied as-is; its `dist` uses ES
 * imports that the WeChat runtime would not resolve without npm building.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Components that pages name in `usingComponents` as '/vant/<name>/index'. Add here when a page uses a new one. */
export const VANT_COMPONENTS: readonly string[] = ['button', 'icon', 'tag', 'switch', 'rate', 'progress'];

/** Shared folders every Vant component requires (common/component, mixins/basic, wxs/utils). */
const VANT_SHARED = ['common', 'mixins', 'wxs'] as const;

export const VANT_OUTPUT_DIR = 'vant';

const vantLib = (root: string): string => path.join(root, 'node_modules', '@vant', 'weapp', 'lib');

/** The used components plus everything their index.json `usingComponents` pull in, transitively. */
export function vantClosure(used: readonly string[], root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    const json = path.join(vantLib(root), name, 'index.json');
    if (!fs.existsSync(json)) throw new Error(`@vant/weapp has no component "${name}" (${json})`);
    seen.add(name);
    const parsed = JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const ref of Object.values(parsed.usingComponents ?? {})) {
      // Vant refers to siblings as '../icon/index'.
      const dep = ref.split('/').filter((part) => part !== '..' && part !== '.')[0];
      if (dep) visit(dep);
    }
  };
  used.forEach(visit);
  return [...seen].sort();
}

export interface CopyPattern {
  from: string;
  to: string;
  ignore?: string[];
}

/** Taro `copy.patterns` (paths relative to the project root) for the weapp output under `outputRoot`. */
export function vantCopyPatterns(used: readonly string[], root: string, outputRoot: string): CopyPattern[] {
  const from = path.relative(root, vantLib(root)).split(path.sep).join('/');
  return [...VANT_SHARED, ...vantClosure(used, root)].map((dir) => ({
    from: `${from}/${dir}/`,
    to: `${outputRoot}/${VANT_OUTPUT_DIR}/${dir}/`,
    // Type declarations are dead weight in the package.
    ignore: ['**/*.d.ts'],
  }));
}
