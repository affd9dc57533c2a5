import type { INestApplicationContext } from '@nestjs/common';
import { TestClient } from './support/graphql-client';
import { flushQueueKeys, startApi, startWorker, type RunningApi } from './support/test-app';
import { testQueueBackend } from './support/test-env';

describe('health and the queue round trip (real Postgres, real queue backend)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('GET /health reports Postgres and the queue backend up', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(200);
    const backend = testQueueBackend();
    expect(await response.json()).toEqual({
      status: 'ok',
      postgres: 'up',
      queue: 'up',
      queueBackend: backend,
      redis: backend === 'redis' ? 'up' : 'not-configured',
    });
  });

  it('answers the health query over GraphQL without a session', async () => {
    const data = await new TestClient(api.baseUrl).ok<{
      health: { status: string; postgres: string };
    }>('{ health { status postgres } }');
    expect(data.health).toEqual({ status: 'ok', postgres: 'up' });
  });

  it('GET /health/worker is 503 while no worker runs, then 200 once one processes the ping job', async () => {
    const down = await fetch(`${api.baseUrl}/health/worker`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'down' });

    worker = await startWorker(api.config);
    const up = await fetch(`${api.baseUrl}/health/worker`);
    expect(up.status).toBe(200);
    const body = (await up.json()) as { status: string; workerPid: number; roundTripMs: number };
    expect(body.status).toBe('ok');
    expect(body.workerPid).toBe(process.pid);
    expect(body.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('maps an unknown route to a JSON 404 with a code', async () => {
    const response = await fetch(`${api.baseUrl}/api/nope`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers malformed GraphQL with a protocol error code, not a stack trace', async () => {
    const result = await new TestClient(api.baseUrl).gql('{ health { nope } }');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });
});
