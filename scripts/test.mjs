#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests, integration tests against real Postgres and Redis,
// and browser tests when they exist. Ends with one plain line `N passed, N failed`.
//
//   npm test                      everything
//   npm test -- --only unit       one step: lint | typecheck | unit | security | integration | e2e
//
// `security` runs the tests listed in scripts/security-tests.mjs (unit and integration, the controls
// of docs/security.md); the unit and integration steps leave those files out so each runs once.
//
// Postgres: TEST_DATABASE_URL (an admin URL; each run creates and drops chorus_test_<pid>), else the
// local server on 127.0.0.1:5432, else an embedded PostgreSQL started for the run.
// Redis: TEST_REDIS_URL, else 127.0.0.1:6379; without one the queue tests use BullMQ's Postgres backend.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pathRegex, securityTests } from './security-tests.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'tmp', 'test');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const wants = (step) => only === undefined || only === step;

function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbeddedPostgres() {
  const dataDir = join(tmp, `pg-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'apps/api/src/embedded-postgres.ts',
      '--data-dir',
      dataDir,
      '--port',
      // Below Linux's ephemeral range (32768–60999), where client connections take local ports.
      String(12000 + (process.pid % 4000)),
    ],
    {
      cwd: root,
      env: { ...env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line).url);
    });
    exited.then(() => reject(new Error('embedded PostgreSQL did not start')));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function redisAnswers(url) {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Runs jest with a JSON report and returns its counts. */
async function jest(name, args, extraEnv = {}) {
  mkdirSync(tmp, { recursive: true });
  const report = join(tmp, `${name}-${process.pid}.json`);
  rmSync(report, { force: true });
  const code = await run(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), ...args, '--json', `--outputFile=${report}`],
    extraEnv,
  );
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const crashed = result.numRuntimeErrorTestSuites ?? 0;
  const failed =
    result.numFailedTests + crashed + (code !== 0 && result.numFailedTests + crashed === 0 ? 1 : 0);
  return { passed: result.numPassedTests, failed };
}

const check = async (command, args) =>
  (await run(command, args)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };

const totals = { passed: 0, failed: 0 };
const lines = [];
async function step(name, fn) {
  if (!wants(name)) return;
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = await fn();
  totals.passed += result.passed;
  totals.failed += result.failed;
  lines.push(
    `${name.padEnd(12)} ${String(result.passed).padStart(5)} passed ${String(result.failed).padStart(3)} failed  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

const cleanups = [];
try {
  await step('lint', () => check('npm', ['run', '-s', 'lint']));
  // Nx keeps a cache per machine (~/.nx), shared by every clone: a test run checks, it never
  // reports an earlier run's result.
  await step('typecheck', () =>
    check('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      '--parallel=2',
      '--outputStyle=static',
      '--skip-nx-cache',
    ]),
  );
  const unitSecurity = pathRegex(securityTests.unit);
  const intSecurity = pathRegex(securityTests.integration);
  await step('unit', () =>
    jest('unit', ['-c', 'jest.config.js', '--testPathIgnorePatterns', unitSecurity]),
  );
  if (wants('security') || wants('integration') || wants('e2e')) {
    let admin = process.env.TEST_DATABASE_URL;
    if (admin === undefined) {
      const local = 'postgres://postgres@127.0.0.1:5432/postgres';
      if (await canConnect(local)) admin = local;
      else {
        process.stdout.write(
          'No PostgreSQL on 127.0.0.1:5432 and no TEST_DATABASE_URL: starting an embedded one.\n',
        );
        const embedded = await startEmbeddedPostgres();
        cleanups.push(embedded.stop);
        admin = embedded.url;
      }
    }
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const redis = await redisAnswers(redisUrl);
    if (!redis)
      process.stdout.write(
        `No Redis at ${redisUrl}: queue tests run on BullMQ's Postgres backend.\n`,
      );
    const serviceEnv = {
      TEST_DATABASE_URL: admin,
      TEST_REDIS_URL: redisUrl,
      CHORUS_TEST_QUEUE_BACKEND: redis ? 'redis' : 'postgres',
    };
    await step('security', async () => {
      const unit = await jest('security-unit', ['-c', 'jest.config.js', unitSecurity]);
      const integration = await jest(
        'security-integration',
        ['-c', 'apps/api/jest.int.config.js', '--runInBand', intSecurity],
        serviceEnv,
      );
      return {
        passed: unit.passed + integration.passed,
        failed: unit.failed + integration.failed,
      };
    });
    await step('integration', () =>
      jest(
        'integration',
        [
          '-c',
          'apps/api/jest.int.config.js',
          '--runInBand',
          '--testPathIgnorePatterns',
          intSecurity,
        ],
        serviceEnv,
      ),
    );
    if (existsSync(join(root, 'apps/web/e2e/jest.config.js'))) {
      await step('e2e', () =>
        jest('e2e', ['-c', 'apps/web/e2e/jest.config.js', '--runInBand'], serviceEnv),
      );
    }
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
}

process.stdout.write(`\n${lines.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1;
