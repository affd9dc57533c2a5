#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the benchmark scenarios (all, or the named ones) and prints
// their tables; each scenario also records its results in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** name → TypeScript entry run with @swc-node/register. */
const SCENARIOS = {
  'translation-core': 'libs/translation-core/scripts/bench.ts',
  'w4-export': 'apps/api/scripts/w4-export.ts',
  'w1-import': 'apps/api/bench/w1-import.ts',
  'w2-votes': 'apps/api/bench/w2-votes.ts',
  'w3-close': 'apps/api/bench/w3-close.ts',
  'w5-next-string': 'apps/api/bench/w5-next-string.ts',
  'w6-web-cold-load': 'apps/api/bench/w6-web-cold-load.ts',
  'w7-live-fanout': 'apps/api/bench/w7-live-fanout.ts',
  'w8-submit': 'apps/api/bench/w8-submit.ts',
  'scale-out': 'apps/api/bench/scale-out.ts',
};

/** Scenarios that import API code need its tsconfig (decorators); the rest use the base one. */
const TSCONFIG = { 'w4-export': 'apps/api/tsconfig.json' };
for (const name of Object.keys(SCENARIOS))
  if (SCENARIOS[name].startsWith('apps/api/bench/')) TSCONFIG[name] = 'apps/api/tsconfig.json';

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !(name in SCENARIOS));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}\n`,
  );
  process.exit(1);
}
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
let failed = false;
for (const name of requested.length > 0 ? requested : Object.keys(SCENARIOS)) {
  process.stdout.write(`\n### ${name}\n`);
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', SCENARIOS[name], ...flags],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, SWC_NODE_PROJECT: TSCONFIG[name] ?? 'tsconfig.base.json' },
    },
  );
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
