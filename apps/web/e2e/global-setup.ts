import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { type Started, freePort, start, stop, viteBuild, waitForHttp } from './support/processes';

const root = resolve(__dirname, '../../..');
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Where the API sources run from; CHORUS_E2E_API_ROOT lets a run use another checkout of the API. */
const apiRoot = process.env['CHORUS_E2E_API_ROOT'] ?? root;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** scripts/test.mjs says `postgres` when no Redis answers: BullMQ then runs on Postgres. */
const QUEUE_BACKEND =
  process.env['CHORUS_TEST_QUEUE_BACKEND'] === 'postgres' ? 'postgres' : 'redis';

/** One server-side pass that deletes the keys matching ARGV[1] (the run's queue prefix). */
const DELETE_MATCHING = `local cursor = '0'
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do redis.call('DEL', key) end
until cursor == '0'`;

/** Deletes the run's Redis keys (queues, rate limits) once its API and worker have stopped. */
async function deleteRunKeys(prefix: string): Promise<void> {
  if (QUEUE_BACKEND !== 'redis') return;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.eval(DELETE_MATCHING, 0, `${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Root fields the running API offers, so tests of parts still being built can say they wait. */
async function apiFields(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }',
    }),
  });
  const body = (await response.json()) as {
    data?: { __schema: Record<string, { fields: { name: string }[] } | null> };
  };
  return Object.values(body.data?.__schema ?? {}).flatMap(
    (t) => t?.fields.map((f) => f.name) ?? [],
  );
}

/** Jest runs globalSetup and globalTeardown in one process: the teardown waits here. */
const TEARDOWN = Symbol.for('chorus.e2e.teardown');
type WithTeardown = typeof globalThis & { [TEARDOWN]?: () => Promise<void> };

/**
 * The real stack for the browser tests: a throw-away database, the web client built by Vite, and
 * the API (serving that build on one port) plus a worker as child processes. global-teardown.ts
 * stops them (Jest ignores a teardown function returned from here).
 */
export default async function globalSetup(): Promise<void> {
  const database = `chorus_e2e_${process.pid}`;
  const webDist = join(root, 'tmp', `e2e-web-${process.pid}`);
  mkdirSync(webDist, { recursive: true });
  const children: Started[] = [];
  const teardown = async () => {
    for (const child of children.reverse()) await stop(child);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await deleteRunKeys(database).catch(() => undefined);
    rmSync(webDist, { recursive: true, force: true });
  };
  try {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database}`);
    const databaseUrl = databaseUrlFor(ADMIN_URL, database);
    await viteBuild(root, 'apps/web/vite.config.mts', webDist);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      DATABASE_URL: databaseUrl,
      ...(QUEUE_BACKEND === 'redis' ? { REDIS_URL } : { REDIS_URL: undefined }),
      QUEUE_BACKEND,
      QUEUE_PREFIX: database,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIST: webDist,
      SEED_DEMO: 'false',
      LOG_FORMAT: 'json',
      // Tests end rounds by moving their deadline (closeRoundsNow); the sweep then closes them.
      ROUND_SWEEP_MS: '500',
      // Every browser and set-up user signs up from 127.0.0.1.
      RATE_LIMIT_SIGN_UPS_PER_IP: '1000',
      RATE_LIMIT_VOTES: '10000',
      // Signed-out pages of every spec read the catalogue from the same address.
      RATE_LIMIT_READS: '100000',
      // Set-up users submit, create projects and change settings for every spec.
      RATE_LIMIT_SUBMISSIONS: '100000',
      RATE_LIMIT_PROJECTS: '100000',
      RATE_LIMIT_WRITES: '100000',
      // The acceptance spec reads the dashboard's progress right after a decision.
      STATS_CACHE_MS: '0',
    };
    const api = start(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: apiRoot,
      env,
    });
    children.push(api);
    const baseUrl = `http://127.0.0.1:${port}`;
    // A hang guard only: start-up from source on a loaded machine is slow, and nothing else waits.
    await waitForHttp(`${baseUrl}/health`, api, 600_000);
    // The worker migrates too; start it after the API so they do not queue on the advisory lock.
    const worker = start(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/worker.ts'], {
      cwd: apiRoot,
      env: { ...env, PORT: undefined },
    });
    children.push(worker);
    process.env['CHORUS_E2E_API_FIELDS'] = (await apiFields(baseUrl)).join(',');
    process.env['CHORUS_E2E_BASE_URL'] = baseUrl;
    process.env['CHORUS_E2E_DATABASE_URL'] = databaseUrl;
    process.env['CHORUS_E2E_REDIS_URL'] = QUEUE_BACKEND === 'redis' ? REDIS_URL : '';
    (globalThis as WithTeardown)[TEARDOWN] = teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
