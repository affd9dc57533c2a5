import { run } from './program';

/**
 * Exits as soon as the output is flushed. Left to itself, Node keeps the process alive after the
 * last line while fetch's keep-alive connection to the server winds down (measured 0.6–1.9 s per
 * call); the CLI has nothing left to do by then.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

void run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  fetch: globalThis.fetch,
  errIsTty: process.stderr.isTTY,
  columns: process.stderr.columns,
}).then(exitWhenFlushed);
