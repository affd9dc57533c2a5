import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApi } from '../../src/app/create-api';
import { WorkerModule } from '../../src/app/worker.module';
import { type AppConfig, parseEnv } from '../../src/config/env.schema';
import { prepareQueueBackend } from '../../src/queue/queue-connection';
import { TEST_REDIS_URL, testDatabaseUrl, testQueueBackend } from './test-env';
import { deleteRedisKeys } from './redis-keys';

/** Set CHORUS_TEST_LOGS=1 to see the server's errors and warnings while debugging a test. */
const TEST_LOGGER: false | ('error' | 'warn')[] =
  process.env['CHORUS_TEST_LOGS'] === '1' ? ['error', 'warn'] : false;

const UNTHROTTLED: Record<string, string> = Object.fromEntries(
  [
    'SIGN_IN_FAILS_PER_IP',
    'SIGN_IN_FAILS_PER_ACCOUNT',
    'SIGN_IN_CONSECUTIVE_FAILS',
    'SIGN_UPS_PER_IP',
    'TOKEN_FAILS_PER_IP',
    'TOKEN_REQUESTS',
    'VOTES',
    'VOTE_FLIPS',
    'REPORTS_PER_USER',
    'REPORTS_PER_IP',
    'JOINS',
    'COMMENTS',
    'CLAIMS',
    'READS',
    'SUBMISSIONS',
    'PROJECTS',
    'WRITES',
  ].map((name) => [`RATE_LIMIT_${name}`, '1000000']),
);

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const backend = testQueueBackend();
  return parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    QUEUE_BACKEND: backend,
    REDIS_URL: backend === 'redis' ? TEST_REDIS_URL : undefined,
    QUEUE_PREFIX: process.env['CHORUS_TEST_QUEUE_PREFIX'] ?? 'chorus_test',
    LOG_FORMAT: 'json',
    // Tests sign in and vote far faster than people, all from 127.0.0.1: throttles are opened
    // wide here, and the rate-limit tests pass their own low limits.
    ...UNTHROTTLED,
    // Tests read progress and leaderboards right after changing them; progress-cache.int-spec
    // turns the cache on.
    STATS_CACHE_MS: '0',
    ...overrides,
  });
}

export interface RunningApi {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/** The real HTTP API (GraphQL + REST) on a random port, as main.ts builds it. */
export async function startApi(config: AppConfig = testConfig()): Promise<RunningApi> {
  await prepareQueueBackend(config);
  const { app } = await createApi(config, { logger: TEST_LOGGER, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, config, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The real worker (BullMQ processors) in this process. */
export async function startWorker(
  config: AppConfig = testConfig(),
): Promise<INestApplicationContext> {
  await prepareQueueBackend(config);
  const worker = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: false,
  });
  await worker.init();
  return worker;
}

/** Empties every application table (not the migrations table) between test files. */
export async function resetDatabase(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables = dataSource.entityMetadatas.map((m) => `"${m.tableName}"`).join(', ');
  await dataSource.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

/** Deletes this run's BullMQ keys from Redis. */
export async function flushQueueKeys(config: AppConfig): Promise<void> {
  if (config.queue.backend !== 'redis') return;
  await deleteRedisKeys(config.queue.redisUrl, `${config.queuePrefix}:*`);
}
