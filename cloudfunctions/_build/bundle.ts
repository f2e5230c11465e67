/**
 * Bundles each cloud function with esbuild into dist/cloudfunctions/<name>/index.js (shared/ and
 * the application inlined; @cloudbase/node-sdk and wx-server-sdk left external: CloudBase installs
 * them from the function's package.json — wx-server-sdk with the @cloudbase/node-sdk 3.17.2 it pins,
 * which bundling would replace with the function's 3.18.3), and copies package.json and config.json
 * beside it.
 *   npx tsx cloudfunctions/_build/bundle.ts [outDir]
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FUNCTIONS = ['report', 'ticket', 'admin', 'sweep', 'notify'] as const;
const ROOT = resolve(__dirname, '..', '..');

export async function bundleFunctions(outDir = join(ROOT, 'dist', 'cloudfunctions')): Promise<Array<{ name: string; bytes: number }>> {
  const sizes: Array<{ name: string; bytes: number }> = [];
  for (const name of FUNCTIONS) {
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
      logLevel: 'warning',
    });
    for (const file of ['package.json', 'config.json']) copyFileSync(join(ROOT, 'cloudfunctions', name, file), join(dir, file));
    sizes.push({ name, bytes: statSync(join(dir, 'index.js')).size });
  }
  return sizes;
}

// Node's typing of `require`: miniprogram-api-typings (pulled in by Taro's types) declares a global one without `main`.
if ((require as unknown as NodeJS.Require).main === module) {
  bundleFunctions(process.argv[2]).then(
    (sizes) => {
      for (const s of sizes) console.log(`${s.name.padEnd(8)} ${(s.bytes / 1024).toFixed(1)} KB`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
