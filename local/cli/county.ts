/**
 * County CLI (issue 19), for scripted set-ups against the local SQLite store (DATA_DIR, ./data):
 *   npm run --silent county -- import   --jurisdiction <id> --list <file.xlsx|file.csv> [--document <title>]
 *   npm run --silent county -- preview  --jurisdiction <id> [--version <versionId>]   (default: the newest draft)
 *   npm run --silent county -- activate --jurisdiction <id> --version <versionId> --effective <YYYY-MM-DD>
 *   npm run --silent county -- versions --jurisdiction <id>
 *   npm run --silent county -- create   --id <id> --name <名称> [--parent <id>] [--level county|district|city]
 *   npm run --silent county -- import-units --jurisdiction <id> --file <units.csv|xlsx>
 *   npm run --silent county -- import-grids --jurisdiction <id> --file <grids.csv|xlsx>
 * create without --parent makes a top-level jurisdiction, which only the operator may (the app's
 * admins create under a parent they administer). The operator holds the store file, so the CLI acts as that jurisdiction's admin ("cli"); the
 * same use cases as the admin function run, with the same checks. Import errors go to stderr, one
 * per line (第N行「列」…), and nothing is stored; the exit code is then 1 (2 for usage).
 */
import { readFileSync } from 'node:fs';
import { ZodError } from 'zod';
import { basename, join, resolve } from 'node:path';
import type { AppDeps } from '../../cloudfunctions/_app/context';
import { AppError } from '../../cloudfunctions/_app/errors';
import { countyActions, createTopLevelJurisdiction } from '../../cloudfunctions/_app/usecases/county';
import { refreshRegistry } from '../../cloudfunctions/_app/usecases/live-registry';
import { CountyInputs } from '../../shared/actions/county';
import type { Identity } from '../../shared/domain/roles';
import type { PreviewRow } from '../../shared/lists/preview';
import { systemClock } from '../store/clock';
import { openSqliteStore } from '../store/sqlite-store';
import { runCli } from './run';

