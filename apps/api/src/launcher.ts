/**
 * `npm start`: runs the whole product on one port. With DATABASE_URL unset it starts an
 * embedded PostgreSQL (data under .chorus/); with REDIS_URL unset it uses a Redis on
 * 127.0.0.1:6379 if one answers, else BullMQ's PostgreSQL backend. Then it starts the API
 * (which also serves the web client) and a worker. Every way the launcher ends stops what it
 * started: SIGINT, SIGTERM and SIGHUP stop the children and wait for them; its parent going away
 * (npm killed) is noticed by polling the parent pid; and if the launcher itself is killed, each
 * child notices its IPC channel closing (launcher/parent-watch) and stops itself.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvError, parseLauncherEnv, redact, type LauncherConfig } from './config/env.schema';
import { DEMO_LOGIN } from './demo/demo-credentials';
import { type Child, startNode, stopChild, waitForHttpOk } from './launcher/child-process';
import { NODE_FLAGS } from './launcher/node-flags';
import { defaultQueuePrefix } from './launcher/queue-prefix';
import {
  type EmbeddedPostgresProcess,
  spawnEmbeddedPostgres,
} from './launcher/embedded-postgres-process';
import { redisAnswers } from './launcher/redis-probe';

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function say(line: string): void {
  process.stdout.write(`chorus: ${line}\n`);
}

function fail(line: string): never {
  process.stderr.write(`chorus: ${line}\n`);
  process.exit(1);
}

async function chooseQueue(config: LauncherConfig): Promise<NodeJS.ProcessEnv> {
  if (config.queueBackend === 'postgres') return { QUEUE_BACKEND: 'postgres', REDIS_URL: '' };
  if (config.redisUrl !== null) {
    say(`queue: Redis at ${redact(config.redisUrl)} (REDIS_URL)`);
    return { QUEUE_BACKEND: 'redis', REDIS_URL: config.redisUrl };
  }
  if (await redisAnswers(LOCAL_REDIS)) {
    say(`queue: Redis answered on ${LOCAL_REDIS}; using it`);
    return { QUEUE_BACKEND: 'redis', REDIS_URL: LOCAL_REDIS };
  }
  say('queue: no Redis on 127.0.0.1:6379; using the BullMQ PostgreSQL backend');
  return { QUEUE_BACKEND: 'postgres', REDIS_URL: '' };
}

async function main(): Promise<void> {
  let config: LauncherConfig;
  try {
    config = parseLauncherEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const distDir = __dirname;
  // Built: dist/apps/api/{main,worker}.js. From source (tests, `nx run api:start-dev`): the .ts files.
  const entry = (name: string) =>
    join(distDir, existsSync(join(distDir, `${name}.js`)) ? `${name}.js` : `${name}.ts`);
  const builtWatch = join(distDir, 'parent-watch.js');
  const parentWatch = existsSync(builtWatch)
    ? builtWatch
    : join(distDir, 'launcher', 'parent-watch.ts');

  const children: Child[] = [];
  let embedded: EmbeddedPostgresProcess | null = null;
  let stopped: Promise<void> | null = null;
  // One stop for every caller: a second signal (or a child dying meanwhile) waits for the first.
  const stopAll = (): Promise<void> => {
    stopped ??= (async () => {
      say('stopping…');
      await Promise.all(children.map((c) => stopChild(c)));
      if (embedded !== null) await embedded.stop().catch(() => undefined);
    })();
    return stopped;
  };
  const shutdown = async (code: number): Promise<never> => {
    await stopAll();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0));
  }
  // Under `npm start` (npm sets npm_lifecycle_event), npm killed outright cannot forward a signal:
  // we are re-parented, and stop. Run directly (`nohup node launcher.js &`), a parent shell that
  // exits must not stop us, so the watch is npm's only.
  if (process.env['npm_lifecycle_event'] !== undefined) {
    const parentPid = process.ppid;
    setInterval(() => {
      if (process.ppid !== parentPid) void shutdown(0);
    }, 1_000).unref();
  }

  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    const dataDir = resolve(config.dataDir, 'postgres');
    say(`database: embedded PostgreSQL in ${dataDir} on port ${config.embeddedPostgresPort}`);
    embedded = await spawnEmbeddedPostgres({
      dataDir,
      port: config.embeddedPostgresPort,
      database: 'chorus',
      entryDir: distDir,
    }).catch((error: unknown) =>
      fail(
        `embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    databaseUrl = embedded.url;
  } else {
    say(`database: ${redact(databaseUrl)} (DATABASE_URL)`);
  }
  if (stopped !== null) return;
  const queueEnv = await chooseQueue(config);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...queueEnv,
    // Two `npm start`s on one machine share a Redis: each data set gets its own keys.
    QUEUE_PREFIX:
      process.env['QUEUE_PREFIX'] ??
      defaultQueuePrefix(config.databaseUrl === null ? resolve(config.dataDir) : databaseUrl),
    DATABASE_URL: databaseUrl,
    PORT: String(config.port),
    WEB_DIST: process.env['WEB_DIST'] ?? resolve(distDir, '../web'),
    SEED_DEMO: String(config.seedDemo),
    // The web client's own catalogue seeds the demo project (dist/apps/api → apps/web/src/locales).
    DEMO_CATALOGUE_DIR:
      process.env['DEMO_CATALOGUE_DIR'] ?? resolve(distDir, '../../../apps/web/src/locales'),
    // The in-context demo: the example shop's build under /example/ and its catalogue as a project.
    EXAMPLE_DIST: process.env['EXAMPLE_DIST'] ?? resolve(distDir, '../example'),
    DEMO_EXAMPLE_DIR:
      process.env['DEMO_EXAMPLE_DIR'] ?? resolve(distDir, '../../../apps/example/src/locales'),
  };

  const api = startNode('api', entry('main'), env, parentWatch, NODE_FLAGS);
  children.push(api);
  void api.exited.then((code) => (stopped !== null ? undefined : shutdown(code === 0 ? 1 : code)));
  const base = `http://localhost:${config.port}`;
  const waiting = (what: string) => (ms: number) =>
    say(`still waiting for ${what} (${Math.round(ms / 1000)} s)…`);
  if (!(await waitForHttpOk(`${base}/health`, api, waiting('the API')))) {
    if (stopped !== null) return;
    process.stderr.write('chorus: the API did not become healthy; see the lines above\n');
    await shutdown(1);
  }
  if (stopped !== null) return;
  const worker = startNode('worker', entry('worker'), env, parentWatch, NODE_FLAGS);
  children.push(worker);
  void worker.exited.then((code) =>
    stopped !== null ? undefined : shutdown(code === 0 ? 1 : code),
  );
  if (!(await waitForHttpOk(`${base}/health/worker`, worker, waiting('the worker')))) {
    if (stopped !== null) return;
    process.stderr.write('chorus: the worker did not answer its first job; see the lines above\n');
    await shutdown(1);
  }
  say(`ready on ${base}  (GraphQL: ${base}/graphql, health: ${base}/health)`);
  if (config.seedDemo) say(`demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  if (existsSync(join(env['EXAMPLE_DIST'] ?? '', 'index.html')))
    say(`in-context demo: ${base}/example/?chorus-in-context=1 (sign in, then Alt+click a text)`);
  say('press Ctrl-C to stop');
}

void main();
