// The real stack for a benchmark: a throw-away database, a unique Redis prefix, and the API and
// worker as separate OS processes (the webpack build by default, the TypeScript sources with
// --source or BENCH_FROM_SOURCE=1).
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/run-migrations';
import { deleteRedisKeys } from '../../test/support/redis-keys';
import { NODE_FLAGS } from '../../src/launcher/node-flags';
import { type MaintenanceLoop, startMaintenance } from './autovacuum';

export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface BenchEnv {
  readonly adminUrl: string;
  readonly redisUrl: string;
  /** Run the TypeScript sources instead of dist/apps/api (slower start, slower code). */
  readonly fromSource: boolean;
}

export function benchEnv(argv: readonly string[] = process.argv): BenchEnv {
  return {
    adminUrl: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    fromSource: argv.includes('--source') || process.env['BENCH_FROM_SOURCE'] === '1',
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

let sequence = 0;

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  readonly queuePrefix: string;
  readonly db: DataSource;
  /** Autovacuum, or the stand-in that replaces it where the server runs without (see autovacuum.ts). */
  readonly maintenance: MaintenanceLoop;
  /** Drops the database and deletes this run's Redis keys. */
  drop(): Promise<void>;
}

/** chorus_bench_<pid>[_n] with every migration applied, and a Redis prefix of the same name. */
export async function createBenchDatabase(env: BenchEnv): Promise<BenchDatabase> {
  sequence += 1;
  const name = `chorus_bench_${process.pid}${sequence > 1 ? `_${sequence}` : ''}`;
  const admin = new Client({ connectionString: env.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(env.adminUrl, name);
  await runMigrations(url, { log: () => undefined });
  const db = new DataSource(dataSourceOptions(url, 'chorus-bench'));
  await db.initialize();
  const maintenance = await startMaintenance(url);
  return {
    url,
    name,
    queuePrefix: name,
    db,
    maintenance,
    drop: async () => {
      await maintenance.stop();
      if (db.isInitialized) await db.destroy();
      await flushRedisPrefix(env.redisUrl, name);
      const again = new Client({ connectionString: env.adminUrl });
      await again.connect();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}

export function flushRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  return deleteRedisKeys(redisUrl, `${prefix}:*`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/apps/api when it is missing or older than the API or lib sources. */
export function ensureBuilt(env: BenchEnv, log: (line: string) => void): void {
  if (env.fromSource) return;
  const main = join(REPO_ROOT, 'dist/apps/api/main.js');
  const sources = Math.max(
    newestMtime(join(REPO_ROOT, 'apps/api/src')),
    newestMtime(join(REPO_ROOT, 'libs/translation-core/src')),
    newestMtime(join(REPO_ROOT, 'libs/voting/src')),
  );
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  log('building the API (npx nx run api:build)…');
  execSync('npx nx run api:build --outputStyle=static', {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ChorusProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** http://127.0.0.1:<port> for an API, '' for a worker. */
  readonly baseUrl: string;
  /** Peak resident set (VmHWM) so far, in MiB. */
  peakRssMb(): number;
  output(): string;
  stop(): Promise<void>;
}

/** Peak resident set of a live process from /proc (Linux), in MiB; 0 where unavailable. */
export function peakRssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match === null ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

export interface ProcessOptions {
  readonly env: BenchEnv;
  readonly database: BenchDatabase;
  readonly extraEnv?: Record<string, string>;
}

/** Extra node flags, for profiling: e.g. BENCH_NODE_ARGS_MAIN="--cpu-prof --cpu-prof-dir=/tmp/prof". */
function nodeArgs(kind: 'main' | 'worker'): string[] {
  const value = process.env[`BENCH_NODE_ARGS_${kind.toUpperCase()}`];
  return value === undefined ? [] : value.split(' ').filter((a) => a !== '');
}

async function startProcess(
  kind: 'main' | 'worker',
  options: ProcessOptions,
  ready: string,
  port: number | null,
): Promise<ChorusProcess> {
  const { env, database } = options;
  const entry = [
    // As the launcher and docker/compose.yml start it.
    ...NODE_FLAGS,
    ...nodeArgs(kind),
    ...(env.fromSource
      ? ['-r', '@swc-node/register', `apps/api/src/${kind}.ts`]
      : [`dist/apps/api/${kind}.js`]),
  ];
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      // A few seeded users vote far faster than people: the throttles still run, but never bite.
      RATE_LIMIT_VOTES: '1000000000',
      RATE_LIMIT_VOTE_FLIPS: '1000000000',
      RATE_LIMIT_TOKEN_REQUESTS: '1000000000',
      RATE_LIMIT_SIGN_UPS_PER_IP: '1000000000',
      RATE_LIMIT_CLAIMS: '1000000000',
      RATE_LIMIT_READS: '1000000000',
      RATE_LIMIT_SUBMISSIONS: '1000000000',
      RATE_LIMIT_PROJECTS: '1000000000',
      RATE_LIMIT_WRITES: '1000000000',
      DATABASE_URL: database.url,
      REDIS_URL: env.redisUrl,
      QUEUE_PREFIX: database.queuePrefix,
      HOST: '127.0.0.1',
      ...(port === null ? {} : { PORT: String(port) }),
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep only the tail of the logs: a long run must not grow this process.
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-20_000);
  };
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Ready when the process says so, failed when it exits first; no clock, since start-up from
  // source on a loaded machine takes as long as it takes (the caller's own timeout still applies).
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      keep(chunk);
      if (tail.includes(ready)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`${kind} did not start:\n${tail}`)));
  });
  const pid = child.pid ?? 0;
  let peak = 0;
  return {
    child,
    pid,
    baseUrl: port === null ? '' : `http://127.0.0.1:${port}`,
    peakRssMb: () => (peak = Math.max(peak, peakRssOf(pid))),
    output: () => tail,
    stop: async () => {
      peak = Math.max(peak, peakRssOf(pid));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The API (`main`) on a free port; resolves once it listens. */
export async function startApiProcess(options: ProcessOptions): Promise<ChorusProcess> {
  return startProcess('main', options, 'API listening on', await freePort());
}

/** A worker process; resolves once it processes jobs. */
export async function startWorkerProcess(options: ProcessOptions): Promise<ChorusProcess> {
  return startProcess('worker', options, 'processing jobs', null);
}

/** Polls `read` until `done` (no fixed sleeps), failing with the last value after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The value, or a thrown error naming what was missing (bench scripts assert their own set-up). */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`benchmark set-up: no ${what}`);
  return value;
}

/**
 * Starts processes in parallel and adds every one that started to `into` (so the caller's
 * `finally` stops them) before failing when any did not start.
 */
export async function startAll(
  into: ChorusProcess[],
  starters: readonly (() => Promise<ChorusProcess>)[],
): Promise<ChorusProcess[]> {
  const settled = await Promise.allSettled(starters.map((start) => start()));
  const started: ChorusProcess[] = [];
  for (const s of settled) if (s.status === 'fulfilled') started.push(s.value);
  into.push(...started);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return started;
}
