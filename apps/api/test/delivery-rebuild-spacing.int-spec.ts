import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { BundleBuildService } from '../src/delivery/bundle-build.service';
import {
  BundleRebuildProducer,
  REBUILD_SPACING,
  rebuildJobIds,
} from '../src/delivery/bundle-rebuild.producer';
import { DELIVERY_QUEUE } from '../src/queue/jobs';
import { pollUntil } from './support/catalogue-http';
import { seedNamespace } from './support/delivery-seed';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  type RunningApi,
} from './support/test-app';

/** A build said to have taken this long: its spacing (×4) is far beyond the test. */
const SLOW_BUILD_MS = 60_000;

/**
 * A big project's rebuilds are spaced by REBUILD_SPACING of its builds, counted from the last
 * build's end. A follow-up queued while a build ran used to start right after it (the delay was
 * counted from the request), so back-to-back builds took a third of the worker in W3.
 */
describe('bundle rebuilds are spaced from the last build’s end', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  let projectId: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    await flushQueueKeys(api.config);
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
    queue = api.app.get<Queue>(getQueueToken(DELIVERY_QUEUE));
    const owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "spaced", name: "Spaced", sourceLocale: "en" }) { id } }',
    );
    projectId = created.createProject.id;
    await seedNamespace(db, projectId, 'translation', 'en', JSON.stringify({ title: 'Shop' }));
    await api.app.get(BundleBuildService).rebuild(projectId, new Date());
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  /** Pretends the last build was slow and ended `endedMsAgo` ago. */
  const lastBuildWasSlow = (endedMsAgo: number) =>
    db.query(
      `UPDATE bundle_set SET build_ms = $2::int,
         built_at = now() - make_interval(secs => ($2::int + $3::int)::float8 / 1000) WHERE project_id = $1`,
      [projectId, SLOW_BUILD_MS, endedMsAgo],
    );
  const builtSeq = async (): Promise<number> => {
    const rows = await db.query<{ built_seq: string }[]>(
      'SELECT built_seq FROM bundle_set WHERE project_id = $1',
      [projectId],
    );
    return Number(rows[0]?.built_seq ?? -1);
  };

  it('delays a request made right after a slow build by four of its builds', async () => {
    await lastBuildWasSlow(0);
    const asked = Date.now();
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId, ['de']);
    const job = await queue.getJob(rebuildJobIds(projectId)[0]);
    expect(await job?.getState()).toBe('delayed');
    const due = (job?.timestamp ?? 0) + (job?.delay ?? 0);
    expect(due - asked).toBeGreaterThan(REBUILD_SPACING * SLOW_BUILD_MS - 5_000);
    await job?.remove();
  });

  it('sends a follow-up that comes due too soon back to wait, and builds once the spacing is over', async () => {
    const before = await builtSeq();
    await lastBuildWasSlow(1_000);
    await api.app.get(BundleRebuildProducer).requestRebuild(projectId, ['de']);
    // As a follow-up queued while a build ran: due at once.
    const [primary, followUp] = rebuildJobIds(projectId);
    await (await queue.getJob(primary))?.remove();
    await queue.add('rebuild-bundles', { projectId }, { jobId: followUp, removeOnComplete: true });
    const delayed = await pollUntil(
      async () => {
        const job = await queue.getJob(followUp);
        return { job, state: await job?.getState() };
      },
      // Built and removed (state undefined) is the old behaviour: the test fails, it does not hang.
      (s) => s.state === 'delayed' || s.state === undefined || s.state === 'completed',
    );
    expect(delayed.state).toBe('delayed');
    expect(await builtSeq()).toBe(before);
    const due = (delayed.job?.timestamp ?? 0) + (delayed.job?.delay ?? 0);
    expect(due - Date.now()).toBeGreaterThan(REBUILD_SPACING * SLOW_BUILD_MS - 10_000);

    // The spacing has passed (the slow build ended long ago): promoted, the job builds.
    await lastBuildWasSlow(REBUILD_SPACING * SLOW_BUILD_MS);
    await delayed.job?.promote();
    await pollUntil(builtSeq, (seq) => seq > before);
  });
});
