/**
 * How a CLI of local/cli ends: `main`'s answer is the exit code; an unexpected error prints its stack
 * and exits 1. process.exitCode (not process.exit) lets open handles, such as a SQLite store, close.
 */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
