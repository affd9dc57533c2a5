import type { INestApplicationContext } from '@nestjs/common';
import { HealthService, WORKER_OK_CACHE_MS } from '../src/health/health.service';
import { MaintenanceProducer } from '../src/queue/maintenance.producer';
import { flushQueueKeys, startApi, startWorker, type RunningApi } from './support/test-app';

/**
 * Issue 14 (low): every anonymous GET /health/worker opened a Redis connection and queued a ping
 * job. Now concurrent calls share one ping, a healthy answer is reused for a few seconds, and a
 * ping no worker took is removed.
 */
describe('availability: /health/worker is cheap for anonymous callers', () => {
  let api: RunningApi;
  let worker: INestApplicationContext | undefined;
  let enqueued: jest.SpyInstance;

  beforeAll(async () => {
    api = await startApi();
    enqueued = jest.spyOn(api.app.get(MaintenanceProducer), 'enqueuePing');
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  const call = () => fetch(`${api.baseUrl}/health/worker`).then((r) => r.status);

  it('queues one ping for 20 parallel calls while no worker runs, and leaves no job behind', async () => {
    enqueued.mockClear();
    const statuses = await Promise.all(Array.from({ length: 20 }, call));
    expect(new Set(statuses)).toEqual(new Set([503]));
    expect(enqueued).toHaveBeenCalledTimes(1);
    const counts = await api.app.get(MaintenanceProducer).counts();
    expect(counts['waiting'] ?? 0).toBe(0);
  }, 30_000);

  it('queues one ping for 20 parallel and 20 more sequential calls with a worker, then pings again once the answer is old', async () => {
    worker = await startWorker(api.config);
    enqueued.mockClear();
    const statuses = await Promise.all(Array.from({ length: 20 }, call));
    for (let i = 0; i < 20; i += 1) statuses.push(await call());
    expect(new Set(statuses)).toEqual(new Set([200]));
    // The sequential calls may span the cache window on a slow machine: at most one more ping.
    expect(enqueued.mock.calls.length).toBeLessThanOrEqual(2);

    // The clock is injected: an answer older than the window is refreshed by one new ping.
    enqueued.mockClear();
    const health = api.app.get(HealthService);
    const later = Date.now() + WORKER_OK_CACHE_MS + 1;
    const refreshed = await Promise.all([
      health.checkWorker(5_000, later),
      health.checkWorker(5_000, later),
    ]);
    expect(refreshed.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(enqueued).toHaveBeenCalledTimes(1);
    await health.checkWorker(5_000, later + 1);
    expect(enqueued).toHaveBeenCalledTimes(1);
  }, 30_000);
});
