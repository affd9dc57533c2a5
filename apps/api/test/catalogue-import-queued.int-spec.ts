import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getJson, pollUntil, pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

// Found by the W1 benchmark: a large file was parsed by the API only to learn that it must be
// queued, then parsed again by the worker. A file over IMPORT_ASYNC_UNITS × 64 bytes is now queued
// unparsed; a malformed one fails its job with the parser's error instead of a 400.
describe('files queued by their size alone', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi(testConfig({ IMPORT_ASYNC_UNITS: '2' }));
    await resetDatabase(api.app);
    await flushQueueKeys(api.config);
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('imports a large file in the worker, and fails a malformed one with its line and key', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `queued-${process.pid}`;
    await owner.client.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'Queued', sourceLocale: 'en' },
    });
    const auth = { cookie: owner.client.rawCookie };
    const url = `/api/projects/${slug}/catalogues/translation`;
    const finished = async (body: string, locale: string) => {
      const res = await pushCatalogue(api.baseUrl, `${url}?locale=${locale}`, body, auth);
      expect(res.status).toBe(202);
      const jobId = res.body['jobId'] as string;
      return pollUntil(
        () => getJson(api.baseUrl, `/api/jobs/${jobId}`, auth),
        (r) => r.body['state'] === 'completed' || r.body['state'] === 'failed',
      );
    };
    // Small: parsed by the API (a new namespace picks its key style from the content), 3 units > 2.
    expect((await finished('{"a":"A","b":"B","c":"C"}', 'en')).body).toMatchObject({
      state: 'completed',
      result: { kind: 'source', added: 3 },
    });

    const big = JSON.stringify({ a: 'A-pl', b: 'B-pl', c: `C-pl ${'x'.repeat(200)}` });
    expect((await finished(big, 'pl')).body).toMatchObject({
      state: 'completed',
      result: { kind: 'translations', added: 3, imported: 3 },
    });

    const malformed = `{\n  "a": "A-de",\n  "a": "again",\n  "b": "${'x'.repeat(200)}"\n}`;
    const failed = await finished(malformed, 'de');
    expect(failed.body).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_CATALOGUE', message: expect.stringMatching(/Line 3/) },
    });
    const written = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM translation_unit u JOIN locale l ON l.id = u.locale_id
       WHERE l.code = 'de'`,
    );
    expect(Number(written[0]?.n)).toBe(0);
  });
});
