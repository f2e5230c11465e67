/**
 * The category classifier from the command line (issue 16 §5), for checks:
 *   npm run --silent classify -- --batch < texts.jsonl   one {"text": …} per line in, one
 *                                                         {"suggestions":[{"category","score"}]} per line out
 *   npm run --silent classify -- "楼道里有人飞线充电"      the same answer for one text
 * A line that is not JSON with a string "text" answers {"error": …} on its own line, so the output
 * stays line for line with the input; empty lines (a trailing newline) are skipped.
 */
import { createInterface } from 'node:readline';
import { suggestCategories } from '../../shared/classify';

export function answerLine(line: string, limit = 3): string {
  let text: unknown;
  try {
    text = (JSON.parse(line) as { text?: unknown } | null)?.text;
  } catch {
    return JSON.stringify({ error: 'not JSON' });
  }
  if (typeof text !== 'string') return JSON.stringify({ error: 'no "text" string' });
  return JSON.stringify({ suggestions: suggestCategories(text, limit) });
}

async function batch(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(answerLine(line) + '\n');
  }
}

if ((require as unknown as NodeJS.Require).main === module) {
  // A reader that stops early (| head) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const args = process.argv.slice(2);
  if (args.includes('--batch')) {
    batch().catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
  } else if (args.length > 0) {
    process.stdout.write(JSON.stringify({ suggestions: suggestCategories(args.join(' ')) }) + '\n');
  } else {
    console.error('usage: npm run --silent classify -- --batch < texts.jsonl | npm run --silent classify -- "text"');
    process.exitCode = 2;
  }
}
