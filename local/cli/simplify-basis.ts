/**
 * Writes shared/jurisdictions/bundled/simplified.json: each quoted 依据 of the bundled lists that
 * reads differently in Simplified Chinese (document 002 is quoted in Traditional characters, as
 * written), mapped to its Simplified reading with full-width punctuation. The conversion is OpenCC's
 * (opencc-js, Traditional → mainland Simplified, character and phrase tables), run here once so that
 * its 109 KB of tables stay out of the mini-program; test/shared/jurisdictions/bundled/simplified.test.ts
 * runs it again and fails when the file is stale.
 *   npx tsx local/cli/simplify-basis.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_LISTS } from '../../shared/jurisdictions/bundled';
import { quotedTexts, simplifiedTable } from '../../shared/jurisdictions/bundled/quotes';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => (text: string) => string };

const toSimplified = Converter({ from: 't', to: 'cn' });
const table = simplifiedTable(quotedTexts(BUNDLED_LISTS), toSimplified);
const file = join(__dirname, '../../shared/jurisdictions/bundled/simplified.json');
writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
console.log(`${Object.keys(table).length} quotes written to ${file}`);
