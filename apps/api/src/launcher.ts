/**
 * `npm start`: runs the whole product on one port. With DATABASE_URL unset it starts an
 * embedded PostgreSQL (data under .chorus/); with REDIS_URL unset it uses a Redis on
 * 127.0.0.1:6379 if one answers, else BullMQ's PostgreSQL backend. Then it starts the API
 * (which also serves the web client) and a worker, and stops everything on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvError, parseLauncherEnv, redact, type LauncherConfig } from './config/env.schema';
import { DEMO_LOGIN } from './demo/demo-credentials';
import { type Child, startNode, stopChild, waitForHttpOk } from './launcher/child-process';
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
  let embedded: EmbeddedPostgresProcess | null = null;
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
  const queueEnv = await chooseQueue(config);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...queueEnv,
    DATABASE_URL: databaseUrl,
    PORT: String(config.port),
    WEB_DIST: process.env['WEB_DIST'] ?? resolve(distDir, '../web'),
    SEED_DEMO: process.env['SEED_DEMO'] ?? 'true',
    // The web client's own catalogue seeds the demo project (dist/apps/api → apps/web/src/locales).
    DEMO_CATALOGUE_DIR:
      process.env['DEMO_CATALOGUE_DIR'] ?? resolve(distDir, '../../../apps/web/src/locales'),
  };

  const children: Child[] = [];
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      say('stopping…');
      await Promise.all(children.map((c) => stopChild(c)));
      if (embedded !== null) await embedded.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const api = startNode('api', entry('main'), env);
  children.push(api);
  void api.exited.then((code) => (stopping ? undefined : shutdown(code === 0 ? 1 : code)));
  const base = `http://localhost:${config.port}`;
  if (!(await waitForHttpOk(`${base}/health`, api, 120_000))) {
    process.stderr.write('chorus: the API did not become healthy; see the lines above\n');
    await shutdown(1);
  }
  const worker = startNode('worker', entry('worker'), env);
  children.push(worker);
  void worker.exited.then((code) => (stopping ? undefined : shutdown(code === 0 ? 1 : code)));
  if (!(await waitForHttpOk(`${base}/health/worker`, worker, 60_000))) {
    process.stderr.write('chorus: the worker did not answer its first job; see the lines above\n');
    await shutdown(1);
  }
  say(`ready on ${base}  (GraphQL: ${base}/graphql, health: ${base}/health)`);
  say(`demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  say('press Ctrl-C to stop');
}

void main();