const USAGE = `usage: npm run --silent county -- import --jurisdiction <id> --list <file.xlsx|csv> [--document <title>]
       npm run --silent county -- preview --jurisdiction <id> [--version <versionId>]
       npm run --silent county -- activate --jurisdiction <id> --version <versionId> --effective <YYYY-MM-DD>
       npm run --silent county -- versions --jurisdiction <id>
       npm run --silent county -- create --id <id> --name <名称> [--parent <id>] [--level county|district|city]
       npm run --silent county -- import-units --jurisdiction <id> --file <file.xlsx|csv>
       npm run --silent county -- import-grids --jurisdiction <id> --file <file.xlsx|csv>
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The preview as a table a person reads in a terminal: changed categories marked with *. */
function printPreview(rows: readonly PreviewRow[]): void {
  const units = (lead: string[], resp: string[]) => `${lead.join('、')} | ${resp.join('、')}`;
  for (const r of rows) {
    process.stdout.write(`${r.changed ? '*' : ' '} ${r.label} (${r.category})\n    现行: ${units(r.current.lead, r.current.responsible)}\n`);
    if (r.changed) process.stdout.write(`    新版: ${units(r.draft.lead, r.draft.responsible)}  ${r.draft.basis.join('；')}\n`);
  }
  process.stdout.write(`${rows.filter((r) => r.changed).length} 个类别有变化\n`);
}

async function main(args: string[]): Promise<number> {
  const [command] = args;
  const jurisdiction = command === 'create' ? flag(args, 'id') : flag(args, 'jurisdiction');
  if (!command || !jurisdiction || !['import', 'preview', 'activate', 'versions', 'create', 'import-units', 'import-grids'].includes(command)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const store = openSqliteStore(join(resolve(process.env.DATA_DIR || 'data'), 'store.sqlite'));
  const deps = { store, clock: systemClock() } as unknown as AppDeps;
  const operator: Identity = { userId: 'cli', name: '命令行', grants: [{ role: 'admin', jurisdiction }] };
  try {
    // The jurisdictions created before, as the functions see them (usecases/live-registry.ts).
    await refreshRegistry(deps);
    if (command === 'create') {
      const name = flag(args, 'name');
      const parent = flag(args, 'parent');
      const level = (flag(args, 'level') ?? (parent ? 'county' : 'city')) as 'county' | 'district' | 'city';
      if (!name || !['county', 'district', 'city'].includes(level)) {
        process.stderr.write(USAGE);
        return 2;
      }
      const input = CountyInputs.createJurisdiction.parse({ id: jurisdiction, name, level, ...(parent ? { parent } : {}) });
      const created = parent
        ? await countyActions.createJurisdiction(deps, { ...operator, grants: [{ role: 'admin', jurisdiction: parent }] }, input)
        : await createTopLevelJurisdiction(deps, operator.userId, input);
      process.stdout.write(`已创建辖区 ${created.id} ${created.name}${created.parent ? `（上级 ${created.parent}）` : ''}\n`);
      return 0;
    }
    if (command === 'import-units' || command === 'import-grids') {
      const file = flag(args, 'file');
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const x = { jurisdiction, fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
      if (command === 'import-units') {
        const out = await countyActions.importUnits(deps, operator, x);
        process.stdout.write(`已导入 ${out.departments.length} 个单位、${out.townships.length} 个乡镇（街道）\n`);
        for (const u of [...out.departments, ...out.townships]) process.stdout.write(`  ${u.id}\t${u.name}\n`);
      } else {
        const out = await countyActions.importGrids(deps, operator, x);
        process.stdout.write(`已导入 ${out.grids.length} 个网格\n`);
        for (const g of out.grids) process.stdout.write(`  ${g.id}\t${g.name}\t${g.estateIds.length} 个小区\n`);
        // The file is the whole grid set: grids it left out are removed (refused while bound).
        if (out.removed.length) process.stdout.write(`已删除表中没有的 ${out.removed.length} 个网格\n`);
        for (const g of out.removed) process.stdout.write(`  ${g.id}\t${g.name}\n`);
      }
      return 0;
    }
    if (command === 'import') {
      const file = flag(args, 'list');
      if (!file) {
        process.stderr.write(USAGE);
        return 2;
      }
      const out = await countyActions.importList(deps, operator, {
        jurisdiction,
        fileName: basename(file),
        contentBase64: readFileSync(file).toString('base64'),
        document: flag(args, 'document') ?? basename(file).replace(/\.(xlsx|csv)$/i, ''),
      });
      process.stdout.write(`已导入草稿 ${out.version.versionId}（${out.version.rows} 条）\n`);
      printPreview(out.preview);
      return 0;
    }
    if (command === 'preview') {
      const versions = (await countyActions.listVersions(deps, operator, { jurisdiction })).versions;
      const versionId = flag(args, 'version') ?? versions.filter((v) => v.status === 'draft').at(-1)?.versionId;
      if (!versionId) {
        process.stderr.write(`${jurisdiction} 没有待启用的草稿\n`);
        return 1;
      }
      printPreview((await countyActions.previewList(deps, operator, { jurisdiction, versionId })).preview);
      return 0;
    }
    if (command === 'activate') {
      const versionId = flag(args, 'version');
      const effectiveFrom = flag(args, 'effective');
      if (!versionId || !effectiveFrom || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) {
        process.stderr.write(USAGE);
        return 2;
      }
      const out = await countyActions.activateList(deps, operator, { jurisdiction, versionId, effectiveFrom });
      process.stdout.write(`${out.version.versionId} 自 ${out.version.effectiveFrom} 起生效\n`);
      return 0;
    }
    const out = await countyActions.listVersions(deps, operator, { jurisdiction });
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ZodError) {
      for (const issue of err.issues) process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
      return 2;
    }
    if (!(err instanceof AppError)) throw err;
    process.stderr.write(`${err.code}: ${err.message}\n`);
    for (const issue of err.issues ?? []) process.stderr.write(`  ${issue.message}\n`);
    return 1;
  } finally {
    store.close();
  }
}

runCli(main);
