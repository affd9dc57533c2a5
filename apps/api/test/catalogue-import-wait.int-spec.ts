import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CatalogueImportProducer } from '../src/catalogue/catalogue-import.producer';
import { CATALOGUE_QUEUE } from '../src/queue/jobs';
import { getJson, pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

// Found by the W1 benchmark: `chorus push` learnt that a queued file was imported only at its next
// poll, and every poll authenticated and read the upload again. `GET /api/jobs/:id?wait=<s>`
// answers when the job ends, or with its current state after at most that many seconds.
describe('waiting for an import job (?wait=)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    api = await startApi(testConfig({ IMPORT_ASYNC_UNITS: '2' }));
    await resetDatabase(api.app);
    await flushQueueKeys(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  // Before the worker starts (the next test starts it): nothing may take this job.
  it('looks at the job again while it waits: an end no event reports still ends the wait', async () => {
    const producer = api.app.get(CatalogueImportProducer);
    const queue = api.app.get<Queue>(getQueueToken(CATALOGUE_QUEUE));
    const job = await queue.add('import', { uploadId: 'none' }, { jobId: `gone-${process.pid}` });
    const looks = jest.spyOn(producer, 'status');
    try {
      // Far longer than the test may run: only a look at the job can end this wait.
      const waiting = producer.waitForJob(job.id as string, 600_000);
      while (looks.mock.results.length === 0) await new Promise((r) => setImmediate(r));
      expect(await looks.mock.results[0]?.value).toMatchObject({ state: 'waiting' });
      // Removed, the job announces no completion or failure; the next look finds it gone.
      await job.remove();
      await waiting;
      expect(await producer.status(job.id as string)).toBeNull();
      expect(looks.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      looks.mockRestore();
    }
  });

  it('answers when the job ends, or its current state after the wait; auth first', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `wait-${process.pid}`;
    await owner.client.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'Wait', sourceLocale: 'en' },
    });
    const auth = { cookie: owner.client.rawCookie };
    const queued = await pushCatalogue(
      api.baseUrl,
      `/api/projects/${slug}/catalogues/translation?async=1`,
      JSON.stringify({ a: 'A', b: 'B', c: 'C' }),
      auth,
    );
    expect(queued.status).toBe(202);
    const job = `/api/jobs/${queued.body['jobId'] as string}`;
    const timed = async (path: string, as: { cookie?: string | null } = auth) => {
      const started = performance.now();
      const res = await getJson(api.baseUrl, path, as);
      return { ...res, ms: performance.now() - started };
    };

    // No worker yet: the job waits, and the request answers its state once the wait is over.
    const waited = await timed(`${job}?wait=0.5`);
    expect(waited.body).toMatchObject({ state: 'waiting' });
    expect(waited.ms).toBeGreaterThanOrEqual(450);

    // Refused before any wait: anonymous, a stranger, a wait out of bounds.
    const anonymous = await timed(`${job}?wait=5`, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.ms).toBeLessThan(2_000);
    const stranger = await signedInClient(api.baseUrl, 'stranger');
    const refused = await timed(`${job}?wait=5`, { cookie: stranger.client.rawCookie });
    expect([403, 404]).toContain(refused.status);
    expect(refused.ms).toBeLessThan(2_000);
    for (const wait of ['11', 'soon', '-1', '']) {
      expect((await timed(`${job}?wait=${wait}`)).status).toBe(400);
    }

    // A request waiting when the worker starts is answered with the result as the job completes.
    const pending = timed(`${job}?wait=10`);
    worker = await startWorker(api.config);
    const started = performance.now();
    const done = await pending;
    expect(done.body).toMatchObject({ state: 'completed', result: { kind: 'source', added: 3 } });
    expect(performance.now() - started).toBeLessThan(5_000);

    // An ended job is answered at once.
    const again = await timed(`${job}?wait=10`);
    expect(again.body).toMatchObject({ state: 'completed' });
    expect(again.ms).toBeLessThan(2_000);
  });
});
