import type { IncomingMessage, Server } from 'node:http';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BundleBuildService } from '../src/delivery/bundle-build.service';
import { BundleRebuildProducer, rebuildJobIds } from '../src/delivery/bundle-rebuild.producer';
import { DELIVERY_QUEUE } from '../src/queue/jobs';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { localeId, seedNamespace, seedWinner, type SeededCatalogue } from './support/delivery-seed';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';
import { testDatabaseUrl } from './support/test-env';

/** The acceptance bound for `/health` while bundle reads pile up during a rebuild. */
const HEALTH_BOUND_MS = 1_000;

const EN = JSON.stringify({ title: 'Shop', footer: 'Thank you' });

/** Waits until some backend of this database waits for a lock (a build on the advisory lock). */
async function untilBlockedOnLock(ds: DataSource): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const rows = (await ds.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { n: number }[];
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the build never waited for the lock');
}

/**
 * Critical 1 of issue 14: a bundle read during a rebuild used to rebuild in the request, waiting on
 * the project's advisory lock while holding a pooled connection; with the pool spent, the lock
 * holder could not get the connection it needed after its commit and the whole API hung.
 */
describe('availability: bundle reads never build in the request path', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: { client: TestClient; id: string };
  let projectId: string;
  let catalogue: SeededCatalogue;
  let builds: BundleBuildService;
  let queue: Queue;

  /** `/health` with its elapsed time; a hung API fails the bound instead of hanging the test. */
  const health = async (): Promise<{ status: number; ms: number }> => {
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };
  const bundleUrl = (slug: string, query = '') =>
    `${api.baseUrl}/bundles/${slug}/en/translation.json${query}`;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    builds = api.app.get(BundleBuildService);
    queue = api.app.get<Queue>(getQueueToken(DELIVERY_QUEUE));
    owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "busy", name: "Busy", sourceLocale: "en" }) { id } }',
    );
    projectId = created.createProject.id;
    catalogue = await seedNamespace(ds, projectId, 'translation', 'en', EN);
    // Built once, as the worker does after an import.
    await builds.rebuild(projectId, new Date());
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  it('keeps /health under 1 s while 50 anonymous GETs arrive during a rebuild, and after it', async () => {
    const before = await (await fetch(bundleUrl('busy'))).text();
    const pl = await localeId(ds, projectId, 'pl');
    const title = catalogue.strings.get('s:title');
    if (title === undefined) throw new Error('no s:title');
    await seedWinner(ds, {
      projectId,
      stringId: title.id,
      localeId: pl,
      authorId: owner.id,
      forms: { '': 'Sklep' },
      sourceHash: title.unit.sourceHash,
    });
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);

    // A rebuild is running: another session holds the project's build lock, and a build in the
    // API's own pool waits behind it (as a second rebuild of the same project would).
    const holder = new Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`bundle:${projectId}`]);
    let running: Promise<unknown> = Promise.resolve();
    try {
      running = builds.rebuild(projectId, new Date());
      await untilBlockedOnLock(ds);

      // Probe once the server has received every read (not while the test itself is still
      // sending them), so the probe measures locks and pools, not this process's CPU.
      const server = api.app.getHttpServer() as Server;
      let received = 0;
      const allReceived = new Promise<void>((resolve) => {
        const count = (req: IncomingMessage) => {
          if (req.url?.startsWith('/bundles/') === true && (received += 1) === 50) {
            server.off('request', count);
            resolve();
          }
        };
        server.on('request', count);
      });
      const reads = Array.from({ length: 50 }, () =>
        fetch(bundleUrl('busy'), { signal: AbortSignal.timeout(20_000) }).then(async (r) => ({
          status: r.status,
          body: await r.text(),
        })),
      );
      await allReceived;
      const during = [await health(), await health(), await health()];
      const answers = await Promise.all(reads);
      during.push(await health());
      for (const probe of during) {
        expect(probe.status).toBe(200);
        expect(probe.ms).toBeLessThan(HEALTH_BOUND_MS);
      }
      // The last built bundle is served while the worker catches up.
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
      expect(new Set(answers.map((a) => a.body))).toEqual(new Set([before]));
    } finally {
      await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
        `bundle:${projectId}`,
      ]);
      await holder.end();
    }
    await running;
    const after = await health();
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(HEALTH_BOUND_MS);
    expect(await builds.needsBuild(projectId)).toBe(false);
  });

  it('answers 503 with Retry-After for a project never built, and queues one rebuild job', async () => {
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "fresh", name: "Fresh", sourceLocale: "en" }) { id } }',
    );
    const freshId = created.createProject.id;
    await seedNamespace(ds, freshId, 'translation', 'en', EN);
    for (const jobId of rebuildJobIds(freshId)) await (await queue.getJob(jobId))?.remove();

    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(bundleUrl('fresh'))));
    for (const r of answers) {
      expect(r.status).toBe(503);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BUNDLE_NOT_READY');
    }
    const manifest = await fetch(`${api.baseUrl}/bundles/fresh/manifest.json`);
    expect(manifest.status).toBe(503);
    // The read built nothing: the worker's job does.
    expect(await builds.needsBuild(freshId)).toBe(true);
    // Queued off the request path: poll with a deadline.
    let queued = 0;
    for (let i = 0; i < 200 && queued === 0; i += 1) {
      const jobs = await Promise.all(rebuildJobIds(freshId).map((id) => queue.getJob(id)));
      queued = jobs.filter((j) => j !== undefined).length;
      if (queued === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(queued).toBe(1);

    await builds.rebuild(freshId, new Date());
    const served = await fetch(bundleUrl('fresh'));
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ title: 'Shop', footer: 'Thank you' });
  });

  it('serves the last build to browsers but 503 to ?fresh=1 while a requested rebuild is pending', async () => {
    await builds.rebuild(projectId, new Date());
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId);
    expect((await fetch(bundleUrl('busy'))).status).toBe(200);
    const fresh = await fetch(`${api.baseUrl}/bundles/busy/manifest.json?fresh=1`);
    expect(fresh.status).toBe(503);
    expect(fresh.headers.get('retry-after')).not.toBeNull();
    await builds.rebuild(projectId, new Date());
    expect((await fetch(`${api.baseUrl}/bundles/busy/manifest.json?fresh=1`)).status).toBe(200);
  });
});
