import type { INestApplicationContext } from '@nestjs/common';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../src/config/env.schema';
import { runMigrations } from '../src/database/run-migrations';
import {
  type EmbeddedPostgresProcess,
  spawnEmbeddedPostgres,
} from '../src/launcher/embedded-postgres-process';
import { TestClient } from './support/graphql-client';
import { startApi, startWorker, type RunningApi } from './support/test-app';

/**
 * What `npm start` runs on a machine with nothing installed: a real PostgreSQL from npm and
 * BullMQ's PostgreSQL backend instead of Redis.
 */
describe('embedded mode: embedded-postgres + BullMQ on PostgreSQL, no Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chorus-embedded-'));
  let postgres: EmbeddedPostgresProcess;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // As root, embedded-postgres runs the server as a separate user, who must be able to enter the directory.
    chmodSync(dir, 0o755);
    postgres = await spawnEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      port: 20_000 + (process.pid % 20_000),
      database: 'chorus',
      entryDir: join(__dirname, '../src'),
    });
    await runMigrations(postgres.url, { log: () => undefined });
    const config = parseEnv({ NODE_ENV: 'test', DATABASE_URL: postgres.url, LOG_FORMAT: 'json' });
    expect(config.queue.backend).toBe('postgres');
    api = await startApi(config);
    worker = await startWorker(config);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports healthy with the Postgres queue backend', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(await response.json()).toEqual({
      status: 'ok',
      postgres: 'up',
      queue: 'up',
      queueBackend: 'postgres',
      redis: 'not-configured',
    });
  });

  it('runs the trivial job through the worker', async () => {
    const response = await fetch(`${api.baseUrl}/health/worker`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', workerPid: process.pid });
  });

  it('serves accounts on the embedded database', async () => {
    const client = new TestClient(api.baseUrl);
    await client.ok('mutation($i: SignUpInput!) { signUp(input: $i) { id } }', {
      i: { email: 'embedded@example.test', password: 'quiet lantern over ice', displayName: 'Em' },
    });
    expect(await client.ok('{ me { email } }')).toEqual({ me: { email: 'embedded@example.test' } });
  });
});
