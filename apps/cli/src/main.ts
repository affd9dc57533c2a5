import { run } from './program';

void run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  fetch: globalThis.fetch,
  errIsTty: process.stderr.isTTY,
  columns: process.stderr.columns,
}).then((code) => {
  process.exitCode = code;
});
