import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ImportUploadPurgeService } from '../src/catalogue/import-upload-purge.service';
import { CATALOGUE_QUEUE } from '../src/queue/jobs';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

const HOUR = 3_600_000;

/** Issue 14 (low): failed uploads (whole bodies) and finished ones were never purged. */
describe('availability: old import uploads are purged', () => {
  let api: RunningApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi(testConfig({ IMPORT_UPLOAD_RETENTION_HOURS: '24' }));
    await resetDatabase(api.app);
    await flushQueueKeys(api.config);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  it('deletes finished and failed uploads past the retention, keeps recent and unfinished ones', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "purge", name: "Purge", sourceLocale: "en" }) { id } }',
    );
    const now = new Date('2026-12-02T12:00:00Z');
    const upload = (id: string, ageHours: number, state: 'done' | 'failed' | 'waiting') =>
      db.query(
        `INSERT INTO import_upload (id, project_id, namespace, locale, nested_keys, author_id, body,
                                    result, error, created_at)
         VALUES ($1, $2, 'ns', 'en', false, $3, $4, $5::jsonb, $6::jsonb, $7)`,
        [
          id,
          created.createProject.id,
          owner.id,
          state === 'done' ? '' : 'x'.repeat(10_000),
          state === 'done' ? '{"added":1}' : null,
          state === 'failed' ? '{"code":"INVALID_CATALOGUE","message":"Line 1"}' : null,
          new Date(now.getTime() - ageHours * HOUR),
        ],
      );
    await upload('import-old-done', 25, 'done');
    await upload('import-old-failed', 48, 'failed');
    await upload('import-new-failed', 23, 'failed');
    await upload('import-old-waiting', 72, 'waiting');

    const purges = api.app.get(ImportUploadPurgeService);
    expect(await purges.purge(now)).toBe(2);
    const left = await db.query<{ id: string }[]>('SELECT id FROM import_upload ORDER BY id');
    expect(left.map((r) => r.id)).toEqual(['import-new-failed', 'import-old-waiting']);
    // Safe to run twice; two hours later the 23-hour-old one is due.
    expect(await purges.purge(now)).toBe(0);
    expect(await purges.purge(new Date(now.getTime() + 2 * HOUR))).toBe(1);
  });

  it('is scheduled hourly by the worker, once however many times it starts', async () => {
    const worker: INestApplicationContext = await startWorker(api.config);
    const again: INestApplicationContext = await startWorker(api.config);
    try {
      const queue = api.app.get<Queue>(getQueueToken(CATALOGUE_QUEUE));
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([['purge-uploads', HOUR]]);
    } finally {
      await again.close();
      await worker.close();
    }
  });
});
